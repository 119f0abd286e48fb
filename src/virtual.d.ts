/** Virtual modules generated from glossary/ by src/build/glossary-plugin.ts. */
declare module 'virtual:glossary-index' {
  import type { IndexEntry } from './core/glossary-types.ts';

  const index: IndexEntry[];
  export default index;
}

declare module 'virtual:glossary-entries' {
  import type { GlossaryEntry } from './core/glossary-types.ts';

  const entries: GlossaryEntry[];
  export default entries;
}
