/**
 * Folding that makes two spellings of the same word compare equal: case, quote marks, dashes,
 * apostrophes, diacritics and British/American spelling. Used by every matcher so that
 * "Defence" and "defense", "Ukraine’s" and "Ukraine's" count as the same word.
 */

/**
 * British spellings whose American form is not produced by the suffix rules below. A Map, never a
 * plain object: looked up by any word of any text, and "constructor" is a word.
 */
const BRITISH_TO_AMERICAN: ReadonlyMap<string, string> = new Map(Object.entries({
  defence: 'defense', offence: 'offense', licence: 'license', pretence: 'pretense',
  grey: 'gray', tyre: 'tire', kerb: 'curb', plough: 'plow', programme: 'program',
  programmes: 'programs', cheque: 'check', jewellery: 'jewelry', aluminium: 'aluminum',
  sombre: 'somber', centre: 'center', centres: 'centers', centred: 'centered', theatre: 'theater',
  metre: 'meter', metres: 'meters', litre: 'liter', fibre: 'fiber', calibre: 'caliber',
  travelled: 'traveled', travelling: 'traveling', cancelled: 'canceled', cancelling: 'canceling',
  labelled: 'labeled', modelling: 'modeling', fuelled: 'fueled', signalled: 'signaled',
  counsellor: 'counselor', enrol: 'enroll', fulfil: 'fulfill', ageing: 'aging', manoeuvre: 'maneuver',
  analyse: 'analyze', analysed: 'analyzed', analysing: 'analyzing', paralyse: 'paralyze',
  catalogue: 'catalog', dialogue: 'dialog', anaesthetic: 'anesthetic', paediatric: 'pediatric',
}));

/** -our → -or words (colour, favour, labour, honour, neighbour, behaviour, rumour, …). */
const OUR_WORDS = /^(colou?r|favou?r|labou?r|honou?r|neighbou?r|behaviou?r|rumou?r|harbou?r|humou?r|vigou?r|endeavou?r|armou?r|savou?r|flavou?r|odou?r|rigou?r|valou?r|fervou?r|parlou?r|vapou?r|tumou?r|splendou?r|clamou?r)(s|ed|ing|ite|ites|able)?$/;

/** -ise/-isation words that are -ize in American spelling (a closed list: "rise", "wise" must stay). */
const ISE_STEMS = /^(organi|recogni|reali|apologi|criti|emphasi|summari|prioriti|mobili|stabili|normali|moderni|authori|legali|civili|characteri|minimi|maximi|utili|speciali|finali|capitali|categori|jeopardi|symboli|sympathi|neutrali|harmoni|itemi|memori|mesmeri|optimi|publici|scrutini|subsidi|sanitis|terrori|visuali|militari|democrati|destabili|demorali|centrali|decentrali|privati|nationali|globali|internationali|standardi|polari|radicali|revitali|weaponi)s(e|es|ed|ing|ation|ations|er|ers)$/;

const APOSTROPHES = /[\u2018\u2019\u201B\u2032\u02BC`´]/g;
const NON_ASCII = /[^\x20-\x7e]/;

/** "defences" → "defenses": the table's plural, when the word is a plural of a table entry. */
function pluralOf(singular: string | undefined, word: string): string | undefined {
  return singular !== undefined && word.endsWith('s') && !singular.endsWith('s') ? `${singular}s` : undefined;
}

/** Whether every character is printable ASCII other than a hyphen or a backtick (which folds to an apostrophe). */
function isPlainAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 45 || c === 96) return false;
  }
  return true;
}

/** Folds one word (letters, digits, inner apostrophes or hyphens) to its comparison key. */
export function foldWord(word: string): string {
  if (word.length <= 3 && isPlainAscii(word)) {
    // Every rule below needs a hyphen, a non-ASCII character, a backtick or at least four letters.
    return word.toLowerCase();
  }
  if (word.includes('-')) {
    // "600-metre", "air-defence": fold each part.
    return word.split('-').map(foldWord).join('-');
  }
  let w = word.toLowerCase();
  // Printable ASCII without a backtick has no apostrophe to fold and no diacritic: most words skip
  // both regular expressions (a replace and a test per new spelling read).
  if (!isPlainAscii(w)) {
    w = w.replace(APOSTROPHES, "'");
    if (NON_ASCII.test(w)) { // only non-ASCII words can carry diacritics
      w = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    }
  }
  const mapped = BRITISH_TO_AMERICAN.get(w) ?? pluralOf(BRITISH_TO_AMERICAN.get(w.slice(0, -1)), w);
  if (mapped !== undefined) {
    return mapped;
  }
  if (w.length > 4 && OUR_WORDS.test(w)) {
    return w.replace(/our/, 'or');
  }
  // The shortest -ise word the pattern takes has seven letters ("itemise"): shorter words skip it.
  const ise = w.length >= 7 ? ISE_STEMS.exec(w) : null;
  if (ise) {
    return `${ise[1]}z${ise[2]}`;
  }
  return w;
}

/** Folds a run of text for display-independent comparison: quotes, dashes, spaces and words. */
export function foldText(text: string): string {
  return text
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2036]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\p{L}\p{N}][\p{L}\p{N}'’‘-]*/gu, (w) => foldWord(w))
    .trim();
}
