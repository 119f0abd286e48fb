/** The third screen of the options page: every term, collapsed by category with counts, a filter, and undoable Select all / Select none. */
import { useMemo, useState } from 'preact/hooks';
import { levelShown } from '../../core/glossary-index.ts';
import { CATEGORIES, CATEGORY_LABELS, type GlossaryEntry } from '../../core/glossary-types.ts';
import type { Settings } from '../../core/settings.ts';
import { entries } from '../../platform/glossary-entries.ts';
import { LEVEL_NOTES } from './labels.ts';
import type { Save } from './save.ts';

export function TermsSection({ settings, save }: { settings: Settings; save: Save }) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  /** The term list before the last change to many terms at once, so it can be undone. */
  const [undo, setUndo] = useState<{ message: string; before: string[] } | null>(null);
  const [undone, setUndone] = useState(false);
  const disabled = useMemo(() => new Set(settings.disabledTerms), [settings.disabledTerms]);
  const q = filter.trim().toLowerCase();
  const matches = (e: GlossaryEntry) =>
    !q || e.term.toLowerCase().includes(q) || e.aliases.some((a) => a.toLowerCase().includes(q));
  const setMany = (ids: string[], on: boolean, undoMessage?: string) => {
    const next = new Set(disabled);
    for (const id of ids) {
      if (on) next.delete(id);
      else next.add(id);
    }
    if (undoMessage) {
      setUndo({ message: undoMessage, before: [...settings.disabledTerms] });
      setUndone(false);
    }
    void save({ disabledTerms: [...next].sort() });
  };
  const undoLast = () => {
    if (!undo) return;
    void save({ disabledTerms: undo.before });
    setUndo(null);
    setUndone(true);
  };
  const shownAtLevel = (e: GlossaryEntry) => levelShown(e.level, settings.termLevel);
  const enabledCount = entries.filter((e) => !disabled.has(e.id) && shownAtLevel(e)).length;
  const visible = entries.filter(matches);
  const ids = visible.map((e) => e.id);

  return (
    <section id="terms" aria-labelledby="terms-title" class="card screen" tabIndex={-1}>
      <h2 id="terms-title">Terms to highlight</h2>
      <p aria-live="polite">
        {enabledCount} of {entries.length} terms are highlighted.
      </p>
      <p class="muted">
        Which words in general is a main choice, at the top. Here you can turn single terms, or a whole group, on or
        off.
      </p>
      <div class="row">
        <label for="term-filter">Filter terms</label>
        <input
          id="term-filter"
          type="search"
          value={filter}
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          class="tc-button"
          onClick={() => setMany(ids, true, q ? `The ${ids.length} terms shown are on.` : 'All terms are on.')}
        >
          {q ? 'Select shown' : 'Select all'}
        </button>
        <button
          type="button"
          class="tc-button"
          onClick={() => setMany(ids, false, q ? `The ${ids.length} terms shown are off.` : 'All terms are off.')}
        >
          {q ? 'Clear shown' : 'Select none'}
        </button>
      </div>
      <div role="status" class="undo-status">
        {undo && (
          <p class="ok undo">
            <span>{undo.message}</span>{' '}
            <button type="button" class="tc-button small" onClick={undoLast}>
              Undo
            </button>
          </p>
        )}
        {undone && <p class="ok">Your earlier choice of terms is back.</p>}
      </div>
      {CATEGORIES.map((category) => {
        const inCategory = visible.filter((e) => e.category === category);
        if (inCategory.length === 0) return null;
        const on = inCategory.filter((e) => !disabled.has(e.id)).length;
        const label = CATEGORY_LABELS[category];
        return (
          <details key={category} class="category" data-category={category} open={q !== ''}>
            <summary>
              <span class="category-name">{label}</span>{' '}
              <span class="count">
                ({on} of {inCategory.length} on)
              </span>
            </summary>
            <label class="switch">
              <input
                type="checkbox"
                checked={on === inCategory.length}
                ref={(el) => {
                  if (el) el.indeterminate = on > 0 && on < inCategory.length;
                }}
                onChange={(e) => {
                  const checked = (e.target as HTMLInputElement).checked;
                  setMany(
                    inCategory.map((x) => x.id),
                    checked,
                    `${label}: ${checked ? 'all on' : 'all off'}.`,
                  );
                }}
              />
              <span>Every term in “{label}”</span>
            </label>
            <ul class="term-list">
              {inCategory.map((e) => (
                <li key={e.id}>
                  <label class="switch">
                    <input
                      type="checkbox"
                      data-term={e.id}
                      checked={!disabled.has(e.id)}
                      onChange={(ev) => setMany([e.id], (ev.target as HTMLInputElement).checked)}
                    />
                    <span>
                      {e.term}
                      {!shownAtLevel(e) && (
                        <span class="hint"> ({LEVEL_NOTES[e.level]}: not highlighted at your main choice)</span>
                      )}
                    </span>
                  </label>
                  <button
                    type="button"
                    class="tc-button small"
                    aria-expanded={shown === e.id}
                    aria-controls={`sum-${e.id}`}
                    aria-label={`What is ${e.term}?`}
                    onClick={() => setShown(shown === e.id ? null : e.id)}
                  >
                    ?
                  </button>
                  <p id={`sum-${e.id}`} class="term-summary" hidden={shown !== e.id}>
                    {e.summary}
                  </p>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
      {visible.length === 0 && <p>No term matches “{filter}”.</p>}
    </section>
  );
}
