import { render } from 'preact';
import { OptionsApp } from '../../src/ui/options/OptionsApp.tsx';
import '../../src/ui/theme.css';
import '../../src/ui/term-card.css';
import '../../src/ui/pages.css';
import '../../src/ui/options/options.css';

render(<OptionsApp />, document.getElementById('app') as HTMLElement);
