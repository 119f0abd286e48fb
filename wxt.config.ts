import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { GECKO_ID } from './src/build/gecko-id.ts';
import { glossaryPlugin } from './src/build/glossary-plugin.ts';

/**
 * The test builds (MS_LENS_E2E=1, in .output/<browser>-mv3-e2e) differ from
 * the shipped ones in two ways only:
 * - they carry the test hooks (src/page/test-hooks.ts): entry ids on
 *   highlights, a diagnostics object in the content script's world;
 * - Chromium's requires site access instead of asking for it, because nothing
 *   can click Chromium's permission prompt in an automated browser
 *   (Playwright issue 32755). Firefox's asks, as the shipped one does, and the
 *   tests grant access on the welcome page.
 * MS Lens itself asks for no site access at install; readers grant it.
 */
const E2E = process.env.MS_LENS_E2E === '1';

/** PDF.js's standard fonts and CMaps, shipped as the extension's own files (never web-accessible, never fetched from the web). */
const PDFJS_DIR = resolve(import.meta.dirname, 'node_modules', 'pdfjs-dist');
const PDFJS_ASSETS = ['standard_fonts', 'cmaps'];

const ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((size) => [size, `icon/${size}.png`]));

export default defineConfig({
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const dir of PDFJS_ASSETS) {
        for (const name of readdirSync(join(PDFJS_DIR, dir))) {
          files.push({ absoluteSrc: join(PDFJS_DIR, dir, name), relativeDest: `pdfjs/${dir}/${name}` });
        }
      }
    },
  },
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every module's dependencies visible to a newcomer.
  imports: false,
  manifestVersion: 3,
  outDirTemplate: E2E ? '{{browser}}-mv{{manifestVersion}}-e2e' : '{{browser}}-mv{{manifestVersion}}',
  vite: () => ({
    plugins: [preact(), glossaryPlugin()],
    define: { 'import.meta.env.MS_LENS_TEST_HOOKS': JSON.stringify(String(E2E)) },
    // No module-preload polyfill: it fetch()es chunks, and extension pages preload natively.
    build: {
      target: ['chrome120', 'firefox140'],
      modulePreload: { polyfill: false },
      // The glossary texts (~500 KB of JSON) are one chunk, read from the extension's own files,
      // never from a network: its size is not a loading cost worth splitting for.
      chunkSizeWarningLimit: 1024,
    },
  }),
  manifest: ({ browser }) => ({
    name: 'MS Lens',
    description:
      'Explains multiple sclerosis (MS) words on any web page in plain language. Private: sends nothing anywhere.',
    // A calm lens, no letters (nothing on the toolbar says "MS"); drawn from assets/icon.svg by scripts/icons.ts.
    icons: ICONS,
    action: { default_icon: ICONS, default_title: 'MS Lens' },
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus'],
    ...(E2E && browser !== 'firefox'
      ? { host_permissions: ['<all_urls>'] }
      : { optional_host_permissions: ['<all_urls>'] }),
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open MS Lens: search the glossary and see the terms on this page',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Turn highlighting on or off for this site',
      },
      'next-term': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next highlighted term and explain it',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Go to the previous highlighted term and explain it',
      },
    },
    // Firefox-only keys stay out of Chrome's manifest.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // data_collection_permissions (below) needs Firefox 140 (desktop) / 142 (Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  zip: {
    artifactTemplate: 'ms-lens-{{version}}-{{browser}}.zip',
  },
});
