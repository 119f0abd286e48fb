/**
 * Where the content script runs. MS Lens asks for no site access at install:
 * the reader either allows every site, allows chosen sites, or lets
 * it run only on the page where they click the toolbar button or press the
 * shortcut (activeTab). The content script is registered at run time for
 * exactly the origins the browser has granted.
 */
import { browser } from 'wxt/browser';
import type { Settings } from '../core/settings.ts';
import { hostOf, isSiteEnabled, type ScriptScope, scriptScope } from '../core/sites.ts';
import { loadSettings } from './settings-store.ts';

const SCRIPT_ID = 'ms-lens';
const SCRIPT_FILE = '/lens.js';
export const ALL_SITES = '<all_urls>';

/** Host permissions the reader has granted (e.g. "<all_urls>", "*://example.org/*"). */
export async function grantedOrigins(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((o) => o === ALL_SITES || /^(\*|https?|file):\/\/[^/]*\/\*$/.test(o));
}

/** The settings that decide where the script runs. */
type SiteRules = Pick<Settings, 'siteMode' | 'disabledSites' | 'enabledSites'>;

/** The stored site rules (callers that already hold the settings pass them instead). */
async function siteRulesNow(): Promise<SiteRules> {
  return (await loadSettings()).settings;
}

export type RegistrationPlan =
  | { action: 'none' }
  | { action: 'unregister' }
  | ({ action: 'register' | 'update' } & ScriptScope);

const sameList = (a: readonly string[], b: readonly string[]) => [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * What to do so that the registered script covers exactly the granted
 * origins, less the sites switched off. Pure.
 */
export function planRegistration(
  granted: readonly string[],
  sites: SiteRules,
  registered: { matches?: string[]; excludeMatches?: string[] } | null,
): RegistrationPlan {
  const scope = scriptScope(granted, sites, ALL_SITES);
  if (scope.matches.length === 0) return registered ? { action: 'unregister' } : { action: 'none' };
  if (!registered) return { action: 'register', ...scope };
  const same =
    sameList(registered.matches ?? [], scope.matches) &&
    sameList(registered.excludeMatches ?? [], scope.excludeMatches);
  return same ? { action: 'none' } : { action: 'update', ...scope };
}

/** Makes the registered content script match the granted origins and the sites switched on. */
export async function syncRegistration(sites?: SiteRules): Promise<string[]> {
  const [granted, settings] = await Promise.all([grantedOrigins(), sites ?? siteRulesNow()]);
  const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const plan = planRegistration(granted, settings, existing ?? null);
  const script = {
    id: SCRIPT_ID,
    js: [SCRIPT_FILE.slice(1)],
    allFrames: true,
    // document_start: the key guard must be in before page scripts (src/page/key-guard.ts);
    // highlighting itself waits for DOMContentLoaded (entrypoints/lens.ts).
    runAt: 'document_start' as const,
    matchOriginAsFallback: true,
  };
  switch (plan.action) {
    case 'register':
    case 'update': {
      // Replaced rather than updated: an update leaves an emptied excludeMatches list as it was in some browsers.
      if (plan.action === 'update') await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
      const scope = { matches: plan.matches, excludeMatches: plan.excludeMatches };
      await browser.scripting.registerContentScripts([{ ...script, ...scope }]);
      break;
    }
    case 'unregister':
      await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
      break;
  }
  return granted;
}

/** Runs the content script in a tab now (all frames). Fails quietly where access is missing. */
export async function injectInto(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [SCRIPT_FILE] });
    return true;
  } catch {
    return false;
  }
}

/**
 * Injects into every open tab the granted origins cover that has no live MS
 * Lens yet, so they work without a reload (after install, update or reload).
 */
export async function injectIntoOpenTabs(
  origins: readonly string[],
  isRunning: (tabId: number) => Promise<boolean>,
  sites?: SiteRules,
): Promise<void> {
  if (origins.length === 0) return;
  const [tabs, settings] = await Promise.all([
    browser.tabs.query({ url: origins.includes(ALL_SITES) ? ['<all_urls>'] : [...origins] }),
    sites ?? siteRulesNow(),
  ]);
  await Promise.all(
    tabs.map(async (tab) => {
      const host = tab.url ? hostOf(tab.url) : null;
      if (tab.id === undefined || (host !== null && !isSiteEnabled(host, settings))) return;
      if (!(await isRunning(tab.id))) await injectInto(tab.id);
    }),
  );
}

/**
 * True the first time it is called after the extension was loaded (install,
 * update, reload, browser start), false after the service worker merely woke
 * up again: session storage survives the latter only.
 */
export async function firstStartOfThisLoad(): Promise<boolean> {
  const { started } = await browser.storage.session.get('started');
  if (started) return false;
  await browser.storage.session.set({ started: true });
  return true;
}
