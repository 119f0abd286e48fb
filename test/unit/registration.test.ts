/** Where the content script is registered: the plan for each change of granted access. */
import { describe, expect, it } from 'vitest';
import { ALL_SITES, planRegistration } from '../../src/platform/registration.ts';

describe('planRegistration', () => {
  it('registers nothing without access, and removes a registration when access goes', () => {
    expect(planRegistration([], null)).toEqual({ action: 'none' });
    expect(planRegistration([], ['*://example.org/*'])).toEqual({ action: 'unregister' });
  });

  it('registers for the granted sites, sorted', () => {
    expect(planRegistration(['*://b.org/*', '*://a.org/*'], null)).toEqual({
      action: 'register',
      matches: ['*://a.org/*', '*://b.org/*'],
    });
  });

  it('covers every site with one pattern when all sites are granted', () => {
    expect(planRegistration(['*://a.org/*', ALL_SITES], null)).toEqual({ action: 'register', matches: [ALL_SITES] });
    expect(planRegistration([ALL_SITES, '*://a.org/*'], [ALL_SITES])).toEqual({ action: 'none' });
  });

  it('changes nothing when the registration already matches, in any order', () => {
    expect(planRegistration(['*://b.org/*', '*://a.org/*'], ['*://b.org/*', '*://a.org/*'])).toEqual({
      action: 'none',
    });
  });

  it('updates the registration when a site is added or removed', () => {
    expect(planRegistration(['*://a.org/*', '*://b.org/*'], ['*://a.org/*'])).toEqual({
      action: 'update',
      matches: ['*://a.org/*', '*://b.org/*'],
    });
    expect(planRegistration(['*://a.org/*'], ['*://a.org/*', '*://b.org/*'])).toEqual({
      action: 'update',
      matches: ['*://a.org/*'],
    });
    expect(planRegistration(['*://a.org/*'], [ALL_SITES])).toEqual({ action: 'update', matches: ['*://a.org/*'] });
  });
});
