/**
 * When the content script bundle began to evaluate. Imported first by
 * entrypoints/lens.ts so that it runs before everything else (for the
 * benchmark's startup figure).
 */
export const LOADED_AT = performance.now();
