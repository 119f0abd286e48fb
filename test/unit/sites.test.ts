import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import {
  hostOf,
  isSiteEnabled,
  normalizeSite,
  originPatternOf,
  scriptScope,
  setSiteEnabled,
  siteMatches,
  siteOf,
} from '../../src/core/sites.ts';

describe('normalizeSite', () => {
  it.each([
    ['example.org', 'example.org'],
    ['https://www.Example.org/page?x=1', 'example.org'],
    ['  forum.example.org  ', 'forum.example.org'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
  ])('%s -> %s', (input, out) => expect(normalizeSite(input)).toBe(out));

  it.each(['', '   ', 'not a site!', 'http://', 'exa mple.org', '<script>'])('rejects %j', (input) =>
    expect(normalizeSite(input)).toBeNull(),
  );
});

describe('site rules', () => {
  it('cover the host and its subdomains, nothing else', () => {
    expect(siteMatches('example.org', 'example.org')).toBe(true);
    expect(siteMatches('forum.example.org', 'example.org')).toBe(true);
    expect(siteMatches('badexample.org', 'example.org')).toBe(false);
    expect(siteMatches('example.org.evil.com', 'example.org')).toBe(false);
  });

  it('turn a site off and on again in the default mode', () => {
    const off = { ...DEFAULT_SETTINGS, ...setSiteEnabled('www.news.example', false, DEFAULT_SETTINGS) };
    expect(off.disabledSites).toEqual(['news.example']);
    expect(isSiteEnabled('www.news.example', off)).toBe(false);
    expect(isSiteEnabled('news.example', off)).toBe(false);
    expect(isSiteEnabled('other.example', off)).toBe(true);
    const on = { ...off, ...setSiteEnabled('www.news.example', true, off) };
    expect(on.disabledSites).toEqual([]);
    expect(isSiteEnabled('www.news.example', on)).toBe(true);
  });

  it('turning a subdomain on removes the parent rule that covered it', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.org', 'other.net'] };
    expect(setSiteEnabled('forum.example.org', true, s).disabledSites).toEqual(['other.net']);
  });

  it('work in "only these sites" mode', () => {
    const s = { ...DEFAULT_SETTINGS, siteMode: 'only-listed' as const, enabledSites: ['mssociety.example'] };
    expect(isSiteEnabled('www.mssociety.example', s)).toBe(true);
    expect(isSiteEnabled('news.example', s)).toBe(false);
    const on = { ...s, ...setSiteEnabled('news.example', true, s) };
    expect(on.enabledSites).toEqual(['mssociety.example', 'news.example']);
    const off = { ...on, ...setSiteEnabled('www.mssociety.example', false, on) };
    expect(off.enabledSites).toEqual(['news.example']);
  });
});

describe('where the content script is registered', () => {
  const sites = { siteMode: 'everywhere' as const, disabledSites: [] as string[], enabledSites: [] as string[] };

  it('leaves sites switched off out, subdomains included, so their pages never load it', () => {
    const scope = scriptScope(['<all_urls>'], { ...sites, disabledSites: ['example.org', '127.0.0.1'] }, '<all_urls>');
    expect(scope).toEqual({
      matches: ['<all_urls>'],
      excludeMatches: ['*://*.example.org/*', '*://127.0.0.1/*', '*://example.org/*'],
    });
  });

  it('runs only on the listed sites in "only listed" mode', () => {
    const listed = { ...sites, siteMode: 'only-listed' as const, enabledSites: ['mssociety.org.uk'] };
    expect(scriptScope(['<all_urls>'], listed, '<all_urls>')).toEqual({
      matches: ['*://*.mssociety.org.uk/*', '*://mssociety.org.uk/*'],
      excludeMatches: [],
    });
    // With chosen origins only, the script itself checks the list.
    expect(scriptScope(['*://a.org/*'], listed, '<all_urls>').matches).toEqual(['*://a.org/*']);
  });
});

describe('addresses', () => {
  it('give their host, or null when they are not URLs', () => {
    expect(hostOf('https://forum.Example.org:8443/a?b#c')).toBe('forum.example.org');
    expect(hostOf('file:///home/me/letter.pdf')).toBe('');
    expect(hostOf('not a url')).toBeNull();
  });
  it('give the site a tab shows: a web host, "" for a local file, null for anything else', () => {
    expect(siteOf('https://forum.Example.org:8443/a?b#c')).toBe('forum.example.org');
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteOf('file:///home/me/letter.pdf')).toBe('');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('about:blank')).toBeNull();
    expect(siteOf('moz-extension://abc/popup.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
    expect(siteOf('')).toBeNull();
  });
  it('give a permission pattern for web sites only', () => {
    expect(originPatternOf('https://www.example.org/page')).toBe('https://www.example.org/*');
    expect(originPatternOf('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1/*');
    expect(originPatternOf('file:///a.pdf')).toBeNull();
    expect(originPatternOf('chrome://extensions')).toBeNull();
    expect(originPatternOf('')).toBeNull();
  });
});
