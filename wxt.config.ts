import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { glossaryPlugin } from './src/build/glossary-plugin.ts';

/** Firefox add-on id; also what storage.sync is keyed on in Firefox. */
const GECKO_ID = '{7f3c2a8e-5b1d-4c9e-9a6f-2d8e1b4c7a30}';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every module's dependencies visible to a newcomer.
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), glossaryPlugin()],
    build: { target: ['chrome120', 'firefox140'] },
  }),
  manifest: {
    name: 'MS Lens',
    description:
      'Explains multiple sclerosis (MS) words on any web page in plain language. Private: sends nothing anywhere.',
    permissions: ['storage'],
    host_permissions: ['<all_urls>'],
    content_scripts: [
      {
        matches: ['<all_urls>'],
        js: ['lens.js'],
        run_at: 'document_idle',
        all_frames: true,
        match_about_blank: true,
      },
    ],
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // data_collection_permissions (below) needs Firefox 140 (desktop) / 142 (Android).
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  },
  zip: {
    artifactTemplate: 'ms-lens-{{version}}-{{browser}}.zip',
  },
});
