/** Pasted text or a text file, as readable paragraphs that MS Lens highlights. */
export function TextReader({ paragraphs, skip }: { paragraphs: string[]; skip: string }) {
  return (
    <main class="reader-text" aria-labelledby="reader-title">
      <p class="muted" {...{ [skip]: '' }}>
        Highlighted words are explained when you point at them, tap them, or move to them with Tab.
      </p>
      <article class="doc-text" aria-label="Document text">
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </article>
    </main>
  );
}
