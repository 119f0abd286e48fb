import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { glossaryPlugin } from './src/build/glossary-plugin.ts';

// One config, three projects: pure logic (node), page code (jsdom; happy-dom's
// NodeIterator mishandles FILTER_REJECT, which mark.js relies on), and
// end-to-end tests of the built extension in real Chromium and Firefox.
export default defineConfig({
  plugins: [WxtVitest(), preact(), glossaryPlugin()],
  // Page code under test writes its test hooks (src/page/test-hooks.ts), as the test builds do.
  define: { 'import.meta.env.MS_LENS_TEST_HOOKS': JSON.stringify('true') },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'dom', include: ['test/dom/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
      {
        plugins: [glossaryPlugin()],
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // No retries: a test that passes only on a second try hides a real fault.
          retry: 0,
        },
      },
    ],
  },
});
