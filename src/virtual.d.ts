/** Virtual modules generated from glossary/ by src/build/glossary-plugin.ts. */
declare module 'virtual:glossary-index' {
  import type { IndexEntry } from '@/src/core/glossary-types.ts';

  /** The compact match index, parsed afresh on each call (callers keep what they need, not the whole index). */
  export function readIndex(): IndexEntry[];
  /** Changes whenever the index changes (cache keys). */
  export const version: string;
}

declare module 'virtual:glossary-entries' {
  import type { GlossaryEntry } from '@/src/core/glossary-types.ts';

  const entries: GlossaryEntry[];
  export default entries;
}

interface ImportMetaEnv {
  /** 'true' in the test builds only (MS_LENS_E2E=1); see src/page/test-hooks.ts. */
  readonly MS_LENS_TEST_HOOKS?: string;
}
