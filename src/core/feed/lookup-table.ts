/**
 * A read-only lookup table without a prototype. The mapping looks up names that come from the document (element
 * names, entity names, zone names); on a plain object literal `table['constructor']` or `table['toString']` would
 * find Object.prototype's functions instead of "not found".
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
