// The --target web WASM build in a real headless Chromium (playwright-core driving Debian's
// /usr/bin/chromium), served from a loopback node:http server: the whole corpus and the junk
// inputs run in the page; the page and the web example log no console errors.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { vectorFiles } from './node-suite.mjs';
import { serve } from './server.mjs';

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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

  test('examples/web shows a parsed amount and a coded error', { timeout: 60_000 }, async () => {
    const errors = [];
    const page = await openPage('/examples/web/index.html', errors);
    await page.waitForSelector('#amount:not([disabled])');
    await page.fill('#amount', '64.9');
    await page.waitForFunction(() => document.querySelector('#result')?.textContent?.includes('64.90'));
    await page.fill('#amount', '12.345');
    await page.waitForFunction(() => document.querySelector('#result')?.textContent?.includes('MNY-02'));
    const text = await page.textContent('#result');
    assert.match(text ?? '', /两位小数/);
    await page.close();
    assert.deepEqual(errors, []);
  });
});
