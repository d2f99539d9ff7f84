// The --target web WASM build in a real headless Chromium (playwright-core driving Debian's
// /usr/bin/chromium), served from a loopback node:http server: the whole corpus and the junk
// inputs run in the page; the web example is driven like a person would (screenshot in
// test-output/); neither page logs a console error.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ROOT, vectorFiles } from './node-suite.mjs';
import { serve } from './server.mjs';

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const OUTPUT = join(ROOT, 'test-output');
mkdirSync(OUTPUT, { recursive: true });

let server;
let context;
let profile;

async function openPage(path, consoleErrors) {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
  page.on('requestfailed', (r) => consoleErrors.push(`${path}: request failed ${r.url()}`));
  await page.goto(`${server.url}${path}`);
  return page;
}

describe('wasm (chromium)', () => {
  before(async () => {
    assert.ok(existsSync(EXECUTABLE), `${EXECUTABLE} is missing (apt-get install chromium)`);
    server = await serve();
    profile = mkdtempSync(join(tmpdir(), 'invoice-core-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: EXECUTABLE,
      headless: true,
      args: ARGS,
    });
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('corpus and junk in the page', { timeout: 180_000 }, async (t) => {
    const errors = [];
    const page = await openPage('/js-tests/browser/index.html', errors);
    await page.waitForFunction(() => window.__report !== undefined, null, { timeout: 150_000 });
    const report = await page.evaluate(() => window.__report);
    assert.equal(report.fatal, undefined, report.fatal);
    const onDisk = vectorFiles();
    assert.deepEqual(report.files, onDisk.map((f) => f.name));
    const expectedCount = onDisk.reduce((n, f) => n + (f.doc.cases?.length ?? 0), 0);
    assert.equal(report.cases.filter((c) => c.id !== '(file)').length, expectedCount);
    for (const c of report.cases) {
      await t.test(`${c.file} ${c.id}`, () => assert.equal(c.problem, null, c.problem ?? undefined));
    }
    for (const j of report.junk) {
      await t.test(`junk ${j.name}`, () => assert.deepEqual(j.problems, []));
    }
    assert.ok(report.junk.length >= 10);
    assert.equal(report.subclass, true, 'errors are InvoiceError instances in the browser');
    await page.close();
    assert.deepEqual(errors, []);
  });

  test('examples/web: a person fills the invoice form with a mistake and reads the findings', { timeout: 60_000 }, async () => {
    const errors = [];
    const page = await openPage('/examples/web/index.html', errors);
    await page.waitForSelector('#run:not([disabled])');
    // The prefilled invoice is correct: computed totals and 大写, no error.
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('#output')?.className === 'ok');
    assert.match(await page.textContent('#totals'), /665\.00/);
    assert.equal(await page.textContent('#words'), '价税合计（大写）：陆佰陆拾伍圆整');
    // Now as a person would: prices include tax, a third line, and a buyer tax id that is too short.
    await page.check('#inclusive');
    await page.click('#add-line');
    const last = '#lines tbody tr:last-child';
    await page.fill(`${last} input[data-key=name]`, '*餐饮服务*餐饮服务');
    await page.fill(`${last} input[data-key=tax_code]`, '3070401000000000000');
    await page.fill(`${last} input[data-key=amount]`, '106.00');
    await page.fill(`${last} input[data-key=rate]`, '6%');
    await page.fill('#buyer-tax-id', '91110108MA01');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('#output')?.className === 'bad');
    const codes = await page.$$eval('#findings li', (lis) => lis.map((li) => li.dataset.code));
    assert.ok(codes.includes('PTY-02'), `expected PTY-02 among ${codes}`);
    const text = await page.textContent('#findings');
    assert.match(text ?? '', /PTY-02 buyer\.tax_id 纳税人识别号 91110108MA01 无效/);
    // Prices include tax: 520.75 + 100.00 + 106.00 are gross amounts; the total is their sum.
    assert.match(await page.textContent('#totals') ?? '', /价税合计¥726\.75/);
    assert.match(await page.textContent('#words') ?? '', /柒佰贰拾陆圆柒角伍分/);
    await page.screenshot({ path: join(OUTPUT, 'web-example-findings.png'), fullPage: true });
    // English switch.
    await page.selectOption('#lang', 'en');
    assert.match(await page.textContent('#findings') ?? '', /PTY-02 buyer\.tax_id taxpayer id 91110108MA01 is not valid/);
    assert.match(await page.textContent('#verdict') ?? '', /error/);
    // The amount demo still works.
    await page.selectOption('#lang', 'zh');
    await page.fill('#amount', '64.9');
    await page.waitForFunction(() => document.querySelector('#result')?.textContent?.includes('64.90'));
    assert.match(await page.textContent('#result') ?? '', /陆拾肆圆玖角/);
    await page.fill('#amount', '12.345');
    await page.waitForFunction(() => document.querySelector('#result')?.textContent?.includes('MNY-02'));
    assert.match(await page.textContent('#result') ?? '', /两位小数/);
    await page.close();
    assert.deepEqual(errors, []);
  });
});
