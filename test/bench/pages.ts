/**
 * Pages the benchmarks load, made here so that no run depends on files outside
 * the repository: a generated ~1 MB page, and ordinary articles of 20 to 400
 * KB built from the quality corpus's own MS pages (test/fixtures/quality/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGlossary } from '../../src/build/glossary-load.ts';
import { toIndex } from '../../src/core/glossary-index.ts';
import { ROOT } from '../tools/server.ts';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILLER =
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all would their we him has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  );

/** ~1 MB, ~25,000 text nodes: 5,000 paragraphs of 5 text nodes; about 5,000 glossary words in all. */
export function generatedPage(): string {
  const index = toIndex(loadGlossary().entries);
  const random = rng(20261126);
  const forms = index.flatMap((e) => e.forms).filter((f) => !/^[A-Z0-9-]{1,3}$/.test(f));
  const word = () =>
    random() < 0.03
      ? (forms[Math.floor(random() * forms.length)] as string)
      : (FILLER[Math.floor(random() * FILLER.length)] as string);
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const paragraphs: string[] = [];
  for (let i = 0; i < 5000; i++) {
    paragraphs.push(`<p>${sentence(9)} <b>${sentence(4)}</b> ${sentence(8)} <i>${sentence(4)}</i> ${sentence(7)}.</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Multiple sclerosis archive (generated)</title></head><body><main>${paragraphs.join('\n')}</main></body></html>`;
}

/** The prose paragraphs of the quality corpus's MS pages, without their labels. */
function corpusParagraphs(): string[] {
  const dir = join(ROOT, 'test', 'fixtures', 'quality');
  const pages = JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8')) as { file: string; aboutMs: boolean }[];
  return pages
    .filter((p) => p.aboutMs)
    .flatMap((p) => [...readFileSync(join(dir, p.file), 'utf8').matchAll(/<p>([\s\S]*?)<\/p>/g)])
    .map((m) => (m[1] as string).replace(/<span data-term="[^"]*">([^<]*)<\/span>/g, '$1'))
    .filter((text) => text.length > 80);
}

/**
 * An ordinary article page of about `kib` KiB: a site header and navigation,
 * the article (paragraphs with links and emphasis), a related box, comments
 * and a footer, as news and forum pages are built. No page scripts.
 */
export function articlePage(kib: number, title: string): string {
  const paragraphs = corpusParagraphs();
  const chrome = (inner: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>body{font-family:Georgia,serif;max-width:46rem;margin:0 auto;padding:0 1rem;line-height:1.6}nav a{margin-right:1rem}aside{border:1px solid #ccc;padding:.5rem 1rem}.comment{border-top:1px solid #ddd;padding-top:.5rem}</style></head><body><header><p class="site">Health news</p><nav aria-label="Site"><a href="/">Home</a><a href="/news">News</a><a href="/conditions">Conditions</a><a href="/forum">Forum</a></nav></header><main>${inner}</main><footer><p>About us · Contact · Privacy</p></footer></body></html>`;
  const body: string[] = [`<article><h1>${title}</h1><p class="byline">By a staff writer</p>`];
  let i = 0;
  while (Buffer.byteLength(chrome(body.join('\n'))) < kib * 1024) {
    const text = paragraphs[i % paragraphs.length] as string;
    if (i % 9 === 8) body.push(`<h2>Section ${Math.floor(i / 9) + 1}</h2>`);
    if (i % 13 === 12)
      body.push(`<aside aria-label="Related"><h2>Related</h2><ul><li><a href="/a${i}">Read more</a></li></ul></aside>`);
    body.push(
      i % 5 === 4 ? `<div class="comment"><p><strong>Reader ${i}</strong></p><p>${text}</p></div>` : `<p>${text}</p>`,
    );
    i++;
  }
  body.push('</article>');
  return chrome(body.join('\n'));
}
