/**
 * What gets highlighted, end to end in Chromium and Firefox: terms inside
 * links and <summary> toggles (explained on hover, while a click still follows
 * the link), "I know this word" with its Undo and its way back in options, and
 * the reader's choice of levels.
 */
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/build/glossary-load.ts';
import { axeViolations } from './harness/axe.ts';
import { BROWSERS, launch, type Tab } from './harness/browsers.ts';
import {
  clickInPopover,
  markedIds,
  markSelector,
  type Names,
  popover,
  resetSettings,
  setSettings,
  waitForMark,
  waitForNoPopover,
  waitForPopover,
} from './harness/lens.ts';
import { useSession } from './harness/session.ts';

const levelOf = new Map(loadGlossary().entries.map((e) => [e.id, e.level]));

/** Whether the page has a highlight of `id`. */
function hasMark(tab: Tab, names: Names, id: string): Promise<boolean> {
  return tab.evaluate((sel: string) => document.querySelector(sel) !== null, markSelector(names, id));
}

async function waitForNoMarkOf(tab: Tab, names: Names, id: string): Promise<void> {
  await tab.waitFor((sel: string) => document.querySelector(sel) === null, markSelector(names, id));
}

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = useSession(() => launch(browserName));

  describe('terms inside links and toggles', () => {
    const open = async () => {
      await resetSettings(ctx.driver);
      const tab = await ctx.driver.open(ctx.server.url('/pages/links.html'));
      await waitForMark(tab, ctx.names, 'dysarthria');
      await waitForMark(tab, ctx.names, 'optic-neuritis');
      return tab;
    };

    it('highlights them without a role, tab stop or change to the link’s name, and leaves widgets alone', async () => {
      const tab = await open();
      const facts = await tab.evaluate((n: Names) => {
        const inLink = (id: string) => document.querySelector(`#${id} ${n.mark}`) as HTMLElement | null;
        const marks = ['link-dysarthria', 'link-dysphagia', 'link-nystagmus', 'faq-summary'].map(inLink);
        return {
          found: marks.map((m) => m?.getAttribute(n.idAttr) ?? null),
          roles: marks.map((m) => m?.getAttribute('role') ?? null),
          tabindexes: marks.map((m) => m?.getAttribute('tabindex') ?? null),
          linkName: document.getElementById('link-dysarthria')?.textContent,
          plainRole: (document.querySelector(`#plain ${n.mark}`) as HTMLElement | null)?.getAttribute('role'),
          inButton: document.querySelector(`#btn ${n.mark}`) !== null,
        };
      }, ctx.names);
      expect(facts.found).toEqual(['dysarthria', 'dysphagia', 'nystagmus', 'optic-neuritis']);
      expect(facts.roles).toEqual([null, null, null, null]);
      expect(facts.tabindexes).toEqual([null, null, null, null]);
      expect(facts.linkName).toBe('dysarthria');
      expect(facts.plainRole).toBe('button');
      expect(facts.inButton).toBe(false);
      expect(await axeViolations(tab)).toEqual([]);
      await tab.close();
    });

    it('explains a linked term on hover, and a click still follows the link', async () => {
      const tab = await open();
      await tab.hover(markSelector(ctx.names, 'dysarthria'));
      await waitForPopover(tab, ctx.names, 'dysarthria');
      expect(await axeViolations(tab)).toEqual([]);
      await tab.mouseMove(5, 5);
      await waitForNoPopover(tab, ctx.names);
      await tab.click(markSelector(ctx.names, 'dysphagia'));
      await tab.waitFor(() => location.search === '?via=dysphagia');
      await tab.close();
    });

    it('a click on a term in a <summary> still opens the toggle, and the answer’s terms appear then', async () => {
      const tab = await open();
      expect(await tab.evaluate(() => (document.getElementById('faq') as HTMLDetailsElement).open)).toBe(false);
      expect(await hasMark(tab, ctx.names, 'myelin')).toBe(false); // hidden text is left until it is shown
      await tab.click(markSelector(ctx.names, 'optic-neuritis'));
      await tab.waitFor(() => (document.getElementById('faq') as HTMLDetailsElement).open);
      await waitForMark(tab, ctx.names, 'myelin');
      await tab.close();
    });

    it('Tab goes from link to link: a linked term is not an extra stop', async () => {
      const tab = await open();
      await tab.evaluate(() => (document.getElementById('nav-ms') as HTMLElement).focus());
      const stops: string[] = [];
      for (let i = 0; i < 4; i++) {
        await tab.press('Tab');
        stops.push(await tab.evaluate(() => document.activeElement?.id || document.activeElement?.localName || ''));
      }
      // "Multiple sclerosis" is first met in the navigation link, so its highlight there is not a stop either.
      expect(stops).toEqual(['link-dysarthria', 'link-dysphagia', 'link-nystagmus', 'link-lhermitte']);
      await tab.close();
    });
  });

  describe('I know this word', () => {
    it('stops highlighting the term, offers Undo in the popover, and options can bring it back', async () => {
      await resetSettings(ctx.driver);
      const tab = await ctx.driver.open(ctx.server.url('/pages/demo-article.html'));
      await waitForMark(tab, ctx.names, 'myokymia');
      await tab.click(markSelector(ctx.names, 'myokymia'));
      await waitForPopover(tab, ctx.names, 'myokymia');
      await clickInPopover(tab, ctx.names, 'I know this word');
      await waitForNoMarkOf(tab, ctx.names, 'myokymia');
      let state = await popover(tab, ctx.names);
      expect(state.text).toContain('“myokymia” will no longer be highlighted');
      expect(state.focused).toBe('button.tc-button'); // Undo has focus, for keyboard users
      expect(await axeViolations(tab)).toEqual([]);
      await clickInPopover(tab, ctx.names, 'Undo');
      await waitForMark(tab, ctx.names, 'myokymia');
      await waitForPopover(tab, ctx.names, 'myokymia');

      // Again, by keyboard this time, and then back through options.
      await tab.press('Escape');
      await waitForNoPopover(tab, ctx.names);
      await tab.evaluate(
        (sel: string) => (document.querySelector(sel) as HTMLElement).focus(),
        markSelector(ctx.names, 'myokymia'),
      );
      await tab.press('Enter');
      await waitForPopover(tab, ctx.names, 'myokymia');
      await clickInPopover(tab, ctx.names, 'I know this word');
      await waitForNoMarkOf(tab, ctx.names, 'myokymia');
      state = await popover(tab, ctx.names);
      expect(state.open).toBe(true);
      const options = await ctx.driver.openExtensionPage('options.html');
      await options.waitFor(() => document.querySelector('input[data-term="myokymia"]') !== null);
      expect(
        await options.evaluate(
          () => (document.querySelector('input[data-term="myokymia"]') as HTMLInputElement).checked,
        ),
      ).toBe(false);
      // The term list is collapsed by category: open the term's category first.
      await options.evaluate(() => {
        (document.querySelector('input[data-term="myokymia"]')?.closest('details') as HTMLDetailsElement).open = true;
      });
      await options.click('input[data-term="myokymia"]');
      await waitForMark(tab, ctx.names, 'myokymia');
      await options.close();
      await tab.close();
    });
  });

  describe('levels', () => {
    it('highlights common and specialist words by default, and the reader can choose fewer or more', async () => {
      expect([levelOf.get('myokymia'), levelOf.get('neurologist'), levelOf.get('muscle-cramp')]).toEqual([
        'specialist',
        'common',
        'everyday',
      ]);
      await resetSettings(ctx.driver);
      const tab = await ctx.driver.open(ctx.server.url('/pages/demo-article.html'));
      await waitForMark(tab, ctx.names, 'myokymia');
      await waitForMark(tab, ctx.names, 'neurologist');
      expect(await hasMark(tab, ctx.names, 'muscle-cramp')).toBe(false);

      const options = await ctx.driver.openExtensionPage('options.html');
      await options.waitFor(() => document.querySelector('input[name="term-level"]') !== null);
      await options.click('input[name="term-level"][value="specialist"]');
      await waitForNoMarkOf(tab, ctx.names, 'neurologist');
      expect(await hasMark(tab, ctx.names, 'myokymia')).toBe(true);
      await options.click('input[name="term-level"][value="everyday"]');
      await waitForMark(tab, ctx.names, 'muscle-cramp');
      await waitForMark(tab, ctx.names, 'neurologist');
      expect(await markedIds(tab, ctx.names)).toContain('myokymia:myokymia');
      await setSettings(ctx.driver, { termLevel: 'common' });
      await waitForNoMarkOf(tab, ctx.names, 'muscle-cramp');
      await options.close();
      await tab.close();
    });
  });
});
