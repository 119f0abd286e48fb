/**
 * Issue 3: every term and alias of every entry is highlighted, for its own
 * entry, on a generated page in the real browsers.
 */
import index from 'virtual:glossary-index';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../src/core/matcher.ts';
import { startServer, type TestServer } from '../tools/server.ts';
import { type BrowserName, type Driver, launch } from './harness/browsers.ts';
import { lensNames, type Names, resetSettings, setSettings, waitForMark } from './harness/lens.ts';

const matcher = compileMatcher(index);
const forms = index.flatMap((entry) =>
  entry.forms.map((form) => ({ form, expected: matcher.lookup(form)?.entryId ?? entry.id })),
);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Multiple sclerosis glossary: every form</title></head><body>${forms
  .map((f, i) => `<p id="f${i}">See ${escapeHtml(f.form)} here.</p>`)
  .join('\n')}</body></html>`;

describe.each(['chromium', 'firefox'] as BrowserName[])('%s', (browserName) => {
  let server: TestServer;
  let driver: Driver;
  let names: Names;

  beforeAll(async () => {
    server = await startServer();
    driver = await launch(browserName);
    names = await lensNames(driver);
    await resetSettings(driver);
    await setSettings(driver, { occurrences: 'all' });
  });

  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });

  it(`highlights all ${forms.length} forms of ${index.length} entries`, async () => {
    const tab = await driver.open(server.addPage(`forms-${browserName}.html`, page));
    await waitForMark(tab, names, index[0]?.id ?? '');
    await tab.waitFor(
      (n: Names) => document.querySelectorAll(n.mark).length >= document.querySelectorAll('p').length,
      names,
      30_000,
    );
    const found = await tab.evaluate(
      (n: Names) =>
        [...document.querySelectorAll('p')].map((p) => p.querySelector(n.mark)?.getAttribute(n.idAttr) ?? null),
      names,
    );
    const missing = forms.flatMap((f, i) =>
      found[i] === f.expected ? [] : [`${f.form} -> ${found[i]} (want ${f.expected})`],
    );
    expect(missing).toEqual([]);
    await tab.close();
  });
});
