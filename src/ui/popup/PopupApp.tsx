/**
 * The toolbar popup, most asked-for first: search, then the terms on this
 * page in the page's own words, then this site's switch and access. Focus is
 * never dropped: an opened entry takes it, "Back to search" gives it back to
 * the search box, with the query and results as they were.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { looksLikePdfUrl } from '../../core/document-input.ts';
import { GlossarySearch } from '../../core/search.ts';
import { isSiteEnabled, normalizeSite, setSiteEnabled, siteOf } from '../../core/sites.ts';
import { hasAccessTo, requestSite } from '../../platform/access.ts';
import { entries, entryById, termOf } from '../../platform/glossary-entries.ts';
import { askBackground, askTab, type PageTerms } from '../../platform/messages.ts';
import {
  openGlossaryPage,
  openOptionsPage,
  openReaderPage,
  openWordsPage,
  type TargetTab,
  targetTab,
} from '../../platform/tabs.ts';
import { SearchBox } from '../SearchBox.tsx';
import { TermCard } from '../TermCard.tsx';
import { useSettings, useThemeOn } from '../use-settings.ts';

export function PopupApp() {
  const { settings, save, saveError } = useSettings();
  useThemeOn(document.documentElement, settings);
  const search = useMemo(() => new GlossarySearch(entries), []);
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [page, setPage] = useState<PageTerms | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const [running, setRunning] = useState<boolean | null>(null);
  const [access, setAccess] = useState<boolean | null>(null);
  const [accessError, setAccessError] = useState<string | null>(null);

  useEffect(() => {
    void targetTab().then(setTab);
  }, []);

  const host = tab ? siteOf(tab.url) : null;

  // Opening the popup is "asking": MS Lens starts in this tab if it was not running.
  useEffect(() => {
    if (!tab || host === null) return;
    void hasAccessTo(tab.url).then(setAccess);
    void askBackground({ type: 'activate-tab', tabId: tab.id })
      .then(setRunning)
      .catch(() => setRunning(false));
  }, [tab, host]);

  const allowSite = () => {
    if (host === null) return;
    setAccessError(null);
    requestSite(normalizeSite(host) ?? host).then(
      (granted) => {
        if (granted) {
          setAccess(true);
          setRunning(true);
        } else setAccessError('Access was not granted.');
      },
      (err) => setAccessError(String(err)),
    );
  };
  const enabled = settings && host !== null ? isSiteEnabled(host, settings) : false;

  // Ask the page what it found; again whenever highlighting is switched.
  useEffect(() => {
    if (!tab || host === null || !running) return;
    let live = true;
    const poll = () => void askTab(tab.id, { type: 'get-page-terms' }).then((answer) => live && setPage(answer));
    poll();
    const timer = setInterval(poll, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tab, host, enabled, running]);

  const toggle = (on: boolean) => {
    if (!settings || host === null) return;
    void save(setSiteEnabled(host, on, settings));
  };

  const entry = openId ? entryById(openId) : undefined;
  const displayHost = host !== null ? (normalizeSite(host) ?? host) : null;

  const searchInput = useRef<HTMLInputElement>(null);
  const entryBox = useRef<HTMLElement>(null);
  const openEntry = (id: string) => setOpenId(id);
  const backToSearch = () => setOpenId(null);
  // Focus follows what is shown: the entry when one opens (also a related one), the search box after Back.
  // A layout effect runs as soon as the view changes; an effect waits for the next frame, which a
  // background or busy window may not draw for a while.
  const [touched, setTouched] = useState(false);
  useLayoutEffect(() => {
    if (openId) {
      setTouched(true);
      entryBox.current?.focus();
    } else if (touched) searchInput.current?.focus();
  }, [openId, touched]);

  return (
    <main class="popup" aria-labelledby="popup-title">
      <header class="popup-head">
        <h1 id="popup-title">MS Lens</h1>
      </header>
      <section class="popup-search" aria-label="Search">
        <div hidden={Boolean(entry)}>
          <SearchBox search={search} onOpen={openEntry} autoFocus inputRef={searchInput} />
        </div>
        {entry && (
          <section class="popup-entry" ref={entryBox} tabIndex={-1} aria-labelledby={`ms-${entry.id}-term`}>
            <button type="button" class="tc-button" onClick={backToSearch}>
              <span aria-hidden="true">← </span>Back to search
            </button>
            <TermCard entry={entry} termOf={termOf} onOpenEntry={openEntry} onOpenGlossary={openGlossaryPage} />
          </section>
        )}
      </section>
      {tab && looksLikePdfUrl(tab.url) && (
        <p class="popup-pdf">
          <button type="button" class="tc-button primary" onClick={() => openReaderPage(tab.url)}>
            Explain this PDF in MS Lens
          </button>
        </p>
      )}
      {enabled && page && (
        <section class="page-terms" aria-labelledby="page-terms-title">
          <h2 id="page-terms-title" class="popup-h2">
            Terms on this page
          </h2>
          <p aria-live="polite" class="muted">
            {page.terms.length === 0
              ? 'No MS terms found on this page.'
              : `${page.terms.length} term${page.terms.length === 1 ? '' : 's'}. Choose one to go to it.`}
          </p>
          {page.terms.length > 0 && (
            <ul class="chips">
              {page.terms.map((t) => {
                const term = termOf(t.id) ?? t.id;
                const word = t.word?.trim() || term;
                const differs = word.toLowerCase() !== term.toLowerCase();
                return (
                  <li key={t.id}>
                    <button
                      type="button"
                      class="tc-button tc-chip"
                      onClick={() => tab && void askTab(tab.id, { type: 'reveal-term', id: t.id })}
                    >
                      {differs ? word : term}
                      {differs && <span class="page-term-entry"> ({term})</span>}
                      {t.count > 1 && <span class="count"> ×{t.count}</span>}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
      <section class="popup-site" aria-labelledby="site-title">
        <h2 id="site-title" class="visually-hidden">
          This site
        </h2>
        {displayHost === null || !settings ? (
          <p class="muted">{tab ? 'MS Lens does not work on this kind of page.' : 'Looking at this tab…'}</p>
        ) : (
          <>
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={enabled}
                aria-checked={enabled}
                onChange={(e) => toggle((e.target as HTMLInputElement).checked)}
              />
              <span>
                Highlight on <strong>{displayHost || 'this page'}</strong>
              </span>
            </label>
            {access === false && (
              <div class="access-note">
                <p>
                  {running
                    ? 'Ask first: MS Lens is reading this page because you opened it here.'
                    : 'MS Lens may not read this page yet.'}
                </p>
                <button type="button" class="tc-button primary" onClick={allowSite}>
                  Always allow on {displayHost}
                </button>
                {accessError && (
                  <p role="alert" class="error">
                    {accessError}
                  </p>
                )}
              </div>
            )}
            {saveError && (
              <p role="alert" class="error">
                {saveError}
              </p>
            )}
          </>
        )}
      </section>
      <footer class="popup-foot">
        <button type="button" class="tc-button" onClick={openOptionsPage}>
          Options
        </button>
        <button type="button" class="tc-button" onClick={() => openGlossaryPage()}>
          A–Z glossary
        </button>
        <button type="button" class="tc-button" onClick={() => openReaderPage()}>
          Reader
        </button>
        <button type="button" class="tc-button" onClick={openWordsPage}>
          My words
        </button>
      </footer>
    </main>
  );
}
