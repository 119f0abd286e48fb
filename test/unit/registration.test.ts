/** Where the content script is registered: the plan for each change of granted access and of sites switched off. */
import { describe, expect, it } from 'vitest';
import { ALL_SITES, planRegistration } from '../../src/platform/registration.ts';

const everywhere = { siteMode: 'everywhere' as const, disabledSites: [] as string[], enabledSites: [] as string[] };
const reg = (matches: string[], excludeMatches: string[] = []) => ({ matches, excludeMatches });

describe('planRegistration', () => {
  it('registers nothing without access, and removes a registration when access goes', () => {
    expect(planRegistration([], everywhere, null)).toEqual({ action: 'none' });
    expect(planRegistration([], everywhere, reg(['*://example.org/*']))).toEqual({ action: 'unregister' });
  });

  it('registers for the granted sites, sorted', () => {
    expect(planRegistration(['*://b.org/*', '*://a.org/*'], everywhere, null)).toEqual({
      action: 'register',
      matches: ['*://a.org/*', '*://b.org/*'],
      excludeMatches: [],
    });
  });

  it('covers every site with one pattern when all sites are granted', () => {
    expect(planRegistration(['*://a.org/*', ALL_SITES], everywhere, null)).toEqual({
      action: 'register',
      matches: [ALL_SITES],
      excludeMatches: [],
    });
    expect(planRegistration([ALL_SITES, '*://a.org/*'], everywhere, reg([ALL_SITES]))).toEqual({ action: 'none' });
  });

  it('changes nothing when the registration already matches, in any order', () => {
    expect(planRegistration(['*://b.org/*', '*://a.org/*'], everywhere, reg(['*://b.org/*', '*://a.org/*']))).toEqual({
      action: 'none',
    });
  });

  it('updates the registration when a site is added or removed', () => {
    expect(planRegistration(['*://a.org/*', '*://b.org/*'], everywhere, reg(['*://a.org/*']))).toEqual({
      action: 'update',
      matches: ['*://a.org/*', '*://b.org/*'],
      excludeMatches: [],
    });
    expect(planRegistration(['*://a.org/*'], everywhere, reg([ALL_SITES]))).toEqual({
      action: 'update',
      matches: ['*://a.org/*'],
      excludeMatches: [],
    });
  });

  it('leaves out the sites switched off, and puts them back when switched on', () => {
    const off = { ...everywhere, disabledSites: ['example.org'] };
    const excluded = ['*://*.example.org/*', '*://example.org/*'];
    expect(planRegistration([ALL_SITES], off, reg([ALL_SITES]))).toEqual({
      action: 'update',
      matches: [ALL_SITES],
      excludeMatches: excluded,
    });
    expect(planRegistration([ALL_SITES], off, reg([ALL_SITES], excluded))).toEqual({ action: 'none' });
    expect(planRegistration([ALL_SITES], everywhere, reg([ALL_SITES], excluded))).toEqual({
      action: 'update',
      matches: [ALL_SITES],
      excludeMatches: [],
    });
  });
});
