import * as assert from 'assert';
import fc from 'fast-check';
import { commandUri, escapeMarkdown, quoteHover } from '../../src/presentation/hoverModel';
import { shortLabels } from '../../src/presentation/articleLabels';
import { councilAnalysis, makeAnalysis, NAMES, TEXTS } from './editorFixture';
import { COMMANDS } from '../../src/commands/ids';

// markdown-it (CommonMark) renders the hover as a markdown renderer would; a devDependency.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options?: { html?: boolean; linkify?: boolean }) => { render(src: string): string };
const md = new MarkdownIt({ html: true, linkify: true });

const labels = shortLabels(NAMES);
const BUNDLE = 'file:///tmp/council.bundle';

/** Every link target in rendered HTML. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] as string);
}

describe('hoverModel', () => {
  it('returns nothing outside quotations', () => {
    assert.strictEqual(quoteHover({ analysis: councilAnalysis(), labels, bundle: BUNDLE, article: 0, offset: (TEXTS[0] as string).indexOf('Officials') }), null);
  });

  it('names the speaker and lists the other source with its relation and a word diff', () => {
    const offset = (TEXTS[0] as string).indexOf('rebuild');
    const hover = quoteHover({ analysis: councilAnalysis(), labels, bundle: BUNDLE, article: 0, offset });
    assert.ok(hover);
    const text = hover.markdown;
    assert.match(text, /Mayor Ada Lind/);
    assert.match(text, /\[001\]\(command:parallax\.revealPassage\?/);
    assert.match(text, /\*\*reworded\*\*/);
    // "will" and "by" dropped, "shall" and "before" added.
    assert.match(text, /~~will~~ \*\*shall\*\*/);
    assert.match(text, /~~by~~/);
    assert.match(text, /\*\*before\*\*/);
    // 002 tells the statement without quotation marks.
    assert.match(text, /Without quotation marks/);
    assert.match(text, /\[002\]\(command:parallax\.revealPassage\?[^)]*\) — paraphrase 0\.81/);
    const q = (TEXTS[0] as string).indexOf('“');
    assert.deepStrictEqual(hover.span, { start: q, end: q + 'we will rebuild the bridge by spring'.length + 2 });
  });

  it('links each entry to the exact passage', () => {
    const hover = quoteHover({ analysis: councilAnalysis(), labels, bundle: BUNDLE, article: 0, offset: (TEXTS[0] as string).indexOf('rebuild') });
    const links = hrefs(md.render(hover?.markdown ?? ''));
    assert.strictEqual(links.length, 2);
    for (const href of links) {
      assert.ok(href.startsWith(`command:${COMMANDS.revealPassage}?`), href);
      const args = JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))) as [{ bundle: string; article: number; start: number; end: number }];
      assert.strictEqual(args[0].bundle, BUNDLE);
      const text = TEXTS[args[0].article] as string;
      assert.ok(args[0].start >= 0 && args[0].end <= text.length && args[0].start < args[0].end);
    }
  });

  it('says so when no other source quotes the words', () => {
    const texts = ['He said “nobody else wrote this down” later.', 'Nothing here.'];
    const a = makeAnalysis(['a.txt', 'b.txt'], texts, [], [{ article: 0, text: 'nobody else wrote this down', speaker: null }]);
    const hover = quoteHover({ analysis: a, labels: ['a', 'b'], bundle: BUNDLE, article: 0, offset: 12 });
    assert.match(hover?.markdown ?? '', /No other source quotes these words/);
    assert.match(hover?.markdown ?? '', /speaker not found/);
  });

  describe('escaping', () => {
    const evil = [
      '[x](command:evil)',
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '`code` and ``more``',
      '![img](https://evil.example/x.png)',
      '<command:workbench.action.quit>',
      'https://evil.example and www.evil.example',
      '*bold* _em_ ~~strike~~ # heading',
      '&lt;img&gt; &#60;b&#62;',
      '[a]: command:evil\n[ref][a]',
    ];

    it('renders hostile quote text, speaker and names as plain text', () => {
      for (const payload of evil) {
        const texts = [`X said “${payload}” then.`, `Y said “${payload}” too.`];
        const a = makeAnalysis([`${payload}.txt`, 'b.txt'], texts, [], [
          { article: 0, text: payload, speaker: payload },
          { article: 1, text: payload, speaker: 'Y' },
        ], [[[0, 0, 'verbatim'], [1, 0, 'verbatim']]]);
        const hover = quoteHover({ analysis: a, labels: [payload, 'b'], bundle: BUNDLE, article: 0, offset: texts[0]?.indexOf('“') ?? 0 });
        assert.ok(hover, payload);
        const html = md.render(hover.markdown);
        for (const href of hrefs(html)) assert.ok(href.startsWith(`command:${COMMANDS.revealPassage}?`), `${payload} → ${href}`);
        assert.doesNotMatch(html, /<(img|script|code|h\d|em|del|s)\b/i, payload);
        assert.strictEqual((html.match(/<a /g) ?? []).length, 1, `${payload}: only the one link to source b`);
      }
    });

    it('backslash-escapes every ASCII punctuation character and flattens line breaks', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const e = escapeMarkdown(s);
        assert.ok(!/[\r\n]/.test(e));
        // Removing the escapes gives back the text with whitespace runs collapsed.
        assert.strictEqual(e.replace(/\\([!-/:-@[-`{-~])/g, '$1'), s.replace(/\s+/g, ' '));
        // No punctuation is left unescaped.
        assert.ok(!/[!-/:-@[-`{-~]/.test(e.replace(/\\[!-/:-@[-`{-~]/g, '')));
      }));
    });

    it('encodes command arguments so that a parenthesis cannot end the link', () => {
      const uri = commandUri(COMMANDS.revealPassage, [{ bundle: 'file:///a (1)/b).bundle' }]);
      assert.doesNotMatch(uri, /[()\s"]/);
      assert.deepStrictEqual(JSON.parse(decodeURIComponent(uri.slice(uri.indexOf('?') + 1))), [{ bundle: 'file:///a (1)/b).bundle' }]);
    });
  });

  it('says which wording is the original and why, and keeps every relation relative to the hovered quotation', () => {
    const texts = [
      'The mayor said “we will rebuild the bridge by spring” on Monday.',
      'The mayor said “we shall rebuild the bridge before spring” on Monday.',
      'The mayor said “we shall rebuild the bridge before spring” again.',
    ];
    const quotes = [0, 1, 2].map((article) => ({ article, text: article === 0 ? 'we will rebuild the bridge by spring' : 'we shall rebuild the bridge before spring', speaker: 'Mayor Ada Lind' }));
    // 000 is the original; 001 and 002 reword it with the same words as each other.
    const a = makeAnalysis(NAMES, texts, [], quotes, [[[0, 0, 'verbatim'], [1, 0, 'reworded'], [2, 0, 'reworded']]]);
    const onOriginal = quoteHover({ analysis: a, labels, bundle: BUNDLE, article: 0, offset: 20 })?.markdown ?? '';
    assert.match(onOriginal, /\*\*Original wording\*\* — this one: the source the others derive from\./);
    const onRewording = quoteHover({ analysis: a, labels, bundle: BUNDLE, article: 1, offset: 20 })?.markdown ?? '';
    assert.match(onRewording, /\*\*Original wording\*\*: 000, the source the others derive from: “we will rebuild the bridge by spring” — this quotation: \*\*reworded\*\*\./);
    // From 001, 002 says the same words (verbatim), and 000 is the original, reworded relative to 001.
    assert.match(onRewording, /\[002\]\([^)]*\) — verbatim$/m);
    assert.match(onRewording, /\[000\]\([^)]*\) — \*\*reworded\*\* · original:/);
  });
});
