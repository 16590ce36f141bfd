import * as assert from 'assert';
import { findQuotes, findQuotesWithMentions } from '../../src/core/text/quotes';
import { splitSentences } from '../../src/core/text/sentences';
import { endsWithColon, hasWordOutside, markWithin } from '../../src/core/text/speakers';
import { growth } from './workCounter';
import { dashFollows, signedAfter } from '../../src/core/text/speakerMarks';
import { MASK } from '../../src/core/text/speakerSubjects';

const who = (text: string): [string, string | null, string | null][] =>
  findQuotes(text, splitSentences(text)).map((q) => [q.text, q.speakerKey, q.cue]);

describe('speakers and cues', () => {
  it('takes the subject of a cue verb after or before the quote', () => {
    assert.deepStrictEqual(who('“We are ready,” Rutte said.'), [['We are ready,', 'rutte', 'said']]);
    assert.deepStrictEqual(who('Kallas said: “Membership matters.”'), [['Membership matters.', 'kallas', 'said']]);
    assert.deepStrictEqual(who('“Talks will start,” said Mark Rutte.'), [['Talks will start,', 'rutte', 'said']]);
    assert.deepStrictEqual(who('“High on the agenda,” Rutte told reporters as he welcomed Zelenskyy.'), [['High on the agenda,', 'rutte', 'told']]);
  });

  it('knows the common verbs of speech', () => {
    assert.deepStrictEqual(who('“Stop!” Rutte shouted. “Never,” Kallas retorted.').map((x) => [x[1], x[2]]), [['rutte', 'shouted'], ['kallas', 'retorted']]);
    assert.deepStrictEqual(who('“Yes,” Kallas said. She turned to him, “This is great.” she said.').map((x) => x[1]), ['kallas', 'kallas']);
  });

  it('keeps the display name as the fullest form in the article', () => {
    const [q] = findQuotes('Mark Rutte arrived. “We are ready,” Rutte said.', splitSentences('Mark Rutte arrived. “We are ready,” Rutte said.'));
    assert.strictEqual(q.speaker, 'Mark Rutte');
  });

  it('resolves he and she to the last named speaker of that gender', () => {
    const text = '“Yes,” Kallas said. “No,” she said. “Maybe,” Rutte said. “Never,” he said. “Always,” she said.';
    assert.deepStrictEqual(who(text).map((x) => x[1]), ['kallas', 'kallas', 'rutte', 'rutte', 'kallas']);
  });

  it('resolves he to a person who opened an earlier sentence', () => {
    assert.deepStrictEqual(who('Mark Rutte appeared frustrated. “We are ready,” he said.').map((x) => x[1]), ['rutte']);
  });

  it('reads "according to" and possessive offices', () => {
    assert.deepStrictEqual(who('Support is “an absolute priority”, according to Macron’s office.'), [['an absolute priority', 'macron', 'according to']]);
  });

  it('resolves a role to the person introduced with it', () => {
    const text = 'Ukrainian Defense Minister Rustem Umerov spoke first. Mark Rutte said NATO agreed. The minister said the focus was “security assistance.”';
    assert.deepStrictEqual(who(text).map((x) => x[1]), ['umerov']);
  });

  it('resolves a role to the person named right after when nobody earlier holds it', () => {
    const text = 'Ahead of the meeting, the EU foreign policy chief said that “a deal will not work.” “We should not give up,” Kaja Kallas said.';
    assert.deepStrictEqual(who(text).map((x) => x[1]), ['kallas', 'kallas']);
  });

  it('takes the cue that introduces a quote, not the one that introduces the next', () => {
    const text = 'Ukrainian Defense Minister Rustem Umerov spoke. The minister said the focus was “security assistance,” and added: “We are thankful.”';
    assert.deepStrictEqual(who(text), [['security assistance,', 'umerov', 'said'], ['We are thankful.', 'umerov', 'added']]);
    assert.deepStrictEqual(who('Mykola Kovrynsky spoke. He vowed to rebuild it “higher than before”, saying the country would not wait.').map((x) => [x[1], x[2]]), [['kovrynsky', 'vowed']]);
    assert.deepStrictEqual(who('It will be “higher than before”, saying the country would not wait.').map((x) => x[1]), [null]);
  });

  it('keeps an anonymous official anonymous', () => {
    const text = '“We are ready,” Rutte said. The official, who spoke on condition of anonymity, said “nothing is decided.” “We will see,” Kallas said.';
    assert.deepStrictEqual(who(text).map((x) => x[1]), ['rutte', 'the official', 'kallas']);
  });

  it('lets "the president" stand for the president who spoke last', () => {
    const text = '“The water came fast,” Kovrynskiy said. According to the president, Lirania “cannot wait for committees.”';
    assert.deepStrictEqual(who(text).map((x) => x[1]), ['kovrynsky', 'kovrynsky']);
  });

  it('keeps an unresolved description as the speaker', () => {
    assert.deepStrictEqual(who('“It is over,” the statement said.').map((x) => x[1]), ['the statement']);
  });

  it('prefers a person over a document as the source', () => {
    assert.deepStrictEqual(who('Macron said he will keep a “tight dialogue with Ukraine,” the statement said.').map((x) => x[1]), ['macron']);
  });

  it('finds appositive names and skips asides', () => {
    assert.deepStrictEqual(who('The alliance’s chief, Annelise Varnholt, said “we will help.”').map((x) => x[1]), ['varnholt']);
    assert.deepStrictEqual(who('US President Donald Trump, after speaking to Vladimir Putin, said talks start “immediately.”').map((x) => x[1]), ['trump']);
    assert.deepStrictEqual(who('Umerov, for his part, stressed that Ukraine was “continuing” the fight.').map((x) => x[1]), ['umerov']);
  });

  it('gives a stand-alone quote sentence the speaker of the quote before it, but not a heading', () => {
    assert.deepStrictEqual(who('“First point,” Lammy said. “It is strength that counts.”').map((x) => x[1]), ['lammy', 'lammy']);
    assert.deepStrictEqual(who('“We are strong,” Umerov said.\n‘Any deal should be implemented by Europeans’\nMore text.').map((x) => x[1]), ['umerov', null]);
  });

  it('never takes a name inside a quote as its speaker', () => {
    assert.deepStrictEqual(who('“President Macron said no,” Zelensky wrote.').map((x) => x[1]), ['zelensky']);
  });

  it('attributes a quote to a known speaker named beside it when the cue verb is missing', () => {
    const text = 'Zelenskyy posted on Telegram. Zelenskyy that the meeting would provide “a very good opportunity.”';
    assert.deepStrictEqual(who(text).map((x) => x[1]), ['zelensky']);
  });

  it('leaves nested quotes without a speaker', () => {
    const quotes = findQuotes('“He told me ‘never again’ twice,” Kallas said.', []);
    assert.deepStrictEqual(quotes.map((q) => q.speakerKey), ['kallas', null]);
  });

  it('works without sentences (one per line) and on text without quotes', () => {
    assert.deepStrictEqual(findQuotes('No quotes here. Rutte said so.', []), []);
    assert.deepStrictEqual(findQuotes('“Fine,” Rutte said.', []).map((q) => q.speakerKey), ['rutte']);
  });
});

describe('speakers on the shapes of real news (PolNeAR)', () => {
  it('reads appositions on either side of the name', () => {
    assert.deepStrictEqual(who('Maria Lind, the chief executive of Nordbank, said “rates will rise.”').map((x) => x[1]), ['lind']);
    assert.deepStrictEqual(who('Sen. Richard J. Durbin (D-Ill.), noting the list, said “he has a heck of a list.”').map((x) => x[1]), ['durbin']);
    assert.deepStrictEqual(who('Christie, New Jersey’s sitting governor, repeated it, calling him a “talented guy.”').map((x) => x[1]), ['christie']);
    assert.deepStrictEqual(who('“I can’t vote for Trump,” said Concord resident Whit Symms.').map((x) => x[1]), ['symms']);
    assert.deepStrictEqual(who('Secretary of State Maria Lind said “no.”').map((x) => x[1]), ['lind']);
  });

  it('signs a roundup quote with the name after the dash', () => {
    const text = '“Taxes are too high.” — Ana Ruiz, Daily Courier\n“Roads are bad.” — Tom Ode, Harbor Times';
    assert.deepStrictEqual(who(text).map((x) => x[1]), ['ruiz', 'ode']);
    // A horizontal bar or a spaced hyphen signs too, and signatures run on in one paragraph.
    const run = 'Readers wrote in. “Taxes are too high.”― Ana Ruiz “Roads are bad.” - Tom Ode. Getty. “Fine.” ― Lea Berg';
    assert.deepStrictEqual(who(run).map((x) => x[1]), ['ruiz', 'ode', 'berg']);
  });

  it('finds names and signatures where the fast scans skip ahead (non-ASCII capitals, a dash after a line break)', () => {
    // Names are scanned for from the next upper-case or non-ASCII character: a name opening with
    // a capital beyond ASCII still gives the fullest form.
    const names = 'Łukasz Nowak arrived. “We will stay,” Nowak said. Élodie Martin left. “Not now,” said Martin.';
    assert.deepStrictEqual(findQuotes(names, splitSentences(names)).map((q) => q.speaker), ['Łukasz Nowak', 'Élodie Martin']);
    // A signature is looked for only after a dash (spaces, full stops and commas before it), within the line.
    const masked = (after: string): string => `${MASK.repeat(5)}${after}`;
    const signed = (after: string): string | null => signedAfter(masked(after), { start: 0, end: 5 });
    assert.deepStrictEqual([' ,. — Ana Ruiz', ' - Ana Ruiz', ' -Ana Ruiz', '\n— Ana Ruiz', ' Ana Ruiz', ''].map(signed), ['Ana Ruiz', 'Ana Ruiz', null, null, null, null]);
    // Right after a quote nothing before the cue is its subject: the subject follows the verb.
    assert.deepStrictEqual(who('“Yes,” “no,” said Anna. “Maybe,” said Anna.').map((x) => x[1]), ['anna', 'anna', 'anna']);
  });

  it('takes a name and a colon before a quote as its label, but not a headline', () => {
    assert.deepStrictEqual(who('POLLS WERE EARLY - Mark Blumenthal and Jon Cohen: “The polls ended too early.”').map((x) => x[1]), ['cohen']);
    assert.deepStrictEqual(who('More from Philip Bump: “Turnout was high.”').map((x) => x[1]), ['bump']);
    assert.deepStrictEqual(who('It aired on AM 970. Stated Stone: “The stakes are so high.”').map((x) => x[1]), ['stone']);
    assert.deepStrictEqual(who('UN: PEACEKEEPERS PAID FOR SEX “The United Nations has been grappling with it.”').map((x) => x[1]), [null]);
  });

  it('keeps the speaker of a paragraph-opening "X said:" and of the sentence before', () => {
    assert.deepStrictEqual(who('Kaja Kallas said:\n“We will not be rushed.”\n“Nobody will hurry us.”').map((x) => x[1]), ['kallas', 'kallas']);
    assert.deepStrictEqual(who('Valastro praised Christie’s leadership. “We need someone who cuts through.”').map((x) => x[1]), ['valastro']);
    assert.deepStrictEqual(who('Horrified at the prospect, Ramos believes in journalism that “takes sides.”').map((x) => x[1]), ['ramos']);
  });

  it('takes a long noun phrase as the speaker, read up to its determiner and stopped by verbs', () => {
    assert.deepStrictEqual(who('On the show, the former secretary of state and current Democratic presidential nominee said she wanted to speak “directly to white people.”').map((x) => x[1]), ['the former secretary of state and current democratic presidential nominee']);
    assert.deepStrictEqual(who('“It is over,” said a Mexican official who was not authorized to speak.').map((x) => x[1]), ['a mexican official']);
    assert.deepStrictEqual(who('“We live in Satan’s kingdom,” my father often said.').map((x) => x[1]), ['my father']);
    // A phrase after a verb is its object: "issued a statement" does not make the statement the speaker.
    assert.deepStrictEqual(who('The Vermont senator emailed supporters saying: “The struggle continues.”').map((x) => x[1]), ['the vermont senator']);
  });

  it('reads a speaker inverted after a comma, and names after several asides', () => {
    assert.deepStrictEqual(who('The rejection signals “the beginning of the end” for the EU, said Geert Wilders, founder of the party.').map((x) => x[1]), ['wilders']);
    assert.deepStrictEqual(who('It was “a scandal” for the EU, said Trump was wrong.').map((x) => x[1]), [null]);
    assert.deepStrictEqual(who('“It was fun,” Ramil Carr, 31, a Philadelphia freelance photographer, said.').map((x) => x[1]), ['carr']);
    assert.deepStrictEqual(who('Michael Mulgrew, president of the United Federation of Teachers, which represents educators, said “we are standing up.”').map((x) => x[1]), ['mulgrew']);
  });

  it('takes the name right before a participle, and a described name that opens a clause', () => {
    assert.deepStrictEqual(who('The spot ends with footage of Trump saying during the debate, “That makes me smart.”').map((x) => x[1]), ['trump']);
    assert.deepStrictEqual(who('Democratic presidential nominee Hillary Clinton chimed in on Twitter, saying the videos should be released “without delay.”').map((x) => x[1]), ['clinton']);
    assert.deepStrictEqual(who('Perez hammered Trump, calling him a “train wreck.”').map((x) => x[1]), ['perez']);
  });

  it('prefers the speech tag right after a quote to a closer cue before it', () => {
    assert.deepStrictEqual(who('The loopholes he cited are “the ability to use losses,” The Hill reported.').map((x) => x[1]), ['hill']);
    assert.deepStrictEqual(who('Footage shows Trump saying during the debate, “That makes me smart,” when Clinton blasted him.').map((x) => x[1]), ['trump']);
    assert.deepStrictEqual(who('“It was the comeback of the decade,” the article read.').map((x) => x[1]), ['the article']);
  });

  it('reads the subject of the main clause, not of a clause before it, and possessives as written', () => {
    assert.deepStrictEqual(who('When Wallace died in 1998, President Clinton released the following statement: “Our condolences.”').map((x) => x[1]), ['clinton']);
    assert.deepStrictEqual(who('On July 6, 2015, Sanders made the following comment: “For young people, the rate is 33 percent.”').map((x) => x[1]), ['sanders']);
    assert.deepStrictEqual(who('On July 6, Sanders made the following comment:\n“For young people, the rate is 33 percent.”').map((x) => x[1]), ['sanders']);
    assert.deepStrictEqual(who('Scott’s family has called on police to release the videos “as a matter of the greater good.”').map((x) => x[1]), ["scott's family"]);
    assert.deepStrictEqual(who('“There is no organized effort,” said RNC spokesman Sean Spicer in a Friday tweet.').map((x) => x[1]), ['spicer']);
    assert.deepStrictEqual(who('House Speaker Paul Ryan, R-Wis., despite admitting that he had concerns about “trial lawyers,” agreed.').map((x) => x[1]), ['ryan']);
  });

  it('takes a speech tag after a quote that ends with a nested quote, and no headline for a fullest name', () => {
    assert.deepStrictEqual(who('“She asked, ‘What can I do? What kind of help do you need?’” Weaver said.').map((x) => x[1]), ['weaver', null]);
    const text = 'Separation From Wife Huma Abedin\n“It was a painful decision,” Abedin said.';
    assert.deepStrictEqual(findQuotes(text, splitSentences(text)).map((q) => q.speaker), ['Abedin']);
  });

  it('gives the role behind a speaker resolved from it', () => {
    const text = 'Mayor Bill de Blasio spoke first. “We see no link,” the mayor said.';
    const { quotes, mentions } = findQuotesWithMentions(text, splitSentences(text));
    assert.deepStrictEqual([quotes.map((q) => q.speaker), mentions], [['Bill de Blasio'], ['the mayor']]);
    const two = 'Mayor Bill de Blasio spoke first. “We see no link,” the mayor said, adding that it would take “more hours.”';
    assert.deepStrictEqual(findQuotesWithMentions(two, splitSentences(two)).mentions, ['the mayor', 'the mayor']);
  });

  it('knows a surname after an honorific and a number word is no name', () => {
    assert.deepStrictEqual(who('“It is all about enthusiasm,” Mr. King added.').map((x) => x[1]), ['king']);
    assert.deepStrictEqual(who('Twenty-two years ago, a Times article hailed Trump as “The Comeback Kid.”').map((x) => x[1]), [null]);
    // A gerund or a preposition capitalized at a sentence start is no part of a name.
    assert.deepStrictEqual(who('Kaja Kallas arrived. Reprising a favorite line, she spoke of “progress.”').map((x) => x[1]), ['kallas']);
    assert.deepStrictEqual(who('Like Donald Trump, Carson said “no.”').map((x) => x[1]), ['carson']);
  });

  it('takes no fragment or common word for a name', () => {
    const [q] = findQuotes('“We are ready,” said Tom Ode.', splitSentences('“We are ready,” said Tom Ode.'));
    assert.strictEqual(q.speaker, 'Tom Ode');
    // "States" in "the United States" is no cue verb.
    assert.deepStrictEqual(who('Ramos lamented that anger in the United States was “allowing racism.”').map((x) => x[1]), ['ramos']);
    assert.deepStrictEqual(who('Small groups of protesters chanted “No justice.”').map((x) => x[1]), [null]);
    assert.deepStrictEqual(who('Maybe Trump said “it” once.').map((x) => x[1]), ['trump']);
    // Words that are names of Object.prototype stay words.
    assert.doesNotThrow(() => who('Constructor said “yes.” ToString replied “no.” HasOwnProperty: “maybe.”'));
  });
});

describe('speakers on quote-dense text', () => {
  // Dialogue, transcripts and quote soup: the work (characters scanned, see workCounter.ts) grows
  // with the text, not its square. Before the windows and the walk-out search, dialogue, plural
  // possessives and asides took 15–16× the work for 4× the text.
  const shapes: Record<string, (n: number) => string> = {
    'one long sentence of dialogue': (n) => Array.from({ length: n }, (_, i) => `“Line ${i},” ${i % 2 ? 'he' : 'Mark Rutte'} said, `).join(''),
    'a transcript of short paragraphs': (n) => Array.from({ length: n }, (_, i) => `Kaja Kallas said:\n“Point ${i}.”\n“And more ${i}.”\n`).join(''),
    'quotes with no cue at all': (n) => '“a” '.repeat(n * 4),
    'plural possessives among apostrophes': (n) => '‘The leaders’ summit don’t '.repeat(n),
    'openers that never close': (n) => '“a “b ‘c «d '.repeat(n),
    'descriptions and asides before every verb': (n) => Array.from({ length: n }, (_, i) => `the chief executive of Nordbank, Maria Lind ${i}, the head, said “x${i}”, `).join(''),
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`stays near-linear: ${name}`, () => {
      const ratio = growth(make, (text) => findQuotes(text, splitSentences(text)), 300);
      assert.ok(ratio < 5.5, `4× the text took ${ratio.toFixed(1)}× the work`);
    });
  }
});

describe('speakers: what a region holds outside its quotes', () => {
  it('tells words outside quotes by char code as the pattern did, for every UTF-16 code unit', () => {
    const pattern = /[^\s\uFFFC.,;:!?…\-–—()]/;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.strictEqual(hasWordOutside(ch), pattern.test(ch), c.toString(16));
      assert.strictEqual(hasWordOutside(`${MASK}${MASK}, ${ch}`), pattern.test(`${MASK}${MASK}, ${ch}`), c.toString(16));
    }
    assert.strictEqual(hasWordOutside(''), false);
    assert.strictEqual(hasWordOutside(`${MASK.repeat(30)} — (…)!`), false);
    assert.strictEqual(hasWordOutside(`${MASK.repeat(30)}, said Anna.`), true);
  });
});

describe('marks read by char code around a quote', () => {
  // Random texts of the characters the patterns tell apart: spaces of all kinds, marks, dashes, a mask, a surrogate pair.
  let seed = 11;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const units = [' ', '\u00a0', '\n', '\ufeff', '\u2028', '.', ',', ':', '!', '?', '\u2026', '\u2014', '\u2013', '\u2015', '-', 'a', 'Z', MASK, '\ud835\udc00', ';'];
  const texts = Array.from({ length: 400 }, () => Array.from({ length: next(9) }, () => units[next(units.length)]).join(''));

  it('tell what the patterns they replace tell', () => {
    for (const text of texts) {
      for (let from = 0; from <= text.length; from++) {
        const slice3 = text.slice(from, from + 3);
        assert.strictEqual(markWithin(text, from, '.!?\u2026'), /^\s*[.!?\u2026]/.test(slice3), JSON.stringify([text, from]));
        assert.strictEqual(markWithin(text, from, ':'), /^\s*:/.test(slice3), JSON.stringify([text, from]));
        const rest = text.slice(from);
        const firstOther = rest.charAt(rest.search(/[^\s.,]/) < 0 ? rest.length : rest.search(/[^\s.,]/));
        assert.strictEqual(dashFollows(text, from), /^[\u2014\u2013\u2015-]$/.test(firstOther), JSON.stringify([text, from]));
        for (let to = from; to <= text.length; to++) {
          assert.strictEqual(endsWithColon(text, from, to), /:\s*$/.test(text.slice(from, to)), JSON.stringify([text, from, to]));
        }
      }
    }
  });
});
