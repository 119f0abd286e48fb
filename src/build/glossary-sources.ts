/**
 * Rules about an entry's sources: which sites count as a regulator or a
 * primary publication, and which facts need one. Used by glossary-check.ts
 * and the glossary report.
 */
import { hostOf as hostNameOf } from '../core/sites.ts';

/**
 * Sites of regulators and primary publications. A fact about an approval,
 * licence or withdrawal must cite one of them, not only news or a charity.
 */
export const REGULATOR_OR_PRIMARY_HOSTS = [
  'fda.gov',
  'ema.europa.eu',
  'ec.europa.eu',
  'europa.eu',
  'gov.uk',
  'nice.org.uk',
  'canada.ca',
  'tga.gov.au',
  'doi.org',
  'pubmed.ncbi.nlm.nih.gov',
  'ncbi.nlm.nih.gov',
  'nejm.org',
  'thelancet.com',
  'jamanetwork.com',
  'neurology.org',
  'clinicaltrials.gov',
];

/** A fact about an approval, licence or withdrawal. */
export const APPROVAL_FACT =
  /\b(?:approv(?:e|ed|al)|licen[cs](?:e|ed)|authori[sz](?:ed|ation)|withdr(?:awn|ew|awal))\b/i;

/** The host of a URL without "www.", or "" when it does not parse. */
export function hostOf(url: string): string {
  return hostNameOf(url)?.replace(/^www\./, '') ?? '';
}

/** Whether a source is a regulator's or a primary publication's page. */
export function isRegulatorOrPrimary(url: string): boolean {
  const host = hostOf(url);
  return REGULATOR_OR_PRIMARY_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}
