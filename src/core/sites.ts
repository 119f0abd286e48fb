/**
 * Which sites MS Lens highlights on. A site rule is a host name; it covers that
 * host and all of its subdomains ("example.org" covers "forum.example.org").
 * Pure.
 */
import type { Settings } from './settings.ts';

/** A host name as MS Lens stores sites: lower-case labels of letters, digits and hyphens. */
export const HOST_PATTERN = /^(?:[a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/;

/**
 * Turns what a reader typed ("https://www.Example.org/page", "example.org") into
 * a host rule ("example.org"), or null if it is not a host. A leading "www." is
 * dropped so the rule covers the whole site, as readers expect.
 */
export function normalizeSite(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//.test(text)) text = `http://${text}`;
  let hostname: string;
  try {
    hostname = new URL(text).hostname;
  } catch {
    return null;
  }
  hostname = hostname.replace(/\.$/, '').replace(/^www\./, '');
  if (!HOST_PATTERN.test(hostname)) return null;
  return hostname;
}

/** An absolute address, parsed, or null when it is not one. */
function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

const isWeb = (protocol: string) => protocol === 'http:' || protocol === 'https:';

/** The host name of an address ("forum.example.org"), or null when it is not an absolute URL. */
export function hostOf(url: string): string | null {
  return parseUrl(url)?.hostname ?? null;
}

/**
 * The site a tab shows, as the popup's switch and access speak of it: the host
 * of a web page, "" for a local file, null for any other address (browser
 * pages, extension pages, not a URL).
 */
export function siteOf(url: string): string | null {
  const u = parseUrl(url);
  return u && (isWeb(u.protocol) || u.protocol === 'file:') ? u.hostname : null;
}

/**
 * The permission pattern for the site of a web address ("https://example.org/*"),
 * or null for addresses that are not http or https.
 */
export function originPatternOf(url: string): string | null {
  const u = parseUrl(url);
  return u && isWeb(u.protocol) ? `${u.protocol}//${u.hostname}/*` : null;
}

/** Whether `host` is the rule's host or one of its subdomains. */
export function siteMatches(host: string, rule: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === rule || h.endsWith(`.${rule}`);
}

/** Whether highlighting is on for a page on `host`. */
export function isSiteEnabled(
  host: string,
  settings: Pick<Settings, 'siteMode' | 'disabledSites' | 'enabledSites'>,
): boolean {
  if (settings.siteMode === 'only-listed') {
    return settings.enabledSites.some((rule) => siteMatches(host, rule));
  }
  return !settings.disabledSites.some((rule) => siteMatches(host, rule));
}

/**
 * Settings changes that turn a site on or off. Turning off removes any rule
 * that would keep it on and adds one that covers it; turning on does the reverse.
 */
export function setSiteEnabled(
  host: string,
  enabled: boolean,
  settings: Pick<Settings, 'siteMode' | 'disabledSites' | 'enabledSites'>,
): Pick<Settings, 'disabledSites' | 'enabledSites'> {
  const rule = normalizeSite(host) ?? host;
  const covering = (rules: string[]) => rules.filter((r) => !siteMatches(host, r));
  if (settings.siteMode === 'only-listed') {
    const enabledSites = enabled ? [...covering(settings.enabledSites), rule] : covering(settings.enabledSites);
    return { disabledSites: settings.disabledSites, enabledSites };
  }
  const disabledSites = enabled ? covering(settings.disabledSites) : [...covering(settings.disabledSites), rule];
  return { disabledSites, enabledSites: settings.enabledSites };
}

/** Match patterns (as in a manifest) for a site rule: the host and its subdomains, any scheme the script runs on. */
export function sitePatterns(rule: string): string[] {
  // An IP address has no subdomains, and "*.127.0.0.1" is not a valid pattern.
  if (/^[\d.]+$/.test(rule)) return [`*://${rule}/*`];
  return [`*://${rule}/*`, `*://*.${rule}/*`];
}

/** Where the content script needs to run at all: the browser then never loads it on a site switched off. */
export interface ScriptScope {
  matches: string[];
  excludeMatches: string[];
}

/**
 * Narrows the origins the browser granted to the sites the settings switch on.
 * A site switched off costs its pages nothing, not even loading the script.
 */
export function scriptScope(
  granted: readonly string[],
  settings: Pick<Settings, 'siteMode' | 'disabledSites' | 'enabledSites'>,
  allSites: string,
): ScriptScope {
  const everywhere = granted.includes(allSites);
  if (settings.siteMode === 'only-listed') {
    // With access everywhere, only the listed sites; with chosen origins, the script checks for itself.
    const matches = everywhere ? settings.enabledSites.flatMap(sitePatterns) : [...granted];
    return { matches: [...new Set(matches)].sort(), excludeMatches: [] };
  }
  return {
    matches: everywhere ? [allSites] : [...granted].sort(),
    excludeMatches: [...new Set(settings.disabledSites.flatMap(sitePatterns))].sort(),
  };
}
