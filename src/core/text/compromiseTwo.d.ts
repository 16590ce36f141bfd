// compromise's 'two' build (lexicon + inflection transforms, no tagger run needed). Its own types
// are reached through package "exports", which moduleResolution node10 does not read; and they do
// not describe methods().two.transform. Only what lemma.ts uses is declared here.
declare module 'compromise/two' {
  /** A lexicon entry: one tag or several ("PastTense", ["Plural", "Actor"]). */
  type LexiconTags = string | readonly string[];

  interface CompromiseModel {
    readonly one: { readonly lexicon: Readonly<Record<string, LexiconTags | undefined>> };
  }

  interface CompromiseTransforms {
    readonly verb: { toInfinitive(word: string, model: CompromiseModel, tense: string): string };
    readonly noun: { toSingular(word: string, model: CompromiseModel): string };
    readonly adjective: {
      fromComparative(word: string, model: CompromiseModel): string;
      fromSuperlative(word: string, model: CompromiseModel): string;
    };
  }

  interface Nlp {
    world(): { readonly model: CompromiseModel };
    methods(): { readonly two: { readonly transform: CompromiseTransforms } };
  }

  const nlp: Nlp;
  // The module's value is nlp itself (CommonJS build: module.exports; ES build: its default export).
  export = nlp;
}
