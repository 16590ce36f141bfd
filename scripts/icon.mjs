// `node scripts/icon.mjs`: renders scripts/icon.svg to media/icon.png (128×128, the Marketplace
// icon in package.json) with Debian's Chromium through playwright-core, and checks the result's size.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO_ROOT, chromiumLaunchOptions } from './codeServer.mjs';

const SVG = path.join(REPO_ROOT, 'scripts', 'icon.svg');
const PNG = path.join(REPO_ROOT, 'media', 'icon.png');
const SIZE = 128;

/** Width and height from a PNG's IHDR chunk. @param {Buffer} png */
function pngSize(png) {
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${PNG} is not a PNG.`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function main() {
  const svg = fs.readFileSync(SVG, 'utf8');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: PNG, omitBackground: true });
  } finally {
    await browser.close();
  }
  const { width, height } = pngSize(fs.readFileSync(PNG));
  if (width !== SIZE || height !== SIZE) throw new Error(`media/icon.png is ${width}×${height}, not ${SIZE}×${SIZE}.`);
  console.log(`media/icon.png written (${width}×${height}, ${fs.statSync(PNG).size} bytes)`);
}

await main();
