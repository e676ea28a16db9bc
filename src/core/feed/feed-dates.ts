/**
 * Feed dates → ISO 8601 UTC (`2004-01-01T19:48:21.000Z`), or null when the text is not a date we can read.
 *
 * Formats, in the order feeds use them:
 *  - W3C-DTF / ISO 8601 (Atom `updated`, `dc:date`; RFC 3339 §5.6): `2003-12-31T10:14:55Z`, reduced precision
 *    `2003-12`, fractions, `±hh:mm`, `±hhmm`, `±hh`, a space instead of `T`, and the basic form `20031231T101455Z`;
 *  - RFC 822 §5 / RFC 5322 §3.3 (RSS `pubDate`, `lastBuildDate`): `Thu, 01 Jan 2004 19:48:21 GMT`, with the obsolete
 *    forms RFC 5322 §4.3 still requires readers to take — two-digit years, zone names (UT, GMT, EST … PDT), military
 *    letters — and the usual sloppiness (no weekday, no seconds, full month names, `Sept`, a missing zone);
 *  - asctime (`Sun Jan  4 16:29:06 PST 2004`), which feedparser also reads (feedparser/datetimes/asctime.py).
 * A date without a zone is taken as UTC, as feedparser does. `Date.parse` is never the fallback: its reading of a
 * zone-less date-time depends on the machine's time zone, and core must be deterministic.
 */
import { lookupTable } from './lookup-table.js';

const MONTHS = lookupTable<number>({
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
});

/** RFC 822 §5.1 / RFC 5322 §4.3 obs-zone, in minutes east of UTC; military letters per RFC 1123 §5.2.14 are unreliable and read as UTC. */
const ZONES = lookupTable<number>({
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
});

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // 24:00:00 is ISO 8601's end of day; a leap second (:60) is read as :59 — JS dates have no leap seconds.
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis) - offsetMinutes * 60_000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  // Date.UTC maps years 0–99 to 1900–1999; set the full year explicitly for such dates.
  if (year < 100) date.setUTCFullYear(date.getUTCFullYear() - 1900);
  return date.toISOString();
}

function offsetFrom(sign: string, hh: string, mm: string | undefined): number | null {
  const h = Number(hh);
  const m = Number(mm ?? '0');
  if (h > 14 || m > 59) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

const W3CDTF =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?)?)?)?$/;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2})(\d{2})?)?)?$/;

function fromIso(s: string): string | null {
  const m = W3CDTF.exec(s) ?? ISO_BASIC.exec(s);
  if (m === null) return null;
  const [, y, mo, d, h, mi, sec, frac, z, sign, oh, om] = m;
  let offset = 0;
  if (z === undefined && sign !== undefined && oh !== undefined) {
    const o = offsetFrom(sign, oh, om);
    if (o === null) return null;
    offset = o;
  }
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  return build(Number(y), Number(mo ?? '1'), Number(d ?? '1'), Number(h ?? '0'), Number(mi ?? '0'), Number(sec ?? '0'), millis, offset);
}

function twoDigitYear(y: number, digits: number): number {
  // RFC 5322 §4.3: a two-digit year is 2000+ when below 50, else 1900+; three digits add 1900.
  if (digits === 2) return y < 50 ? 2000 + y : 1900 + y;
  if (digits === 3) return 1900 + y;
  return y;
}

function zoneOffset(zone: string | undefined): number | null {
  if (zone === undefined || zone === '') return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (numeric !== null) return offsetFrom(numeric[1] as string, numeric[2] as string, numeric[3]);
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  if (/^(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?$/i.test(zone)) {
    const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
    return m === null ? null : offsetFrom(m[1] as string, (m[2] as string).padStart(2, '0'), m[3]);
  }
  if (/^[A-IK-Za-ik-z]$/.test(zone)) return 0;
  return null;
}

const RFC822 =
  /^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:\s*([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}))?$/;
const ASCTIME =
  /^[A-Za-z]{3,9},?\s+([A-Za-z]{3,9})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s+([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}))?\s+(\d{4})$/;

function monthNumber(name: string): number | null {
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? null;
}

function fromRfc822(s: string): string | null {
  const m = RFC822.exec(s);
  if (m === null) return null;
  const [, d, mon, y, h, mi, sec, zone] = m;
  const month = monthNumber(mon as string);
  const offset = zoneOffset(zone);
  if (month === null || offset === null) return null;
  const year = twoDigitYear(Number(y), (y as string).length);
  return build(year, month, Number(d), Number(h ?? '0'), Number(mi ?? '0'), Number(sec ?? '0'), 0, offset);
}

function fromAsctime(s: string): string | null {
  const m = ASCTIME.exec(s);
  if (m === null) return null;
  const [, mon, d, h, mi, sec, zone, y] = m;
  const month = monthNumber(mon as string);
  const offset = zoneOffset(zone);
  if (month === null || offset === null) return null;
  return build(Number(y), month, Number(d), Number(h), Number(mi), Number(sec ?? '0'), 0, offset);
}

/** The date in `text` as an ISO 8601 UTC string, or null. */
export function parseFeedDate(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const s = text.trim().replace(/\s+/g, ' ');
  if (s === '' || s.length > 64) return null;
  return fromIso(s) ?? fromRfc822(s) ?? fromAsctime(s);
}
