/**
 * Passive voice, English: a form of "be" followed — possibly after up to three adverbs, negations or
 * further be-forms ("is not often", "has been", "is being") — by a past participle. This is the textbook
 * definition of the be-passive (Quirk et al. 1985, §3.63; Huddleston & Pullum 2002, ch. 16 §10.1).
 *
 * A past participle is
 *   - a word from the irregular-participle list below (standard irregular verb tables) tagged VERB or ADJ;
 *   - or a regular `-ed` form tagged VERB by wink's POS tagger, or tagged ADJ and followed by "by"
 *     (the agent phrase makes "was excited by the news" passive, while "was excited" alone is read as a
 *     predicative adjective), minus a list of `-ed` words that are not participles ("need", "hundred").
 * Get-passives ("got fired") are not counted: "get/got" is too often a plain verb ("got a reply").
 */

/** be-forms, including clitics as wink splits them ("it's" → it + 's). */
const BE_FORMS = new Set(['be', 'am', 'is', 'are', 'was', 'were', 'been', 'being', "'s", '’s', "'re", '’re', "'m", '’m']);

/** Tokens allowed between the be-form and the participle. */
const BETWEEN_POS = new Set(['ADV', 'PART']);

export const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set(
  (
    'arisen awoken born borne beaten become begun bent bet bound bitten bled blown broken bred brought broadcast ' +
    'built burnt burst bought cast caught chosen clung come cost crept cut dealt dug done drawn dreamt drunk driven ' +
    'eaten fallen fed felt fought found fled flung flown forbidden forecast forgotten forgiven forsaken frozen given ' +
    'gone ground grown hung heard hidden hit held hurt kept knelt known laid led leant learnt left lent let lain lit ' +
    'lost made meant met mistaken misunderstood overcome overtaken overheard overrun overseen overthrown paid proven ' +
    'put quit read rid ridden rung risen run said seen sought sold sent set sewn shaken shed shone shot shown shrunk ' +
    'shut sung sunk sat slain slept slid slung slit smelt sown spoken sped spelt spent spilt spun spat split spoilt ' +
    'spread sprung stood stolen stuck stung stunk stricken struck strung sworn swept swollen swum swung taken taught ' +
    'torn told thought thrown thrust trodden understood undertaken undone upheld upset woken worn woven wed wept won ' +
    'wound withdrawn withheld written rewritten rebuilt retold redone remade resold outdone outgrown foreseen ' +
    'mislaid misled mistook overdone overpaid underpaid undersold'
  ).split(/\s+/),
);

/** `-ed` words that are not past participles. */
const NOT_PARTICIPLE_ED = new Set([
  'need',
  'seed',
  'speed',
  'bed',
  'red',
  'hundred',
  'sacred',
  'naked',
  'wicked',
  'indeed',
  'feed',
  'breed',
  'proceed',
  'succeed',
  'exceed',
  'greed',
  'heed',
  'weed',
  'reed',
  'steed',
  'creed',
  'tweed',
  'bleed',
  'embed',
  'shred',
  'sled',
  'wed',
]);

export interface PassiveToken {
  /** Lower-cased token text. */
  normal: string;
  /** Universal POS tag from wink. */
  pos: string;
}

function isParticiple(tokens: readonly PassiveToken[], j: number): boolean {
  const t = tokens[j];
  if (t === undefined) return false;
  const w = t.normal.replace(/’/g, "'");
  if (IRREGULAR_PARTICIPLES.has(w)) return t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'AUX';
  if (!/^[a-z][a-z-]*[a-z]ed$/.test(w) || NOT_PARTICIPLE_ED.has(w)) return false;
  if (t.pos === 'VERB') return true;
  return t.pos === 'ADJ' && tokens[j + 1]?.normal === 'by';
}

/**
 * The participle of the first be-passive in a sentence, or null. `tokens` are the sentence's tokens in
 * order (punctuation included: a comma between the be-form and the participle breaks the pattern).
 */
export function findPassive(tokens: readonly PassiveToken[]): string | null {
  for (let i = 0; i < tokens.length; i++) {
    const be = tokens[i] as PassiveToken;
    const form = be.normal.replace(/’/g, "'");
    if (!BE_FORMS.has(form)) continue;
    // A bare 's is a be-form only when tagged as an auxiliary (not the possessive "writer's").
    if (form === "'s" && be.pos !== 'AUX') continue;
    let j = i + 1;
    let skipped = 0;
    while (j < tokens.length && skipped < 3) {
      const t = tokens[j] as PassiveToken;
      if (BETWEEN_POS.has(t.pos) || t.normal === 'been' || t.normal === 'being') {
        j++;
        skipped++;
        continue;
      }
      break;
    }
    if (isParticiple(tokens, j)) return (tokens[j] as PassiveToken).normal;
  }
  return null;
}
