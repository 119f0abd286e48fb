/**
 * The first-run page: what MS Lens does, where it may read (with
 * the browser's own prompt wording and why it asks), how to pin its button,
 * and a sentence to try it on. Only the "try it" sentence is highlighted:
 * everything else carries the skip attribute.
 */
import { openOptionsPage } from '../../platform/tabs.ts';
import { AccessSection } from '../options/AccessSection.tsx';
import { useSettings, useThemeOn } from '../use-settings.ts';

/** Chrome's and Firefox's words in the prompt for access to all sites. */
export const CHROME_PROMPT = 'Read and change all your data on all websites';
export const FIREFOX_PROMPT = 'Access your data for all websites';

export function WelcomeApp({ skip }: { skip: string }) {
  const { settings } = useSettings();
  useThemeOn(document.documentElement, settings);
  const skipAttr = { [skip]: '' };
  return (
    <main class="welcome-page" aria-labelledby="welcome-title">
      <header class="welcome-head" {...skipAttr}>
        <img src="/icon/48.png" alt="" width={48} height={48} />
        <h1 id="welcome-title">Welcome to MS Lens</h1>
      </header>
      <section class="card" aria-labelledby="what-title" {...skipAttr}>
        <h2 id="what-title">What it does</h2>
        <p>
          MS Lens underlines words about multiple sclerosis on the pages you read, and explains each one in plain
          language when you rest the pointer on it, tap it or reach it with the keyboard. It works only inside your
          browser and sends nothing anywhere; the explanations are general information, not medical advice.
        </p>
      </section>
      <div {...skipAttr}>
        <AccessSection welcome level={2} title="1. Choose where MS Lens may read">
          <p>To find words, MS Lens must read the pages you open. You can choose:</p>
          <ul class="welcome-list">
            <li>
              <strong>Every site:</strong> words are underlined as soon as a page opens. Your browser then asks you to
              allow it, in its own standard words. Chrome says “{CHROME_PROMPT}”; Firefox says “{FIREFOX_PROMPT}”. MS
              Lens asks for this only to find MS words and underline them. Nothing is kept or sent anywhere.
            </li>
            <li>
              <strong>Ask first:</strong> MS Lens reads a page only when you click its button or press Alt+Shift+L. The
              browser does not ask anything now.
            </li>
          </ul>
        </AccessSection>
      </div>
      <section class="card" aria-labelledby="pin-title" {...skipAttr}>
        <h2 id="pin-title">2. Pin the MS Lens button</h2>
        <p>
          The button, a lens <img src="/icon/16.png" alt="" width={16} height={16} class="inline-icon" />, opens search
          and the list of words on the page. With “Ask first” it is how MS Lens starts on a page.
        </p>
        <ul class="welcome-list">
          <li>
            <strong>Chrome and Edge:</strong> click the jigsaw-piece button (Extensions) at the top right, then the pin
            beside MS Lens.
          </li>
          <li>
            <strong>Firefox:</strong> click the jigsaw-piece button (Extensions) at the top right, then the cog beside
            MS Lens, and choose “Pin to Toolbar”.
          </li>
        </ul>
      </section>
      <section class="card try-it" aria-labelledby="try-title">
        <h2 id="try-title" {...skipAttr}>
          3. Try it here
        </h2>
        <p {...skipAttr}>Rest the pointer on the underlined word, tap it, or press Tab to reach it:</p>
        <p class="try-sentence">Some people with MS feel myokymia, a flicker in a muscle of the face.</p>
        <p class="muted" {...skipAttr}>
          Nothing underlined? The word may be turned off in options.
        </p>
      </section>
      <section class="card" aria-labelledby="next-title" {...skipAttr}>
        <h2 id="next-title">Make it yours</h2>
        <p>Bigger text, click instead of hover, and high contrast are at the top of the options.</p>
        <button type="button" class="tc-button" onClick={openOptionsPage}>
          Open options
        </button>
      </section>
    </main>
  );
}
