/**
 * Checks on the built extension: the manifest asks for the least it
 * needs and exposes nothing to pages, and no bundle can run code from strings
 * or reach the network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_LIMITS_KEY } from '../../src/page/test-names.ts';
import { ROOT } from '../tools/server.ts';

const builds = ['chrome-mv3', 'firefox-mv3'];

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && f.name.endsWith(ext))
    .map((f) => join(f.parentPath, f.name));
}

/**
 * The reader page makes MS Lens's one network request, the PDF the
 * reader asks for, on their click (src/platform/document-fetch.ts; the e2e
 * network test checks it is the only one). PDF.js, bundled in the reader's
 * chunk and its worker, also has loaders (fetch, XMLHttpRequest) that MS Lens
 * uses only for the extension's own font and CMap files: it is given bytes,
 * never a web address. Its worker can compile fonts with the Function
 * constructor only when isEvalSupported is true; src/reader/pdf-open.ts sets
 * it false (test/unit/source-safety.test.ts checks) and the extension's CSP
 * forbids it anyway. Nothing else may fetch, and nothing else may eval.
 */
const READER_ALLOWED: [RegExp, string[]][] = [
  [/^chunks\/reader-[\w-]+\.js$/, ['fetch', 'XMLHttpRequest']],
  [/^assets\/pdf\.worker\.min-[\w-]+\.mjs$/, ['fetch', 'XMLHttpRequest', 'new Function']],
];

describe.each(builds)('%s build', (build) => {
  const dir = join(ROOT, '.output', build);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  it('asks for no site access at install, and only the permissions its features need', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'contextMenus', 'scripting', 'storage']);
    expect(manifest.content_scripts ?? []).toEqual([]);
  });

  it('exposes nothing to web pages and keeps the default content security policy', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('contains no code that evaluates strings or talks to the network', () => {
    const js = [...files(dir, '.js'), ...files(dir, '.mjs')];
    expect(js.length).toBeGreaterThan(3);
    const forbidden: [string, RegExp][] = [
      ['eval', /(?<![.\w$])eval\s*\(/],
      ['new Function', /new\s+Function\s*\(/],
      // A call, not a method definition such as MiniSearch's internal `fetch(e,t){`.
      ['fetch', /(?<![.\w$])fetch\s*\([^()]*\)\s*(?!\{)/],
      ['XMLHttpRequest', /XMLHttpRequest/],
      ['WebSocket', /WebSocket/],
      ['sendBeacon', /sendBeacon/],
      ['EventSource', /EventSource/],
      ['importScripts', /importScripts/],
    ];
    const found = js.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const name = file.slice(dir.length + 1);
      const allowed = READER_ALLOWED.find(([re]) => re.test(name))?.[1] ?? [];
      return forbidden
        .filter(([what, re]) => !allowed.includes(what) && re.test(text))
        .map(([what]) => `${name}: ${what}`);
    });
    expect(found).toEqual([]);
  });

  it('carries no test hooks: no diagnostics object, no entry ids written into pages, no test limits', () => {
    const lens = readFileSync(join(dir, 'lens.js'), 'utf8');
    expect(lens).not.toContain('msLensDiagnostics');
    expect(lens).not.toContain(TEST_LIMITS_KEY);
    // The entry-id attribute's name is made from the install key: `data-${names.key}`.
    const idAttr = /`data-\$\{\w+\.key\}`/;
    expect(lens).not.toMatch(idAttr);
    // The same source built with the hooks does carry them, so this check can fail.
    const e2e = readFileSync(join(ROOT, '.output', `${build}-e2e`, 'lens.js'), 'utf8');
    expect(e2e).toContain('msLensDiagnostics');
    expect(e2e).toContain(TEST_LIMITS_KEY);
    expect(e2e).toMatch(idAttr);
  });

  it('keeps the popover’s view out of the content script: it is loaded on first use', () => {
    const lens = readFileSync(join(dir, 'lens.js'), 'utf8');
    const view = readFileSync(join(dir, 'popover-ui.js'), 'utf8');
    // Floating UI's placement, Preact's hooks and the card's styles.
    for (const marker of ['referenceHidden', '__H', '.tc-term']) {
      expect(view.includes(marker), `popover-ui.js has ${marker}`).toBe(true);
      expect(lens.includes(marker), `lens.js has ${marker}`).toBe(false);
    }
  });

  it('has only its own browser’s manifest keys', () => {
    expect('browser_specific_settings' in manifest).toBe(build.startsWith('firefox'));
  });

  it('loads no remote resources from its pages', () => {
    const html = files(dir, '.html').map((f) => readFileSync(f, 'utf8'));
    for (const page of html) expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
