/**
 * One glossary entry, as the popover, the popup and the A–Z page show it.
 * Glossary text is rendered as text (never as HTML).
 *
 * The popover and popup first show only the term, its pronunciation, the
 * summary and "More", so the first view is calm and short; "More" opens the longer
 * explanation, other names, related terms, sources, the check date and the
 * glossary link. The A–Z page shows everything at once.
 */
import { useState } from 'preact/hooks';
import { humanDate } from '../core/dates.ts';
import { CATEGORY_LABELS, type GlossaryEntry } from '../core/glossary-types.ts';

export interface TermCardProps {
  entry: GlossaryEntry;
  /** Heading level of the term; the popover and popup use 2, the A–Z page 3. */
  level?: 2 | 3;
  /** Show the longer explanation from the start (A–Z page). */
  initiallyExpanded?: boolean;
  /** Display term of another entry, for related links. */
  termOf: (id: string) => string | undefined;
  /** Opens a related entry in place; without it related terms are plain text. */
  onOpenEntry?: (id: string) => void;
  /** Opens the A–Z glossary at this entry; omitted on the glossary page itself. */
  onOpenGlossary?: (id: string) => void;
  /** Id for the term heading, so a dialog can be labelled by it. */
  headingId?: string;
}

export function TermCard(props: TermCardProps) {
  const { entry, level = 2, termOf, onOpenEntry, onOpenGlossary } = props;
  const [expanded, setExpanded] = useState(props.initiallyExpanded ?? false);
  // Ids from the entry id: unique on the A–Z page, where every entry is shown.
  const uid = `ms-${entry.id}`;
  const headingId = props.headingId ?? `${uid}-term`;
  const detailsId = `${uid}-details`;
  const Heading = level === 2 ? 'h2' : 'h3';
  const SubHeading = level === 2 ? 'h3' : 'h4';
  const related = entry.related.map((id) => ({ id, term: termOf(id) })).filter((r) => r.term);

  const more = (
    <>
      <p class="tc-cat">{CATEGORY_LABELS[entry.category]}</p>
      <div class="tc-details">
        <p>{entry.details}</p>
      </div>
      {entry.aliases.length > 0 && (
        <p class="tc-aka">
          <strong>Also called:</strong> {entry.aliases.join(', ')}
        </p>
      )}
      {related.length > 0 && (
        <div class="tc-related">
          <SubHeading class="tc-label">Related</SubHeading>
          <ul class="tc-chips">
            {related.map((r) => (
              <li key={r.id}>
                {onOpenEntry ? (
                  <button type="button" class="tc-button tc-chip" onClick={() => onOpenEntry(r.id)}>
                    {r.term}
                  </button>
                ) : (
                  <a class="tc-chip" href={`#${r.id}`}>
                    {r.term}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="tc-sources">
        <SubHeading class="tc-label">Sources</SubHeading>
        <ul>
          {entry.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>{' '}
              <span class="tc-publisher">({s.publisher})</span>
            </li>
          ))}
        </ul>
      </div>
      <p class="tc-note">General information, not medical advice. Checked {humanDate(entry.reviewed)}.</p>
      {onOpenGlossary && (
        <button type="button" class="tc-button tc-glossary" onClick={() => onOpenGlossary(entry.id)}>
          Open in glossary
        </button>
      )}
    </>
  );

  return (
    <article class="tc" aria-labelledby={headingId} lang="en">
      <header class="tc-head">
        <Heading id={headingId} class="tc-term">
          {entry.term}
        </Heading>
        {entry.pronunciation && (
          <p class="tc-pron">
            <span class="visually-hidden">Pronounced </span>
            {entry.pronunciation}
          </p>
        )}
      </header>
      <p class="tc-summary">{entry.summary}</p>
      {props.initiallyExpanded ? (
        more
      ) : (
        <>
          <button
            type="button"
            class="tc-button tc-more"
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Less' : 'More'}
          </button>
          <div id={detailsId} class="tc-more-part" hidden={!expanded}>
            {more}
          </div>
        </>
      )}
    </article>
  );
}
