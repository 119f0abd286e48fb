/**
 * The options page, in three screens: the main choices (which words, text
 * size, hover or click, contrast); then behaviour, where MS Lens may read,
 * sites and backup; then the term list, collapsed by category. Every change is
 * saved at once and applies live in open tabs. Each screen is its own module.
 */
import { openGlossaryPage } from '../../platform/tabs.ts';
import { useSettings, useThemeOn } from '../use-settings.ts';
import { AccessSection } from './AccessSection.tsx';
import { BackupSection, BehaviourSection, SitesSection } from './BehaviourSections.tsx';
import { MainSection } from './MainSection.tsx';
import { TermsSection } from './TermsSection.tsx';

export function OptionsApp() {
  const { settings, problems, save, saveError } = useSettings();
  useThemeOn(document.documentElement, settings);
  if (!settings) return <p class="muted">Loading settings…</p>;
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">MS Lens options</h1>
      <nav aria-label="Parts of this page" class="jump">
        <ul>
          <li>
            <a href="#main">Main choices</a>
          </li>
          <li>
            <a href="#more">Behaviour and sites</a>
            <ul class="jump-sub">
              <li>
                <a href="#behaviour-title">Behaviour</a>
              </li>
              <li>
                <a href="#access-title">Where MS Lens may read</a>
              </li>
              <li>
                <a href="#sites-title">Sites</a>
              </li>
              <li>
                <a href="#backup-title">Back up and reset</a>
              </li>
            </ul>
          </li>
          <li>
            <a href="#terms">Terms to highlight</a>
          </li>
        </ul>
      </nav>
      <p class="muted">Changes are saved as you make them and apply straight away in open tabs.</p>
      {problems.length > 0 && (
        <div class="error" role="status">
          <p>Some saved settings could not be read and were reset to their defaults; everything else was kept:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <MainSection settings={settings} save={save} />
      <section id="more" class="screen" aria-labelledby="more-title" tabIndex={-1}>
        <h2 id="more-title" class="screen-title">
          Behaviour and sites
        </h2>
        <BehaviourSection settings={settings} save={save} />
        <AccessSection welcome={false} level={3} />
        <SitesSection settings={settings} save={save} />
        <BackupSection settings={settings} />
      </section>
      <TermsSection settings={settings} save={save} />
      <p>
        <button type="button" class="tc-button" onClick={() => openGlossaryPage()}>
          Open the A–Z glossary
        </button>
      </p>
    </main>
  );
}
