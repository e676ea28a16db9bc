/**
 * Locating and decoding a JSON literal embedded in JavaScript (`window.__APOLLO_STATE__ = {...}`,
 * `window["obvInit"]({...})`). The blob is followed by more code or `</script>`, so it cannot be handed to
 * JSON.parse as a whole: we find its end with a bracket-balanced scan that skips over string literals
 * (the equivalent of Python's `raw_decode`, notes §0 step 3), then JSON.parse exactly that slice.
 */

/**
 * Index just past the JSON object/array that starts at `start` (which must hold `{` or `[`), or -1 when the
 * brackets never balance or mismatch. Brackets inside double-quoted strings (with `\` escapes) are ignored.
 */
export function scanBalancedJson(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first !== 0x7b && first !== 0x5b) return -1;
  const stack: number[] = [];
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b) stack.push(0x7d);
    else if (c === 0x5b) stack.push(0x5d);
    else if (c === 0x7d || c === 0x5d) {
      if (stack.pop() !== c) return -1;
      if (stack.length === 0) return i + 1;
    }
  }
  return -1;
}

export type JsonDecodeResult =
  | { ok: true; value: unknown; start: number; end: number }
  | { ok: false; start: number; end: number; reason: string };

/** Decode the balanced JSON value at `start`. Never throws. */
export function decodeJsonAt(text: string, start: number): JsonDecodeResult {
  const end = scanBalancedJson(text, start);
  if (end < 0) return { ok: false, start, end: -1, reason: 'brackets do not balance' };
  try {
    return { ok: true, value: JSON.parse(text.slice(start, end)) as unknown, start, end };
  } catch (error) {
    return { ok: false, start, end, reason: error instanceof Error ? error.message : String(error) };
  }
}

const WS = /\s/;

function skipWs(text: string, i: number): number {
  let j = i;
  while (j < text.length && WS.test(text.charAt(j))) j++;
  return j;
}

/**
 * Where the JSON value assigned to / passed to one of `heads` begins. A head is matched literally and must be
 * followed (after optional whitespace) by `=` or `(` and then `{`/`[`. Examples of heads:
 * `window.__APOLLO_STATE__`, `window["obvInit"]`, `var GLOBALS`. Returns the index of the `{`/`[`, or -1.
 */
export function findJsonStart(text: string, heads: readonly string[]): number {
  for (const head of heads) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(head, from);
      if (at < 0) break;
      let i = skipWs(text, at + head.length);
      const op = text.charAt(i);
      if (op === '=' || op === '(') {
        // `==`/`===` is a comparison, not an assignment.
        if (!(op === '=' && text.charAt(i + 1) === '=')) {
          i = skipWs(text, i + 1);
          const open = text.charAt(i);
          if (open === '{' || open === '[') return i;
        }
      }
      from = at + head.length;
    }
  }
  return -1;
}

/**
 * The balanced object that follows the JSON key `"key":` inside `text` (e.g. `"Post:abc123def456":{…}`), for the
 * last-resort path when the whole state does not decode: the entity is cut out and decoded alone.
 */
export function findKeyedObject(text: string, key: string): JsonDecodeResult | null {
  const needle = `${JSON.stringify(key)}:`;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return null;
    const i = skipWs(text, at + needle.length);
    if (text.charAt(i) === '{') return decodeJsonAt(text, i);
    from = at + needle.length;
  }
}

/**
 * Offset of the first JSON syntax error in `text`, or null when it is valid JSON. Node 20's JSON.parse messages
 * no longer carry a position ("Unexpected token '}', … is not valid JSON"), so errors are located with this small
 * RFC 8259 syntax walk (no values are built).
 */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail();
          }
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) {
          i++;
          fail();
        }
        i += 2;
        continue;
      }
      i++;
    }
    fail();
  };
  const number = (): void => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null) fail();
    else i += m[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail();
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : null;
  } catch (at) {
    return typeof at === 'number' ? at : 0;
  }
}
