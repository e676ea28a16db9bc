/**
 * Indexing directives from `<meta name="robots">` / `<meta name="<our token>">` and from the
 * `X-Robots-Tag` response header, as Google specifies them ("Robots meta tag, data-nosnippet, and
 * X-Robots-Tag specifications", Google Search Central):
 * - rule lists are comma-separated and case-insensitive;
 * - an X-Robots-Tag value may start with a user-agent name and a colon (`X-Robots-Tag: googlebot:
 *   noindex, nofollow`); the rules after it apply only to that crawler, until another scoped part;
 *   unscoped rules apply to every crawler;
 * - `none` is equivalent to `noindex, nofollow`.
 * We report rules that apply to us: unscoped ones and those scoped to our user-agent token
 * (`linkwright` by default).
 */

export const DEFAULT_UA_TOKEN = 'linkwright';

/** Rules whose own syntax is `name: value` (so `name:` is not a user-agent scope). */
const VALUED_RULES = new Set(['max-snippet', 'max-image-preview', 'max-video-preview', 'unavailable_after']);
const SCOPE_RE = /^\s*([A-Za-z0-9_.-]+)\s*:\s*(.*)$/s;

function pushUnique(out: string[], v: string): void {
  if (v !== '' && !out.includes(v)) out.push(v);
}

/** Lower-cased, trimmed rules of one comma-separated list (empty parts dropped). */
export function splitRules(content: string): string[] {
  const out: string[] = [];
  for (const raw of content.split(',')) {
    const part = raw.trim().replace(/\s+/g, ' ').toLowerCase();
    const last = out.at(-1);
    // RFC 850/822 dates contain a comma after the weekday ("unavailable_after: Wednesday,
    // 25-Jun-2030 …"): a part starting with a digit right after it is the rest of the date.
    if (last !== undefined && last.startsWith('unavailable_after') && /^\d/.test(part)) {
      out[out.length - 1] = `${last}, ${part}`;
      continue;
    }
    pushUnique(out, part);
  }
  return out;
}

export interface MetaLike {
  name: string | null;
  content: string | null;
}

/** Rules from robots metas: `name="robots"` and `name="<uaToken>"` (names compared case-insensitively). */
export function metaRobotsRules(metas: readonly MetaLike[], uaToken: string = DEFAULT_UA_TOKEN): string[] {
  const token = uaToken.toLowerCase();
  const out: string[] = [];
  for (const m of metas) {
    const name = m.name?.trim().toLowerCase();
    if ((name === 'robots' || name === token) && m.content !== null) for (const r of splitRules(m.content)) pushUnique(out, r);
  }
  return out;
}

/** Rules from X-Robots-Tag header values that apply to `uaToken` (unscoped or scoped to it). */
export function xRobotsTagRules(values: readonly string[], uaToken: string = DEFAULT_UA_TOKEN): string[] {
  const token = uaToken.toLowerCase();
  const out: string[] = [];
  for (const value of values) {
    let scope: string | null = null;
    const parts = value.split(',');
    let prevRule = '';
    for (const raw of parts) {
      let part = raw.trim();
      if (part === '') continue;
      const m = SCOPE_RE.exec(part);
      if (m !== null) {
        const name = (m[1] ?? '').toLowerCase();
        if (!VALUED_RULES.has(name)) {
          scope = name;
          part = (m[2] ?? '').trim();
          if (part === '') continue;
        }
      } else if (prevRule.startsWith('unavailable_after') && !/^[a-z_-]+$/i.test(part)) {
        // RFC 850 dates contain a comma ("Sunday, 06-Nov-94 …"): glue the date back on.
        const i = out.lastIndexOf(prevRule);
        if (i >= 0 && (scope === null || scope === token)) out[i] = `${prevRule}, ${part.toLowerCase()}`;
        prevRule = `${prevRule}, ${part.toLowerCase()}`;
        continue;
      }
      const rule = part.replace(/\s+/g, ' ').toLowerCase();
      prevRule = rule;
      if (scope === null || scope === token) pushUnique(out, rule);
    }
  }
  return out;
}

/** True when the rules forbid indexing (`noindex`, or `none` = noindex + nofollow). */
export function hasNoindex(rules: readonly string[]): boolean {
  return rules.includes('noindex') || rules.includes('none');
}

/** Header values of `name` from a header record with any key case; arrays are flattened. */
export function headerValues(
  headers: Readonly<Record<string, string | readonly string[] | undefined>> | undefined,
  name: string,
): string[] {
  if (headers === undefined) return [];
  const want = name.toLowerCase();
  const out: string[] = [];
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== want || v === undefined) continue;
    if (typeof v === 'string') out.push(v);
    else out.push(...v);
  }
  return out;
}
