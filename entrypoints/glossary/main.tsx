import { render } from 'preact';
import { GlossaryApp } from '../../src/ui/glossary/GlossaryApp.tsx';
import '../../src/ui/theme.css';
import '../../src/ui/term-card.css';
import '../../src/ui/pages.css';
import '../../src/ui/search-box.css';
import '../../src/ui/glossary/glossary.css';

render(<GlossaryApp />, document.getElementById('app') as HTMLElement);
