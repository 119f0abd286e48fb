/** Asks before following a link inside a PDF, showing its full address, so a link cannot hide where it goes. */
import { useEffect, useRef } from 'preact/hooks';

export function LinkDialog({ url, onAnswer, skip }: { url: string; onAnswer: (open: boolean) => void; skip: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="link-dialog"
      aria-labelledby="link-title"
      onCancel={() => onAnswer(false)}
      {...{ [skip]: '' }}
    >
      <h2 id="link-title">Open this link?</h2>
      <p>The document links to:</p>
      <p class="reader-url">{url}</p>
      <p class="muted">It opens in a new tab. Only open it if you trust where it goes.</p>
      <div class="dialog-buttons">
        <button type="button" class="tc-button primary" onClick={() => onAnswer(true)}>
          Open in a new tab
        </button>
        <button type="button" class="tc-button" onClick={() => onAnswer(false)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
