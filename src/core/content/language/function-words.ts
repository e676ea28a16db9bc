/**
 * English function words: the closed word classes that carry grammar rather than topic. Our own list,
 * assembled from the closed classes as standard grammars define them (Quirk et al., "A Comprehensive
 * Grammar of the English Language", 1985, ch. 2 "closed-class items"; Biber et al., "Longman Grammar of
 * Spoken and Written English", 1999, §2.4 "function words"):
 * articles and determiners, pronouns, prepositions, conjunctions, auxiliary and modal verbs, quantifiers,
 * numerals, interrogatives, degree and common sentence adverbs, and the empty verbs that keyphrases
 * often start with ("how to get …"). Used to find the content words of a keyphrase (Yoast filters function
 * words out of keyphrases the same way: "how to decorate a room" → decorate, room).
 */

const LIST = `
a an the this that these those such what which whose whatever whichever
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its itself
we us our ours ourselves they them their theirs themselves one ones oneself someone somebody something
anyone anybody anything everyone everybody everything noone nobody nothing none
who whom whoever whomever
about above across after against along amid amidst among amongst around as at before behind below beneath beside
besides between beyond but by despite down during except for from in inside into like near of off on onto
opposite out outside over past per plus regarding round since than through throughout till to toward towards
under underneath unlike until unto up upon versus via with within without
and or nor so yet because although though while whereas if unless whether once whenever wherever
be am is are was were been being do does did done doing have has had having
can could may might must shall should will would ought need dare
'm 're 's 've 'd 'll n't not no yes
all any both each either every few fewer least less lot lots many more most much neither other others own
same several some enough another
zero one two three four five six seven eight nine ten eleven twelve hundred thousand million billion
first second third next last
how when where why there here then now
very really quite rather too also just only even still already almost always never ever often sometimes
usually again perhaps maybe probably actually simply
get gets got getting gotten go goes went gone going let lets say says said
`;

export const FUNCTION_WORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter((w) => w !== ''));

/** True when the lower-cased word is a function word. */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase().replace(/’/g, "'"));
}
