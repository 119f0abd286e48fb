/**
 * What the end-to-end tests and the benchmarks read from a page, built into
 * the test builds only (`npm run build:e2e`, where MS_LENS_E2E=1 sets
 * `import.meta.env.MS_LENS_TEST_HOOKS`). Every use sits behind that constant,
 * so the shipped builds contain none of it: no entry ids written into pages,
 * no diagnostics object, no timing log (test/e2e/bundle.test.ts checks).
 */
import type { PageNames } from './page-names.ts';

/** Whether this build carries the test hooks (a build-time constant). */
export const TEST_HOOKS: boolean = import.meta.env.MS_LENS_TEST_HOOKS === 'true';

/** The attribute on a highlight that names its glossary entry, in test builds. */
export function testIdAttr(names: PageNames): string {
  return `data-${names.key}`;
}

/** Storage key the tests use to lower the highlighter's limits and throttle (test builds read it). */
export const TEST_LIMITS_KEY = 'msLensTestLimits';
