/**
 * A sample sentence with one term highlighted in the chosen style, drawn by
 * the same declarations as highlights on web pages (src/page/mark-styles.ts).
 */
import type { HighlightStyle } from '../../core/settings.ts';
import { markLook } from '../../page/mark-styles.ts';

/** The preview's stylesheet: the web-page look of `style`, on the preview's term. */
export function previewCss(style: HighlightStyle): string {
  return `.preview-mark {\n  ${markLook(style)}\n}`;
}

export function HighlightPreview({ style }: { style: HighlightStyle }) {
  return (
    <>
      <style>{previewCss(style)}</style>
      <p class="preview" aria-hidden="true">
        Preview: people with MS may feel <span class="preview-mark">myokymia</span> in the face.
      </p>
    </>
  );
}
