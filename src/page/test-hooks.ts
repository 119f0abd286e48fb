/**
 * What the end-to-end tests and the benchmarks read from a page, built into
 * the test builds only (`npm run build:e2e`, where MS_LENS_E2E=1 sets
 * `import.meta.env.MS_LENS_TEST_HOOKS`). Every use sits behind that constant,
 * so the shipped builds contain none of it: no entry ids written into pages,
 * no diagnostics object, no timing log (test/e2e/bundle.test.ts checks).
 */
export { TEST_LIMITS_KEY, testIdAttr } from './test-names.ts';

/** Whether this build carries the test hooks (a build-time constant). */
export const TEST_HOOKS: boolean = import.meta.env.MS_LENS_TEST_HOOKS === 'true';
