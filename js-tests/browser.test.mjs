// The --target web WASM build in a real headless Chromium (playwright-core driving Debian's
// /usr/bin/chromium), served from a loopback node:http server: the whole corpus and the junk
// inputs run in the page; the web example is driven like a person would (screenshot in
// test-output/); neither page logs a console error.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ROOT, vectorFiles } from './node-suite.mjs';
import { notForJs } from './corpus.mjs';
import { serve } from './server.mjs';

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const OUTPUT = join(ROOT, 'test-output');
// The members only the full module has (`ns.name`: a namespace's member): the same list as
// `FullOnly` in bindings-wasm/js/types.d.ts.
const FULL_ONLY = ['rules', 'rule', 'lifecycle', 'stats', 'precheck', 'matchRecord', 'readVerifyQuery',
  'normaliseQuery',
  'normaliseQueryAll', 'search', 'diagnose', 'buildNumber', 'numberParts', 'nextNumber', 'exportCsv',
  'exportJsonl', 'checkCode', 'verifyCheckCode', 'checkCodeMessage', 'read', 'readMany', 'buildQr', 'dedupeKey',
  'findDuplicates', 'readWords', 'ratesInForce', 'parseInvoiceCode', 'parseInvoiceNumber', 'splitWithDeduction',
  'kind.fromCode', 'kind.refineQr', 'kind.checkQr', 'ric.validateAsOf'];
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

  // The whole vector corpus and the junk sweep run inside the page: about 2 minutes on a busy
  // 2-core machine. The limits are a watchdog for a hung page, not a speed test.
  test('corpus and junk in the page', { timeout: 480_000 }, async (t) => {
    const errors = [];
    const page = await openPage('/js-tests/browser/index.html', errors);
    await page.waitForFunction(() => window.__report !== undefined, null, { timeout: 450_000 });
    const report = await page.evaluate(() => window.__report);
    assert.equal(report.fatal, undefined, report.fatal);
    const onDisk = vectorFiles();
    assert.deepEqual(report.files, onDisk.map((f) => f.name));
    // A file that leaves JS out (its `runtimes`) is one skipped '(file)' entry, not its cases.
    const expectedCount = onDisk.reduce((n, f) => n + (notForJs(f.doc) ? 0 : (f.doc.cases?.length ?? 0)), 0);
    assert.equal(report.cases.filter((c) => c.id !== '(file)').length, expectedCount);
    for (const c of report.cases) {
      await t.test(`${c.file} ${c.id}`, { skip: c.skipped ?? false }, () => assert.equal(c.problem, null, c.problem ?? undefined));
    }
    const declared = readFileSync(join(ROOT, 'bindings-wasm/js/types.d.ts'), 'utf8')
      .match(/export type FullOnly =([^;]*);/)[1].match(/'([^']+)'/g).map((q) => q.slice(1, -1));
    assert.deepEqual(declared, FULL_ONLY);
    for (const j of report.junk) {
      await t.test(`junk ${j.name}`, () => assert.deepEqual(j.problems, []));
    }
    assert.ok(report.junk.length >= 10);
    assert.equal(report.subclass, true, 'errors are InvoiceError instances in the browser');
    // The browser module is the full API minus exactly the members js/types.d.ts calls FullOnly.
    // A namespace's member (`kind.fromCode`) is named on its own or with its whole namespace.
    const fullOnly = (name) => FULL_ONLY.includes(name) || FULL_ONLY.includes(name.split('.')[0]);
    assert.deepEqual(report.liteNames, report.fullNames.filter((n) => !fullOnly(n)));
    assert.ok(report.fullNames.filter(fullOnly).length >= FULL_ONLY.length);
    // The files module is the browser module plus the file reader and stats.
    const FILES_EXTRA = ['read', 'readMany', 'stats'];
    assert.deepEqual(report.filesNames, [...report.liteNames, ...FILES_EXTRA].sort());
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
  test('examples/web: a person pastes QR texts and reads the decoded fields and the 查验 query', { timeout: 60_000 }, async () => {
    const errors = [];
    const page = await openPage('/examples/web/index.html', errors);
    await page.waitForSelector('#qr-parse:not([disabled])');
    const field = (table, name) => page.textContent(`${table} tr[data-field=${name}] td`);
    // A legacy 增值税电子普通发票: the amount is the amount excluding tax; 查验 wants the check code's last 6.
    await page.fill('#qr', '01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,');
    await page.click('#qr-parse');
    await page.waitForSelector('#qr-fields');
    assert.match(await field('#qr-fields', 'kind') ?? '', /增值税电子普通发票.*electronic_ordinary/);
    assert.equal(await field('#qr-fields', 'code'), '031002100411');
    assert.equal(await field('#qr-fields', 'number'), '25096213');
    assert.equal(await field('#qr-fields', 'amount'), '¥6.56');
    assert.match(await field('#qr-fields', 'amount_meaning') ?? '', /不含税金额/);
    assert.equal(await field('#qr-fields', 'issue_date'), '2021-09-03');
    assert.equal(await field('#qr-fields', 'hash'), 'F168');
    assert.match(await page.textContent('#qr-query tr[data-field=element]') ?? '', /校验码后6位\s*467829/);
    assert.match(await field('#qr-query', 'kind') ?? '', /· 10$/);
    // A 数电 payload: no code, and the amount is the total including tax (价税合计), which 查验 asks for.
    await page.fill('#qr', '01,32,,24312000000358032546,633.00,20241118,,,');
    await page.click('#qr-parse');
    await page.waitForFunction(() => document.querySelector('#qr-fields tr[data-field=number] td')?.textContent === '24312000000358032546');
    assert.match(await field('#qr-fields', 'kind') ?? '', /digital_ordinary/);
    assert.match(await field('#qr-fields', 'amount_meaning') ?? '', /价税合计/);
    assert.equal(await page.$('#qr-fields tr[data-field=code]'), null);
    assert.match(await field('#qr-query', 'code') ?? '', /数电发票无代码/);
    assert.match(await page.textContent('#qr-query tr[data-field=element]') ?? '', /价税合计\s*633\.00/);
    await page.screenshot({ path: join(OUTPUT, 'web-qr.png'), fullPage: true });
    // English, then a text that is no payload: a coded error, shown in the chosen language.
    await page.selectOption('#lang', 'en');
    assert.match(await field('#qr-fields', 'amount_meaning') ?? '', /total including tax/);
    await page.fill('#qr', '01,10,abc');
    await page.click('#qr-parse');
    await page.waitForSelector('#qr-result p.error');
    assert.equal(await page.getAttribute('#qr-result p.error', 'data-code'), 'VER-04');
    assert.match(await page.textContent('#qr-result') ?? '', /VER-04 .*comma/);
    assert.equal(await page.$('#qr-fields'), null);
    await page.close();
    assert.deepEqual(errors, []);
  });

  test('examples/web: a person drops the shared invoice files and a QR text and reads each file, the copies and the totals', { timeout: 120_000 }, async () => {
    const errors = [];
    const page = await openPage('/examples/web/index.html', errors);
    await page.waitForSelector('#drop[data-ready=true]');
    const shared = join(ROOT, '..', 'shared', 'fixtures');
    const names = ['digital-special-official-sample.xml', 'digital-special-xbrl-accounting.xml',
      'legacy-ordinary-3pct.ofd', 'legacy-ordinary-3-lines.ofd', 'legacy-ordinary-100-lines.ofd'];
    // The official sample twice under another name: a copy of the first file.
    const dropped = [...names.map((name) => [name, name]), ['digital-special-official-sample.xml', 'sample (copy).xml']]
      .map(([file, name]) => ({ name, b64: readFileSync(join(shared, file)).toString('base64') }));
    const transfer = await page.evaluateHandle((items) => {
      const dt = new DataTransfer();
      for (const { name, b64 } of items) {
        dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
      }
      return dt;
    }, dropped);
    await page.dispatchEvent('#drop', 'drop', { dataTransfer: transfer });
    await page.waitForFunction((n) => document.querySelectorAll('#files-list .file').length === n, dropped.length);
    // Every file was read: no card is an error, each shows its fields and its findings line.
    assert.equal(await page.$$eval('#files-list .file.bad', (c) => c.length), 0);
    const cards = await page.$$eval('#files-list .file', (cs) => cs.map((c) => c.textContent));
    assert.match(cards[0], /23440000000000100001/);
    assert.match(cards[2], /526\.00/);
    assert.match(cards[2], /二维码/);
    for (const card of cards) assert.match(card, /条问题|未发现问题/);
    // The ids of the test-CA files fail GB 32100: a finding at the party's tax id.
    const codes = await page.$$eval('#files-list .file li', (lis) => lis.map((li) => li.dataset.code));
    assert.ok(codes.some((c) => c.startsWith('PTY-') || c.startsWith('ID-')), `codes: ${codes}`);
    // The copy is named as one, and the totals are charted by month and by rate.
    assert.match(cards[5], /与第 1 个文件是同一张发票/);
    assert.match(await page.textContent('#files-copies') ?? '', /1、6/);
    const months = await page.$$eval('#files-charts .chart:first-child .bar', (bars) => bars.map((b) => b.dataset.key));
    assert.ok(months.includes('2020-07') && months.includes('2023-02'), `months: ${months}`);
    const rates = await page.$$eval('#files-charts .chart:last-child .bar', (bars) => bars.length);
    assert.ok(rates >= 2, `rate bars: ${rates}`);
    // A pasted QR text: the QR of the legacy 3 % invoice, read as a copy of that file.
    const qr = await page.$eval('#files-list .file:nth-child(3)', (c) => [...c.querySelectorAll('tr')]
      .find((tr) => tr.querySelector('th')?.textContent === '二维码')?.querySelector('td')?.textContent ?? '');
    assert.match(qr, /^01,/);
    await page.fill('#files-qr', qr);
    await page.click('#files-qr-add');
    await page.waitForFunction((n) => document.querySelectorAll('#files-list .file').length === n, dropped.length + 1);
    assert.match(await page.textContent('#files-list .file:last-child') ?? '', /与第 3 个文件是同一张发票/);
    await page.screenshot({ path: join(OUTPUT, 'web-files.png'), fullPage: true });
    // English.
    await page.selectOption('#lang', 'en');
    assert.match(await page.textContent('#files-list .file:last-child') ?? '', /A copy of file 3/);
    assert.match(await page.textContent('#files-charts') ?? '', /By month/);
    await page.close();
    assert.deepEqual(errors, []);
  });

  test('examples/web: a person looks for an invoice and reads the corrections and every reason', { timeout: 60_000 }, async () => {
    const errors = [];
    const page = await openPage('/examples/web/index.html', errors);
    await page.waitForSelector('#find-run:not([disabled])');
    const fullWidth = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xFEE0));
    const FIELDS = ['code', 'number', 'date', 'amount', 'total', 'check-code', 'buyer-tax-id'];
    /** Clears the form, types `values`, picks the platform, clicks 查找 and reads the answer. */
    async function find(values, platform = '') {
      for (const f of FIELDS) await page.fill(`#find-${f}`, values[f] ?? '');
      await page.selectOption('#find-platform', platform);
      // The click runs the core synchronously in the page's handler: the answer is there after it.
      await page.click('#find-run');
      await page.waitForFunction(() => document.querySelector('#find-verdict')?.textContent !== '');
      return {
        corrections: await page.$$eval('#find-corrections li', (lis) => lis.map((li) => li.dataset.code)),
        reasons: await page.$$eval('#find-findings li', (lis) => lis.map((li) => li.dataset.code)),
        text: await page.textContent('#find-output'),
      };
    }
    // A 20-digit 数电 number typed in full-width digits into the code field, a Chinese date and a
    // total without decimals: corrected, and found.
    let r = await find({ code: fullWidth('24312000000358032546'), date: '2024年11月18日', total: '633' });
    assert.deepEqual(r.corrections, ['FND-01', 'FND-03', 'FND-06']);
    assert.deepEqual(r.reasons, []);
    assert.match(r.text ?? '', /FND-03 发票代码：填写的 24312000000358032546 是20位数电发票号码；数电发票没有发票代码，已移至发票号码栏/);
    assert.match(r.text ?? '', /找到了：第 0 条记录/);
    assert.match(await page.textContent('#find-query') ?? '', /发票号码 24312000000358032546.*开票日期 2024-11-18.*价税合计 633\.00/);
    // Two digits swapped at the end of the number: the near record is named.
    r = await find({ number: '24312000000358032564', date: '2024-11-18', total: '633.00' });
    assert.deepEqual(r.reasons, ['FND-36']);
    assert.match(r.text ?? '', /您输入的发票号码 24312000000358032564 似乎有误：与已存的 24312000000358032546 相比，第19、20位颠倒/);
    // One wrong digit.
    r = await find({ number: '24312000000358032548', date: '2024-11-18', total: '633.00' });
    assert.deepEqual(r.reasons, ['FND-35']);
    assert.match(r.text ?? '', /您输入的发票号码 24312000000358032548 似乎有误/);
    // The voided paper invoice, asked with the whole check code.
    r = await find({ code: '1100174320', number: '40184419', date: '2024-05-12', 'check-code': '82190984023325258452' });
    assert.deepEqual(r.corrections, ['FND-08']);
    assert.deepEqual(r.reasons, ['FND-37']);
    assert.match(r.text ?? '', /发票 40184419 存在，但已作废/);
    // Another buyer's 专票, asked with the amount excluding tax and a lower-case tax id.
    r = await find({ number: '24442000005310626521', date: '2024-11-20', amount: '27969.03', 'buyer-tax-id': '91310000580583950x' });
    assert.deepEqual(r.corrections, ['FND-09']);
    assert.deepEqual(r.reasons, ['FND-42', 'FND-41']);
    assert.match(r.text ?? '', /购买方纳税人识别号为 91440101MA5CXXXX1Y，不是 91310000580583950X/);
    // The invoice issued today, read off the sample table, on the Beijing platform.
    const today = await page.textContent('#find-asof');
    const number = await page.textContent('#find-records tbody tr:nth-child(4) td:nth-child(4)');
    assert.match(number ?? '', /^\d{20}$/);
    r = await find({ number, date: today, total: '106.00' }, '11');
    assert.deepEqual(r.reasons, ['FND-32', 'FND-43']);
    assert.match(r.text ?? '', /次日可查/);
    // Older than five years, and the date differs from the record's.
    r = await find({ number: '24312000000358032546', date: '2019-11-18', total: '633.00' });
    assert.deepEqual(r.reasons, ['FND-33', 'FND-44']);
    // Nothing but a date: what is missing; a number nobody has: not found.
    r = await find({ date: '2024-11-18' });
    assert.deepEqual(r.reasons, ['FND-31', 'FND-31']);
    r = await find({ number: '24312000000999999999', date: '2024-11-18', total: '1.00' });
    assert.deepEqual(r.reasons, ['FND-45']);
    // A date that cannot be read.
    r = await find({ number: '24312000000358032546', date: '2024-13-45', total: '633.00' });
    assert.ok(r.reasons.includes('FND-30'), `expected FND-30 among ${r.reasons}`);
    // Back to the typo, screenshot, then English.
    r = await find({ code: fullWidth('24312000000358032564'), date: '2024/11/18', total: '633' });
    assert.deepEqual(r.corrections, ['FND-01', 'FND-03', 'FND-06']);
    assert.deepEqual(r.reasons, ['FND-36']);
    await page.locator('#find-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'web-find.png'), fullPage: true });
    await page.selectOption('#lang', 'en');
    const en = await page.textContent('#find-output');
    assert.match(en ?? '', /FND-36 number 24312000000358032564 differs from the stored 24312000000358032546 by two swapped digits/);
    assert.match(en ?? '', /FND-03 code: 24312000000358032564 is a 20-digit 数电 number typed into the code field; 数电 invoices have no code, so it was moved to the number field/);
    await page.close();
    assert.deepEqual(errors, []);
  });
});
