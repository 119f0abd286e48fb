import { render } from 'preact';
import { pageNames } from '../../src/page/page-names.ts';
import { getPageKey } from '../../src/platform/settings-store.ts';
import { ReaderLens } from '../../src/reader/reader-lens.ts';
import { WelcomeApp } from '../../src/ui/welcome/WelcomeApp.tsx';
import '../../src/ui/theme.css';
import '../../src/ui/term-card.css';
import '../../src/ui/pages.css';
import '../../src/ui/welcome/welcome.css';

void getPageKey().then((key) => {
  render(<WelcomeApp skip={pageNames(key).skipAttr} />, document.getElementById('app') as HTMLElement);
  // The "try it" sentence is highlighted and explained exactly as on a web page.
  void ReaderLens.start(document);
});
