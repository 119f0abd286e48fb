import { render } from 'preact';
import { GlossaryApp } from '../../src/ui/glossary/GlossaryApp.tsx';
import '../../src/ui/theme.css';
import '../../src/ui/term-card.css';
import '../../src/ui/pages.css';

render(<GlossaryApp />, document.getElementById('app') as HTMLElement);
