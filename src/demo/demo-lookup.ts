import type { LookupFunction } from 'node:net';

/**
 * DNS for the offline demo: the demo hosts resolve to 127.0.0.1 and every other name fails with
 * ENOTFOUND, so nothing the demo does can reach the internet (not even a DNS query).
 */
export function demoLookup(hosts: readonly string[]): LookupFunction {
  const known = new Set(hosts.map((h) => h.toLowerCase()));
  const fn = (hostname: string, options: unknown, callback?: unknown): void => {
    const cb = (typeof options === 'function' ? options : callback) as (err: Error | null, address?: unknown, family?: number) => void;
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all === true;
    setImmediate(() => {
      if (!known.has(hostname.toLowerCase())) {
        cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (offline demo)`), { code: 'ENOTFOUND', hostname }));
      } else if (all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
      else cb(null, '127.0.0.1', 4);
    });
  };
  return fn as unknown as LookupFunction;
}
