/**
 * Names the test builds' hooks use (src/page/test-hooks.ts), in a module of
 * their own so that the tests and benchmarks, which run outside Vite, can
 * import them without evaluating the build-time constant.
 */
import type { PageNames } from './page-names.ts';

/** The attribute on a highlight that names its glossary entry, in test builds. */
export function testIdAttr(names: PageNames): string {
  return `data-${names.key}`;
}

/** Storage key the tests use to lower the highlighter's limits and throttle (test builds read it). */
export const TEST_LIMITS_KEY = 'msLensTestLimits';
