import { render } from 'preact';
import { PopupApp } from '../../src/ui/popup/PopupApp.tsx';
import '../../src/ui/theme.css';
import '../../src/ui/term-card.css';
import '../../src/ui/pages.css';
import '../../src/ui/search-box.css';
import '../../src/ui/popup/popup.css';

render(<PopupApp />, document.getElementById('app') as HTMLElement);
