/**
 * Where MS Lens may read pages: every site, or only where the reader asks
 * (toolbar button, keyboard shortcut) plus sites allowed one by one.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { normalizeSite } from '../../core/sites.ts';
import {
  type Access,
  getAccess,
  requestAllSites,
  requestSite,
  revokeAllSites,
  revokeSite,
  watchAccess,
} from '../../platform/access.ts';
import { notASite } from './labels.ts';

export function useAccess(): Access | null {
  const [access, setAccess] = useState<Access | null>(null);
  useEffect(() => {
    const refresh = () => void getAccess().then(setAccess);
    refresh();
    return watchAccess(refresh);
  }, []);
  return access;
}

export interface AccessSectionProps {
  welcome: boolean;
  level?: 2 | 3;
  /** Heading text (the welcome page numbers its steps). */
  title?: string;
  /** Shown under the heading, before the choice. */
  children?: ComponentChildren;
}

export function AccessSection({
  welcome,
  level = 2,
  title = 'Where MS Lens may read pages',
  children,
}: AccessSectionProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const access = useAccess();
  const [message, setMessage] = useState<string | null>(null);
  const [input, setInput] = useState('');
  if (!access) return null;

  const run = async (action: () => Promise<boolean>, refused: string) => {
    try {
      if (!(await action())) setMessage(refused);
      else setMessage(null);
    } catch (err) {
      setMessage(`Your browser did not allow this change: ${String(err)}`);
    }
  };

  const addSite = (e: Event) => {
    e.preventDefault();
    const host = normalizeSite(input);
    if (!host) {
      setMessage(notASite(input));
      return;
    }
    setInput('');
    void run(() => requestSite(host), `Access to ${host} was not granted.`);
  };

  return (
    <section aria-labelledby="access-title" class={welcome ? 'card welcome' : 'card'}>
      <Heading id="access-title">{title}</Heading>
      {children}
      {access.allSites ? (
        <p class="ok" role="status">
          MS Lens may read every site, so it highlights terms as soon as a page loads.
        </p>
      ) : (
        <p class="muted" role="status">
          Ask first: MS Lens reads a page only when you click its toolbar button or press its shortcut
          {access.sites.length > 0 ? ', and on the sites listed below.' : '.'}
        </p>
      )}
      <div class="row">
        {access.allSites ? (
          <button
            type="button"
            class="tc-button"
            onClick={() => void run(revokeAllSites, 'Your browser manages this permission for MS Lens.')}
          >
            Ask first instead
          </button>
        ) : (
          <button
            type="button"
            class="tc-button primary"
            onClick={() => void run(requestAllSites, 'Access to every site was not granted.')}
          >
            Highlight on every site
          </button>
        )}
      </div>
      {!access.allSites && (
        <>
          <form class="row" onSubmit={addSite}>
            <label for="access-site">Always allow a site</label>
            <input
              id="access-site"
              type="text"
              inputMode="url"
              autoComplete="off"
              value={input}
              onInput={(e) => setInput((e.target as HTMLInputElement).value)}
            />
            <button type="submit" class="tc-button">
              Allow
            </button>
          </form>
          {access.sites.length > 0 && (
            <ul class="site-list" aria-label="Sites MS Lens may always read">
              {access.sites.map((site) => (
                <li key={site}>
                  <span>{site}</span>
                  <button
                    type="button"
                    class="tc-button small"
                    aria-label={`Stop allowing ${site}`}
                    onClick={() => void run(() => revokeSite(site), `Could not remove ${site}.`)}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
