import { render } from 'preact';
import { ReaderLens } from '../../src/reader/reader-lens.ts';
import { ReaderApp } from '../../src/ui/reader/ReaderApp.tsx';
import '../../src/ui/theme.css';
import '../../src/ui/term-card.css';
import '../../src/ui/pages.css';
import '../../src/ui/reader/reader.css';

void ReaderLens.start(document).then((lens) => {
  const url = new URLSearchParams(location.search).get('url');
  render(
    <ReaderApp skip={lens.names.skipAttr} remoteUrl={url} rescan={() => lens.rescan()} />,
    document.getElementById('app') as HTMLElement,
  );
});
