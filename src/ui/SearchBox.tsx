/**
 * Glossary search as you type, as an ARIA combobox: arrow keys move through
 * results, Enter opens one, Escape clears. Used by the popup and the A–Z page.
 */
import type { Ref } from 'preact';
import { useId, useMemo, useState } from 'preact/hooks';
import type { GlossarySearch, SearchHit } from '../core/search.ts';

export interface SearchBoxProps {
  search: GlossarySearch;
  onOpen: (id: string) => void;
  label?: string;
  autoFocus?: boolean;
  /** The input, so a caller can give focus back to it (the popup's "Back to search"). */
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox({ search, onOpen, label = 'Search the MS glossary', autoFocus, inputRef }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const uid = useId();
  const results: SearchHit[] = useMemo(() => search.search(query), [search, query]);
  const listId = `${uid}-results`;
  const optionId = (i: number) => `${uid}-opt-${i}`;
  const open = results.length > 0;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive((active + 1) % results.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive((active <= 0 ? results.length : active) - 1);
    } else if (e.key === 'Enter') {
      const hit = results[Math.max(active, 0)];
      if (hit) {
        e.preventDefault();
        onOpen(hit.id);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
      setActive(-1);
    }
  };

  return (
    <div class="search">
      <label for={`${uid}-input`} class="search-label">
        {label}
      </label>
      <input
        ref={inputRef}
        id={`${uid}-input`}
        class="search-input"
        type="search"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        value={query}
        // biome-ignore lint/a11y/noAutofocus: the popup opens to search; typing right away is the point of it.
        autoFocus={autoFocus}
        placeholder="e.g. ocrevus, lhermitte, EDSS"
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <p class="search-status" aria-live="polite">
        {query.trim() ? (open ? `${results.length} result${results.length === 1 ? '' : 's'}` : 'No matches') : ''}
      </p>
      <div id={listId} role="listbox" class="search-results" aria-label="Search results" hidden={!open}>
        {results.map((hit, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles keys (aria-activedescendant).
          <div
            key={hit.id}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            class={i === active ? 'search-option active' : 'search-option'}
            onClick={() => onOpen(hit.id)}
          >
            <span class="search-term">{hit.term}</span>
            <span class="search-summary">{hit.summary}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
