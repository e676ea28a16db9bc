import { InvalidArgumentError } from 'commander';

/** Repeatable, comma-separable list option: `--tag a --tag b,c` → ['a', 'b', 'c']. */
export function collectList(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  ];
}

/** A whole number ≥ 1 (counts, limits). */
export function wholeNumberAtLeastOne(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** A whole number ≥ 0. */
export function wholeNumberAtLeastZero(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}
