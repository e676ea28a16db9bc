/**
 * wink-nlp with its English "lite web" model (stack note §3: MIT, 4.7 MB, Porter2 stems, POS tags,
 * sentence boundaries). Both packages are CommonJS whose typings declare `export default`, so they are
 * loaded through `createRequire` (stack note, Pitfalls §4). The model costs about 0.2–0.35 s to load,
 * so it is loaded once, lazily, on the first analysis — importing this module costs nothing.
 *
 * Pipe: only `sbd` (sentence boundaries), `negation` and `pos` run. Named entities and sentiment are not
 * used by any assessment, and leaving them out roughly halves `readDoc` time.
 */
import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';

const require = createRequire(import.meta.url);

interface WinkModel {
  addons: { stem: (word: string) => string };
}

let instance: { nlp: WinkMethods; stem: (word: string) => string } | null = null;

/** The shared wink instance (loaded on first use). */
export function wink(): { nlp: WinkMethods; stem: (word: string) => string } {
  if (instance === null) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods;
    const model = require('wink-eng-lite-web-model') as WinkModel;
    const nlp = winkNLP(model, ['sbd', 'negation', 'pos']);
    const porter2 = model.addons.stem;
    // Porter2 is the costly step (≈3 µs a word); the vocabulary of a text is small, so memoise per word.
    const cache = new Map<string, string>();
    const stem = (word: string): string => {
      let s = cache.get(word);
      if (s === undefined) {
        s = porter2(word);
        if (cache.size > 100_000) cache.clear();
        cache.set(word, s);
      }
      return s;
    };
    instance = { nlp, stem };
  }
  return instance;
}

/** True once the model has been loaded (for benchmarks that separate load time from run time). */
export function winkLoaded(): boolean {
  return instance !== null;
}
