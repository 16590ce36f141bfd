import { lemma } from '../text/lemma';
import { WORDNET_SYNSETS } from './synonymData';

/**
 * Whether two words can mean the same thing: the same key (stem, or the same group of lexicon.ts's
 * news table), or a shared WordNet synset among each word's most frequent senses
 * (synonymData.ts: "rush"/"hurry", "agreement"/"understanding", "purchase"/"buy").
 */

/** Lemma → indices of the WordNet synsets it belongs to; built on first use (~3,700 synsets). */
let senses: Map<string, number[]> | undefined;

function senseTable(): Map<string, number[]> {
  if (senses === undefined) {
    senses = new Map();
    WORDNET_SYNSETS.split('\n').forEach((line, k) => {
      for (const word of line.split(' ')) {
        const list = senses?.get(word);
        if (list === undefined) senses?.set(word, [k]);
        else if (!list.includes(k)) list.push(k);
      }
    });
  }
  return senses;
}

const NO_SENSES: readonly number[] = Object.freeze([]);

/** The WordNet synsets of a folded word (through its lemma: "rushed" → "rush"). */
export function meaningsOf(word: string): readonly number[] {
  const table = senseTable();
  return table.get(word) ?? table.get(lemma(word)) ?? NO_SENSES;
}
