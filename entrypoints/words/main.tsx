import { render } from 'preact';
import { pageNames } from '../../src/page/page-names.ts';
import { getPageKey } from '../../src/platform/settings-store.ts';
import { MyWordsApp } from '../../src/ui/words/MyWordsApp.tsx';
import '../../src/ui/theme.css';
import '../../src/ui/term-card.css';
import '../../src/ui/pages.css';
import '../../src/ui/words/words.css';

void getPageKey().then((key) => {
  render(<MyWordsApp skip={pageNames(key).skipAttr} />, document.getElementById('app') as HTMLElement);
});
