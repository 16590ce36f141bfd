/**
 * Nouns that, after a possessive name, speak for that person: "Macron's office", "Trump's
 * campaign", "Clinton's spokesman". One list for the name keys and the speaker patterns.
 */
export const PROXY_NOUNS: readonly string[] = [
  'press office', 'press service', 'office', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'team',
  'aides', 'aide', 'camp', 'campaign', 'administration', 'government', 'cabinet', 'staff', 'lawyers', 'lawyer',
  'representatives', 'representative',
];

/** The alternation of PROXY_NOUNS for a regular expression (longest first, so "press office" wins). */
export const PROXY_NOUN_PATTERN = `(?:${[...PROXY_NOUNS].sort((a, b) => b.length - a.length).join('|')})`;

/** A possessive and a proxy noun at the end of a text: "…'s office". */
export const POSSESSIVE_PROXY_AT_END = new RegExp(`[’']s\\s+${PROXY_NOUN_PATTERN}$`, 'i');

/** A possessive and a proxy noun at the start of a text: "'s office …". */
export const POSSESSIVE_PROXY_AT_START = new RegExp(`^[’']s\\s+(${PROXY_NOUN_PATTERN})\\b`);
