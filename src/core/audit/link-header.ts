/**
 * HTTP `Link` header parsing (RFC 8288 §3): `Link: <target>; rel="canonical"; param=value, <other>; …`.
 * A response may carry several Link headers, and one header may carry several comma-separated
 * link-values; commas and semicolons inside `<…>` targets and quoted strings do not split.
 */

export interface LinkHeaderValue {
  /** The URI-reference between `<` and `>`, as written (resolve it against the response URL). */
  target: string;
  /** Relation types, lower-cased (RFC 8288 §2.1.1: compared case-insensitively), in order, deduplicated. */
  rel: string[];
  /** Other parameters, names lower-cased; the first occurrence of a name wins (RFC 8288 §3). */
  params: Record<string, string>;
}

function isWs(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** Parse one or more Link header field values. Malformed pieces are skipped; never throws. */
export function parseLinkHeader(values: string | readonly string[] | undefined | null): LinkHeaderValue[] {
  if (values === undefined || values === null) return [];
  const list = typeof values === 'string' ? [values] : values;
  const out: LinkHeaderValue[] = [];
  for (const value of list) {
    if (typeof value !== 'string') continue;
    let i = 0;
    const n = value.length;
    while (i < n) {
      while (i < n && (isWs(value[i]) || value[i] === ',')) i++;
      if (i >= n) break;
      if (value[i] !== '<') {
        // Not a link-value: skip to the next top-level comma.
        i = skipToComma(value, i);
        continue;
      }
      const close = value.indexOf('>', i + 1);
      if (close < 0) break;
      const target = value.slice(i + 1, close).trim();
      i = close + 1;
      const params: Record<string, string> = {};
      let rel: string[] = [];
      let relSeen = false;
      for (;;) {
        while (i < n && isWs(value[i])) i++;
        if (i >= n || value[i] === ',') break;
        if (value[i] !== ';') {
          i = skipToComma(value, i);
          break;
        }
        i++;
        while (i < n && isWs(value[i])) i++;
        let nameEnd = i;
        while (nameEnd < n && !isWs(value[nameEnd]) && value[nameEnd] !== '=' && value[nameEnd] !== ';' && value[nameEnd] !== ',')
          nameEnd++;
        const name = value.slice(i, nameEnd).toLowerCase();
        i = nameEnd;
        while (i < n && isWs(value[i])) i++;
        let paramValue = '';
        if (value[i] === '=') {
          i++;
          while (i < n && isWs(value[i])) i++;
          if (value[i] === '"') {
            i++;
            let v = '';
            while (i < n && value[i] !== '"') {
              if (value[i] === '\\' && i + 1 < n) i++;
              v += value[i];
              i++;
            }
            i++;
            paramValue = v;
          } else {
            let end = i;
            while (end < n && value[end] !== ';' && value[end] !== ',') end++;
            paramValue = value.slice(i, end).trim();
            i = end;
          }
        }
        if (name === '') continue;
        if (name === 'rel') {
          if (!relSeen) {
            relSeen = true;
            rel = [];
            for (const t of paramValue.split(/\s+/)) {
              const lt = t.toLowerCase();
              if (lt !== '' && !rel.includes(lt)) rel.push(lt);
            }
          }
        } else if (!(name in params)) {
          params[name] = paramValue;
        }
      }
      out.push({ target, rel, params });
    }
  }
  return out;
}

function skipToComma(value: string, from: number): number {
  let i = from;
  let quoted = false;
  let angle = false;
  for (; i < value.length; i++) {
    const c = value[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === '"') quoted = false;
    } else if (angle) {
      if (c === '>') angle = false;
    } else if (c === '"') quoted = true;
    else if (c === '<') angle = true;
    else if (c === ',') return i + 1;
  }
  return i;
}

/** Targets of the link-values with relation `rel` (first one first). */
export function linkHeaderTargets(values: string | readonly string[] | undefined | null, rel: string): string[] {
  const want = rel.toLowerCase();
  return parseLinkHeader(values)
    .filter((l) => l.rel.includes(want))
    .map((l) => l.target);
}
