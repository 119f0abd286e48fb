/**
 * Dates as readers say them: "26 November 2026", not "2026-11-26".
 * Fixed English month names, so the text matches the English glossary
 * whatever the browser's language.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-11-26" as "26 November 2026"; "2026-11" as "November 2026"; anything else as given. */
export function humanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso.trim());
  if (!m) return iso;
  const [, year, month, day] = m;
  const name = MONTHS[Number(month) - 1];
  if (!name) return iso;
  if (day === undefined) return `${name} ${year}`;
  const d = Number(day);
  const lastDay = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (d < 1 || d > lastDay) return iso;
  return `${d} ${name} ${year}`;
}
