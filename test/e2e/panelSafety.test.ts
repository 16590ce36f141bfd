// Bundle text in the alignment panel stays text: a bundle whose quotation holds <script> and
// <img onerror> is shown in the panel, and the panel's DOM (read through Playwright) gains no
// element or handler from it. The page itself allows only its own script (a nonce in its CSP).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { useWorkbench } from './workbench';
import { SEEDS } from './seeds';

const BUNDLE = 'hostile.bundle';
const PAYLOAD = '<img src=x onerror="document.title=1"> <script>document.title=2</script>';

describe('The alignment panel with hostile bundle text', function () {
  this.timeout(120_000);
  const wb = useWorkbench();

  before(() => {
    // 000 and 002 carry the same hostile quotation, so it shows as a shared passage and a quote.
    const content = fs.readFileSync(SEEDS, 'utf8')
      .replace(/\n(<<<FILE 001)/, ` “${PAYLOAD} we will never stop,” Rutte said.\n$1`)
      .replace(/\n(<<<FILE 003)/, `\n“${PAYLOAD} we will never stop,” Rutte said.\n$1`);
    fs.writeFileSync(path.join(wb.env.workspace, BUNDLE), content);
  });

  after(() => {
    fs.rmSync(path.join(wb.env.workspace, BUNDLE), { force: true });
  });

  it('shows the hostile text as text, with no element or handler from it', async () => {
    const page = wb.current.page;
    await wb.current.openFromExplorer(BUNDLE);
    await wb.current.waitForBundle();
    await page.locator('.editor-group-container.active .codelens-decoration', { hasText: /passages? shared/ }).first().waitFor({ timeout: 90_000 });
    await wb.current.runCommand('Parallax: Show Alignment');
    const frame = page.frameLocator('.webview.ready').frameLocator('#active-frame');
    await frame.locator('tbody tr .passage').first().waitFor({ timeout: 30_000 });
    const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /^default-src 'none';[^"]*script-src 'nonce-[0-9a-f]{32}'/);
    const dom = await frame.locator('#root').evaluate((root) => ({
      active: root.querySelectorAll('script, img, iframe, object, embed, link, style, svg, a, form, input:not([type=checkbox])').length,
      handlers: Array.from(root.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => a.name.toLowerCase().startsWith('on'))).length,
      text: root.textContent ?? '',
      scriptsWithBundleText: Array.from(document.scripts).filter((s) => (s.textContent ?? '').includes('document.title')).length,
      title: document.title,
    }));
    assert.strictEqual(dom.active, 0, 'no <img>, <script> or other active element came from the bundle');
    assert.strictEqual(dom.handlers, 0, 'no element carries an on… handler attribute');
    // The markup is on screen as text (in the passages or the quotation the engine found in it).
    assert.ok(dom.text.includes('<img src=x onerror='), 'the hostile text is shown as text');
    assert.strictEqual(dom.scriptsWithBundleText, 0, 'no script in the page carries the bundle text');
    assert.strictEqual(dom.title, 'Parallax alignment', 'nothing ran to change the title');
  });
});
