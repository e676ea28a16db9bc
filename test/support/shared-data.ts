/**
 * Access to the third-party data in ../shared (fixtures, corpora, conformance suites).
 * It is read in place, never copied into the repository. When it is absent, the tests that need it
 * skip with a clear message — except under CI (`LINKWRIGHT_REQUIRE_ALL=1`), where absence is a failure.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedRoot = process.env.LINKWRIGHT_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
export const requireAll = process.env.LINKWRIGHT_REQUIRE_ALL === '1';

/** Absolute path of a file or folder under ../shared, or null when it is not there. */
export function sharedPath(...parts: string[]): string | null {
  const full = join(sharedRoot, ...parts);
  return existsSync(full) ? full : null;
}

/** Like sharedPath but throws (for use inside a describeShared block, where presence was checked). */
export function requireSharedPath(...parts: string[]): string {
  const full = sharedPath(...parts);
  if (full === null) throw new Error(`missing shared data: ${join(sharedRoot, ...parts)}`);
  return full;
}

/**
 * A describe block that needs ../shared/<parts>. Absent data: skipped with a message naming the path,
 * or a failing test when LINKWRIGHT_REQUIRE_ALL=1 (CI must not skip anything).
 */
export function describeShared(name: string, parts: string[], fn: () => void): void {
  const path = sharedPath(...parts);
  if (path !== null) {
    describe(name, fn);
    return;
  }
  const message = `needs ${join(sharedRoot, ...parts)} (the ../shared data folder), which is absent`;
  if (requireAll) {
    describe(name, () => {
      it('has its shared data', () => {
        throw new Error(`${message}; LINKWRIGHT_REQUIRE_ALL=1 forbids skipping`);
      });
    });
  } else {
    describe.skip(`${name} — skipped: ${message}`, fn);
  }
}
