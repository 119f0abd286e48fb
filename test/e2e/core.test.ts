/**
 * The walking skeleton, end to end, in real Chromium and Firefox with the built
 * extension: highlight, popover by hover and keyboard, the popup's site switch,
 * unticking a term in options, and exclusions.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../tools/server.ts';
import { type BrowserName, type Driver, launch, type Tab } from './harness/browsers.ts';
import {
  lensNames,
  markedIds,
  markSelector,
  type Names,
  popover,
  resetSettings,
  setSettings,
  tabIdOf,
  waitForMark,
  waitForNoMarks,
  waitForNoPopover,
  waitForPopover,
} from './harness/lens.ts';

const browsers: BrowserName[] = ['chromium', 'firefox'];

describe.each(browsers)('%s', (browserName) => {
  let server: TestServer;
  let driver: Driver;
  let names: Names;
  let page: Tab;
  const demo = () => server.url('/pages/demo-article.html');

  beforeAll(async () => {
    server = await startServer();
    driver = await launch(browserName);
    names = await lensNames(driver);
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  beforeEach(async () => {
    await resetSettings(driver);
    page = await driver.open(demo());
    await waitForMark(page, names, 'myokymia');
  });

  it('highlights glossary terms as <mark> elements carrying the entry id', async () => {
    const ids = await markedIds(page, names);
    expect(ids).toContain('myokymia:Facial myokymia');
    expect(ids).toContain('gabapentin:gabapentin');
    expect(ids).toContain('hemifacial-spasm:hemifacial spasm');
    const tag = await page.evaluate((sel: string) => document.querySelector(sel)?.localName, names.mark);
    expect(tag).toBe('mark');
    // The page's text is unchanged by highlighting.
    const text = await page.evaluate(() => document.body.textContent?.includes('Facial myokymia, probably related'));
    expect(text).toBe(true);
    await page.close();
  });

  it('shows the right definition on hover and closes when the pointer leaves', async () => {
    await page.hover(markSelector(names, 'gabapentin'));
    await waitForPopover(page, names, 'gabapentin');
    const state = await popover(page, names);
    expect(state.text).toContain('nerve pain');
    expect(state.text).toContain('not medical advice');
    await page.mouseMove(5, 5);
    await waitForNoPopover(page, names);
    await page.close();
  });

  it('opens on keyboard focus and closes on Escape, leaving focus on the term', async () => {
    await page.evaluate(
      (sel: string) => (document.querySelector(sel) as HTMLElement).focus(),
      markSelector(names, 'carbamazepine'),
    );
    await waitForPopover(page, names, 'carbamazepine');
    await page.press('Escape');
    await waitForNoPopover(page, names);
    const focused = await page.evaluate((n: Names) => document.activeElement?.getAttribute(n.idAttr), names);
    expect(focused).toBe('carbamazepine');
    await page.close();
  });

  it('turns the site off and on from the popup, live, without a reload', async () => {
    const tabId = await tabIdOf(driver, demo());
    const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor(() => document.querySelector('input[role="switch"]') !== null);
    expect(
      await popup.evaluate(() => (document.querySelector('input[role="switch"]') as HTMLInputElement).checked),
    ).toBe(true);
    await popup.click('input[role="switch"]');
    await waitForNoMarks(page, names);
    expect(await page.evaluate(() => document.body.textContent?.includes('Facial myokymia, probably related'))).toBe(
      true,
    );
    await popup.click('input[role="switch"]');
    await waitForMark(page, names, 'myokymia');
    await popup.close();
    await page.close();
  });

  it('removes only the unticked term’s highlights when a term is unticked in options', async () => {
    const before = await markedIds(page, names);
    expect(before.some((m) => m.startsWith('gabapentin:'))).toBe(true);
    const options = await driver.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('input[data-term="gabapentin"]') !== null);
    await options.click('input[data-term="gabapentin"]');
    await page.waitFor((n: Names) => !document.querySelector(`${n.mark}[${n.idAttr}="gabapentin"]`), names);
    // The text that held the term is scanned again, so other terms in it come back.
    const expected = before.filter((m) => !m.startsWith('gabapentin:'));
    await page
      .waitFor(
        ([n, want]: [Names, string]) =>
          JSON.stringify(
            [...document.querySelectorAll(n.mark)].map((m) => `${m.getAttribute(n.idAttr)}:${m.textContent}`),
          ) === want,
        [names, JSON.stringify(expected)] as [Names, string],
        5000,
      )
      .catch(() => undefined);
    expect(await markedIds(page, names)).toEqual(expected);
    await options.close();
    await page.close();
  });

  it('never marks text in fields, code, scripts, buttons, links or hidden elements', async () => {
    await setSettings(driver, { occurrences: 'all' });
    const tab = await driver.open(server.url('/pages/exclusions.html'));
    await waitForMark(tab, names, 'gabapentin');
    const inside = await tab.evaluate(
      (n: Names) =>
        [...document.querySelectorAll(n.mark)].map(
          (m) => m.parentElement?.closest('[id]')?.id ?? m.parentElement?.localName,
        ),
      names,
    );
    expect(inside).toEqual(['prose', 'prose', 'after']);
    const untouched = await tab.evaluate(() => ({
      textarea: (document.getElementById('ta') as HTMLTextAreaElement).value,
      input: (document.getElementById('inp') as HTMLInputElement).value,
      script: document.getElementById('scr')?.textContent,
    }));
    expect(untouched).toEqual({
      textarea: 'myokymia in a textarea',
      input: 'myokymia in an input',
      script: 'var note = "myokymia in a script";',
    });
    await tab.close();
    await page.close();
  });
});
