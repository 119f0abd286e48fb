/**
 * The A–Z glossary: every entry, alphabetically, with a letter index and
 * search. Printable. Opened from the popup, the options page and popovers
 * ("Open in glossary"), which link to #<entry-id>.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { GlossarySearch } from '../../core/search.ts';
import { entries, entryById, termOf } from '../../platform/glossary-entries.ts';
import { SearchBox } from '../SearchBox.tsx';
import { TermCard } from '../TermCard.tsx';
import { useSettings, useThemeOn } from '../use-settings.ts';

const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
const letterOf = (term: string) => {
  const c = term.charAt(0).toUpperCase();
  return /[A-Z]/.test(c) ? c : '#';
};

function focusEntry(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}

export function GlossaryApp() {
  const { settings } = useSettings();
  useThemeOn(document.documentElement, settings);
  const search = useMemo(() => new GlossarySearch(entries), []);
  const groups = useMemo(() => {
    const map = new Map<string, typeof sorted>();
    for (const e of sorted) {
      const letter = letterOf(e.term);
      map.set(letter, [...(map.get(letter) ?? []), e]);
    }
    return [...map];
  }, []);
  const [, setHash] = useState(location.hash);

  useEffect(() => {
    const onHash = () => {
      setHash(location.hash);
      const id = decodeURIComponent(location.hash.slice(1));
      if (entryById(id)) focusEntry(id);
    };
    onHash();
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const open = (id: string) => {
    if (location.hash === `#${id}`) focusEntry(id);
    else location.hash = id;
  };

  return (
    <main class="glossary" aria-labelledby="glossary-title">
      <header class="glossary-head">
        <h1 id="glossary-title">MS Lens glossary, A–Z</h1>
        <p class="muted">
          {entries.length} plain-language explanations of words used about multiple sclerosis. General information, not
          medical advice: talk to your MS team about your own care.
        </p>
        <div class="no-print">
          <SearchBox search={search} onOpen={open} label="Find a term" />
        </div>
        <nav aria-label="Letters" class="letters no-print">
          <ul>
            {groups.map(([letter]) => (
              <li key={letter}>
                <a href={`#letter-${letter}`}>{letter}</a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="tc-button no-print" onClick={() => print()}>
          Print the glossary
        </button>
      </header>
      {groups.map(([letter, list]) => (
        <section key={letter} aria-labelledby={`letter-${letter}`} class="letter-group">
          <h2 id={`letter-${letter}`} tabIndex={-1}>
            {letter}
          </h2>
          {list.map((e) => (
            <div key={e.id} id={e.id} class="glossary-entry" tabIndex={-1}>
              <TermCard entry={e} level={3} initiallyExpanded termOf={termOf} onOpenEntry={open} />
            </div>
          ))}
        </section>
      ))}
    </main>
  );
}
