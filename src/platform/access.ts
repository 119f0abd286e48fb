/**
 * Which sites MS Lens may read, as the browser's host permissions say. The
 * reader grants or removes access; MS Lens never has it by default.
 */
import { browser } from 'wxt/browser';
import { originPatternOf } from '../core/sites.ts';
import { ALL_SITES } from './registration.ts';

export interface Access {
  /** MS Lens may read every site. */
  allSites: boolean;
  /** Sites allowed one by one, as host names. */
  sites: string[];
}

/** The match pattern that covers a site and its subdomains. */
export function sitePattern(host: string): string {
  return `*://*.${host}/*`;
}

function hostOfPattern(pattern: string): string | null {
  const m = /^\*:\/\/(?:\*\.)?([^/*]+)\/\*$/.exec(pattern);
  return m ? (m[1] ?? null) : null;
}

export async function getAccess(): Promise<Access> {
  const { origins = [] } = await browser.permissions.getAll();
  const sites = [...new Set(origins.map(hostOfPattern).filter((h): h is string => h !== null))].sort();
  return { allSites: origins.includes(ALL_SITES), sites };
}

/** Asks the browser for access to every site. Must run in a click handler. */
export function requestAllSites(): Promise<boolean> {
  return browser.permissions.request({ origins: [ALL_SITES] });
}

/** Asks the browser for access to one site. Must run in a click handler. */
export function requestSite(host: string): Promise<boolean> {
  return browser.permissions.request({ origins: [sitePattern(host)] });
}

/** Gives back access to every site ("ask first" from now on). */
export function revokeAllSites(): Promise<boolean> {
  return browser.permissions.remove({ origins: [ALL_SITES] });
}

export function revokeSite(host: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [sitePattern(host)] });
}

/** Whether MS Lens may read pages of `url` without being asked (all sites, or that site). */
export function hasAccessTo(url: string): Promise<boolean> {
  const origin = originPatternOf(url);
  return origin ? browser.permissions.contains({ origins: [origin] }) : Promise.resolve(false);
}

/** Calls `onChange` whenever access is granted or removed. */
export function watchAccess(onChange: () => void): () => void {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  return () => {
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
  };
}
