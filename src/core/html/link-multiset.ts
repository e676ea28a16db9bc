/**
 * Compare a predicted list of links with an expected one as multisets (a URL that occurs twice must be
 * matched twice): true positives are min(count predicted, count expected) per URL. Used to score
 * body-link classification against a reference extraction (and handy for "what changed" diffs).
 */

export interface MultisetMatch {
  tp: number;
  fp: number;
  fn: number;
  /** Predicted URLs without a partner (with multiplicity). */
  extra: string[];
  /** Expected URLs without a partner (with multiplicity). */
  missing: string[];
}

export function matchMultisets(predicted: readonly string[], expected: readonly string[]): MultisetMatch {
  const want = new Map<string, number>();
  for (const e of expected) want.set(e, (want.get(e) ?? 0) + 1);
  let tp = 0;
  const extra: string[] = [];
  for (const p of predicted) {
    const c = want.get(p) ?? 0;
    if (c > 0) {
      tp++;
      want.set(p, c - 1);
    } else extra.push(p);
  }
  const missing: string[] = [];
  for (const [u, c] of want) for (let i = 0; i < c; i++) missing.push(u);
  return { tp, fp: extra.length, fn: missing.length, extra, missing };
}

/** Micro-averaged precision, recall and F1 from summed counts (F1 = 2TP / (2TP + FP + FN)). */
export function f1Score(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = 2 * tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn);
  return { precision, recall, f1 };
}
