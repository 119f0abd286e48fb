/**
 * The glossary end to end: every term and alias of every entry is highlighted, for its own
 * entry, on a generated page in the real browsers.
 */
import { readIndex } from 'virtual:glossary-index';
import { describe, expect, it } from 'vitest';
import { compileMatcher, findCandidates } from '../../src/core/matcher.ts';
import { BROWSERS, launch } from './harness/browsers.ts';
import { type Names, resetSettings, setSettings, waitForMark } from './harness/lens.ts';
import { useSession } from './harness/session.ts';

const index = readIndex();

const matcher = compileMatcher(index);
const forms = index.flatMap((entry) =>
  // A form two entries share is highlighted for the entry that claims it first.
  entry.forms.map((form) => ({ form, expected: findCandidates(form, matcher)[0]?.entryId ?? entry.id })),
);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Multiple sclerosis glossary: every form</title></head><body>${forms
  .map((f, i) => `<p id="f${i}">See ${escapeHtml(f.form)} here.</p>`)
  .join('\n')}</body></html>`;

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = useSession(
    () => launch(browserName),
    async (s) => {
      await resetSettings(s.driver);
      await setSettings(s.driver, { occurrences: 'all', termLevel: 'everyday' });
    },
  );

  it(`highlights all ${forms.length} forms of ${index.length} entries`, async () => {
    const tab = await ctx.driver.open(ctx.server.addPage(`forms-${browserName}.html`, page));
    await waitForMark(tab, ctx.names, index[0]?.id ?? '');
    await tab.waitFor(
      (n: Names) => document.querySelectorAll(n.mark).length >= document.querySelectorAll('p').length,
      ctx.names,
      30_000,
    );
    const found = await tab.evaluate(
      (n: Names) =>
        [...document.querySelectorAll('p')].map((p) => p.querySelector(n.mark)?.getAttribute(n.idAttr) ?? null),
      ctx.names,
    );
    const missing = forms.flatMap((f, i) =>
      found[i] === f.expected ? [] : [`${f.form} -> ${found[i]} (want ${f.expected})`],
    );
    expect(missing).toEqual([]);
    await tab.close();
  });
});
