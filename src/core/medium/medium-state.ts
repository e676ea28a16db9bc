/**
 * The embedded state of Medium pages, in its three generations (notes §2.3), and a uniform way to walk the
 * normalized Apollo caches: both `{"__ref":"Type:id"}` (Apollo Client 3) and `{"type":"id","id":…}` (Apollo
 * Client 2) references are followed by `Graph.deref`, and field names that embed arguments
 * (`content({"postMeteringOptions":{}})`) are found by their name.
 */

import { findAllElements, type HtmlDocument, rawText } from './html-doc.js';
import { decodeJsonAt, findJsonStart, findKeyedObject, type JsonDecodeResult } from './json-scan.js';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** Non-empty trimmed string, else null (Medium uses "" for "not set"). */
export function nonEmpty(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function bool(v: unknown): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

/** A view over a normalized cache (or over plain nested JSON, where deref is the identity). */
export interface Graph {
  /** Follows a reference; any other value is returned as is. Arrays are mapped. */
  deref(value: unknown): unknown;
  /** A top-level entity by key (`Post:abc…`), or undefined. */
  entity(key: string): JsonObject | undefined;
  /** All top-level keys (empty for plain JSON). */
  keys(): string[];
}

export const plainGraph: Graph = {
  deref: (v) => v,
  entity: () => undefined,
  keys: () => [],
};

export function apolloGraph(state: JsonObject): Graph {
  const deref = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(deref);
    if (!isObject(value)) return value;
    const ref3 = value.__ref;
    if (typeof ref3 === 'string') return state[ref3];
    // Apollo 2: {"type":"id","generated":bool,"id":"Post:…","typename":"Post"}
    if (value.type === 'id' && typeof value.id === 'string' && ('generated' in value || 'typename' in value)) {
      return state[value.id];
    }
    return value;
  };
  return {
    deref,
    entity: (key) => {
      const v = state[key];
      return isObject(v) ? v : undefined;
    },
    keys: () => Object.keys(state),
  };
}

/**
 * A field of an entity, dereferenced. `name` matches the plain key or a key with arguments (`name(…)`); when
 * several argument variants exist, `pick` chooses (default: the first non-null).
 */
export function field(obj: unknown, name: string, g: Graph, pick?: (candidates: unknown[]) => unknown): unknown {
  if (!isObject(obj)) return undefined;
  if (name in obj && pick === undefined) return g.deref(obj[name]);
  const candidates: unknown[] = [];
  if (name in obj) candidates.push(g.deref(obj[name]));
  for (const key of Object.keys(obj)) {
    if (key.startsWith(`${name}(`)) candidates.push(g.deref(obj[key]));
  }
  if (pick !== undefined) return pick(candidates);
  return candidates.find((c) => c !== null && c !== undefined);
}

/** Follows a path of field names. */
export function path(obj: unknown, names: readonly string[], g: Graph): unknown {
  let cur: unknown = obj;
  for (const n of names) {
    cur = field(cur, n, g);
    if (cur === undefined || cur === null) return cur;
  }
  return cur;
}

export type ApolloGeneration = 'apollo2' | 'apollo3';

/** Which Apollo cache form: Apollo 2 has `$ROOT_QUERY…`/`ROOT_QUERY.x` keys and `{type:"id"}` refs; 3 has `__ref`. */
export function apolloGeneration(state: JsonObject): ApolloGeneration {
  let two = 0;
  let three = 0;
  for (const key of Object.keys(state)) {
    if (key.startsWith('$') || key.startsWith('ROOT_QUERY.')) two++;
    const v = state[key];
    if (isObject(v)) {
      for (const inner of Object.values(v)) {
        if (isObject(inner)) {
          if (typeof inner.__ref === 'string') three++;
          else if (inner.type === 'id' && typeof inner.id === 'string') two++;
        }
      }
    }
    if (two + three > 50) break;
  }
  return two > three ? 'apollo2' : 'apollo3';
}

export interface LocatedApollo {
  generation: ApolloGeneration;
  /** The decoded state, or null when it did not decode (then `raw` is kept for the scoped last resort). */
  state: JsonObject | null;
  raw: string;
  start: number;
  error: string | null;
}

export interface LocatedLegacy {
  /** The post (`value`) and `references` of an obvInit/GLOBALS.embedded blob. */
  value: JsonObject | null;
  references: JsonObject;
}

const APOLLO_HEADS = ['window.__APOLLO_STATE__', '__APOLLO_STATE__'] as const;
const OBVINIT_HEADS = ['window["obvInit"]', "window['obvInit']", 'window.obvInit', 'obvInit'] as const;
const GLOBALS_HEADS = ['var GLOBALS', 'window.GLOBALS', 'window["GLOBALS"]'] as const;

function inlineScripts(doc: HtmlDocument): string[] {
  return findAllElements(doc, (e) => e.name === 'script' && e.attribs.src === undefined).map((e) => rawText(e));
}

/** Finds `window.__APOLLO_STATE__ = {…}` in the page's inline scripts (by variable name, not by class or position). */
export function locateApolloState(doc: HtmlDocument): LocatedApollo | null {
  for (const text of inlineScripts(doc)) {
    if (!text.includes('__APOLLO_STATE__')) continue;
    const start = findJsonStart(text, APOLLO_HEADS);
    if (start < 0) continue;
    const decoded: JsonDecodeResult = decodeJsonAt(text, start);
    if (decoded.ok && isObject(decoded.value)) {
      return { generation: apolloGeneration(decoded.value), state: decoded.value, raw: text, start, error: null };
    }
    const generation: ApolloGeneration = text.includes('"__ref"') ? 'apollo3' : 'apollo2';
    return { generation, state: null, raw: text, start, error: decoded.ok ? 'state is not an object' : decoded.reason };
  }
  return null;
}

/** Finds the 2014–18 state: `window["obvInit"]({…})` or `var GLOBALS = {… "embedded": {value, references}}`. */
export function locateLegacyState(doc: HtmlDocument): LocatedLegacy | null {
  for (const text of inlineScripts(doc)) {
    if (text.includes('obvInit')) {
      const start = findJsonStart(text, OBVINIT_HEADS);
      const d = start >= 0 ? decodeJsonAt(text, start) : null;
      if (d?.ok === true && isObject(d.value)) {
        const legacy = legacyFrom(d.value);
        if (legacy !== null) return legacy;
      }
    }
    if (text.includes('GLOBALS')) {
      const start = findJsonStart(text, GLOBALS_HEADS);
      const d = start >= 0 ? decodeJsonAt(text, start) : null;
      if (d?.ok === true && isObject(d.value)) {
        const legacy = legacyFrom(isObject(d.value.embedded) ? d.value.embedded : d.value);
        if (legacy !== null) return legacy;
      }
    }
  }
  return null;
}

function legacyFrom(obj: JsonObject): LocatedLegacy | null {
  const value = isObject(obj.value) ? obj.value : null;
  const references = isObject(obj.references) ? obj.references : {};
  if (value === null && Object.keys(references).length === 0) return null;
  return { value, references };
}

/**
 * Last resort when the state blob does not decode as a whole: cut out `"Post:<id>":{…}` alone (scoped to the
 * wanted post, never the first `clapCount` of the page — notes §2.3 "Fragile points") and decode that.
 */
export function decodeEntityFromRaw(raw: string, key: string): JsonObject | null {
  const d = findKeyedObject(raw, key);
  return d?.ok === true && isObject(d.value) ? d.value : null;
}

/** Post id of `ROOT_QUERY.postResult({"id":"…"})` (Apollo 3) — the post the page was rendered for. */
export function rootQueryPostId(state: JsonObject): string | null {
  const root = state.ROOT_QUERY;
  if (!isObject(root)) return null;
  for (const key of Object.keys(root)) {
    const m = /^post(?:Result)?\((\{.*\})\)$/.exec(key);
    if (m?.[1] === undefined) continue;
    try {
      const args = JSON.parse(m[1]) as unknown;
      if (isObject(args) && typeof args.id === 'string') return args.id;
    } catch {
      // arguments that are not JSON are skipped
    }
  }
  return null;
}
