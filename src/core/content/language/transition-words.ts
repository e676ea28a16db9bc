/**
 * English transition words and phrases: our own list, grouped by the relation they signal, following the
 * categories used in writing guides (Purdue OWL, "Transitional Devices"; University of Wisconsin–Madison
 * Writing Center, "Transitional Words and Phrases"; Swan, "Practical English Usage", 4th ed., §§ on
 * discourse markers). Words that are mostly something else in running text ("and", "as", "since",
 * "while", "then" as plain time adverb are kept; "and" and "or" are not) were left out or kept only in
 * phrases, so a sentence is not counted for an ordinary conjunction.
 * Matching is on whole lower-cased words; phrases must appear as a contiguous run.
 */

const GROUPS: Readonly<Record<string, string>> = {
  addition:
    'also | besides | furthermore | moreover | additionally | in addition | as well as | not only | equally important | ' +
    'what is more | on top of that | along with | likewise | similarly | in the same way | by the same token | too',
  contrast:
    'but | however | yet | still | nevertheless | nonetheless | although | though | even though | even so | whereas | ' +
    'instead | rather | on the other hand | on the contrary | in contrast | by contrast | conversely | despite | ' +
    'in spite of | regardless | unlike | alternatively | otherwise | admittedly | at the same time',
  cause:
    'because | since | as a result | therefore | thus | hence | consequently | accordingly | so | so that | ' +
    'for this reason | for that reason | due to | owing to | because of | in order to | as a consequence | that is why',
  sequence:
    'first | firstly | second | secondly | third | thirdly | next | then | after that | afterwards | afterward | later | ' +
    'finally | lastly | eventually | meanwhile | subsequently | previously | before that | at first | initially | ' +
    'to begin with | to start with | in the meantime | from now on | until now | at last | earlier | simultaneously',
  example:
    'for example | for instance | such as | namely | to illustrate | in particular | particularly | specifically | ' +
    'including | especially | notably | as an illustration | to demonstrate | in this case | in other words | that is',
  emphasis:
    'indeed | in fact | above all | certainly | clearly | obviously | of course | undoubtedly | without a doubt | ' +
    'importantly | most importantly | in particular | above all | surely | truly | to be sure',
  conclusion:
    'in conclusion | to conclude | in summary | to summarize | to summarise | to sum up | in short | in brief | ' +
    'overall | ultimately | all in all | in the end | on the whole | in essence | briefly | in a nutshell',
  condition: 'if | unless | provided that | as long as | in case | even if | only if | assuming that | given that | in that case',
};

/** Every transition entry, lower-cased, as arrays of words. */
export const TRANSITION_PHRASES: readonly (readonly string[])[] = (() => {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const list of Object.values(GROUPS)) {
    for (const raw of list.split('|')) {
      const p = raw.trim().toLowerCase();
      if (p === '' || seen.has(p)) continue;
      seen.add(p);
      out.push(p.split(/\s+/));
    }
  }
  return out;
})();

const BY_FIRST_WORD: ReadonlyMap<string, (readonly string[])[]> = (() => {
  const m = new Map<string, (readonly string[])[]>();
  for (const p of TRANSITION_PHRASES) {
    const first = p[0] as string;
    const list = m.get(first) ?? [];
    list.push(p);
    m.set(first, list);
  }
  return m;
})();

/** The first transition word/phrase found in a sentence given as lower-cased words, or null. */
export function findTransition(words: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const candidates = BY_FIRST_WORD.get(words[i] as string);
    if (candidates === undefined) continue;
    for (const p of candidates) {
      let ok = true;
      for (let k = 1; k < p.length; k++) {
        if (words[i + k] !== p[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return p.join(' ');
    }
  }
  return null;
}
