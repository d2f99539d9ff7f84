// The corpus and junk inputs through the Node addon (napi-rs), and the addon-only async API.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { registerCorpus, registerJunk } from './node-suite.mjs';
import { readFileSync } from 'node:fs';
import { invoice, invoices } from './fixtures.mjs';
import { registerInputs } from './inputs.mjs';
import { registerEncodings } from './encodings.mjs';

const require = createRequire(import.meta.url);
// api.js: the package entry (surface.js over napi's index.js).
const addon = require('../bindings-node/api.js');
registerCorpus('node addon', addon);
registerJunk('node addon', addon);
registerInputs('node addon', addon);
registerEncodings('node addon', require('../bindings-node/index.js'), require('../bindings-node/surface.js'));

test('validateManyAsync resolves to what validateMany returns, off the main thread', async () => {
  const list = invoices(200);
  const options = { asOf: '2024-12-01' };
  const promise = addon.validateManyAsync(list, options);
  assert.ok(promise instanceof Promise);
  // The main thread stays free while the pool validates: a timer fires before the promise settles
  // or, at the latest, in the same turn; and the answer is the synchronous one.
  let ticked = false;
  setImmediate(() => { ticked = true; });
  const reports = await promise;
  assert.equal(ticked, true);
  assert.deepEqual(reports, addon.validateMany(list, options));
  assert.equal(reports.length, 200);
  assert.ok(reports.some((r) => !r.valid) && reports.some((r) => r.valid));
});

test('validateManyAsync throws bad options synchronously (coded), never rejects for them', () => {
  assert.throws(() => addon.validateManyAsync([], {}), (e) => e.code === 'INP-04' && e.path.join('.') === 'asOf');
  assert.throws(() => addon.validateManyAsync('x', { asOf: '2024-12-01' }), { code: 'INP-02' });
});

test('a JS number where money is expected is INP-01 at its path, even a whole one', () => {
  const [inv] = invoices(1);
  inv.lines[0].amount = 100;
  const r = addon.validate(inv, { asOf: '2024-12-01' });
  assert.equal(r.valid, false);
  assert.deepEqual(r.findings.map((f) => [f.code, f.path.join('.')]), [['INP-01', 'lines.0.amount']]);
  assert.throws(() => addon.compute(inv), (e) => e.code === 'INP-01' && e.path.join('.') === 'lines.0.amount');
  assert.throws(() => addon.amountInWords(100), { code: 'INP-01' });
});

test('dates may be Date objects (local calendar day)', () => {
  const [inv] = invoices(1);
  const asDate = { ...inv, issue_date: new Date(2024, 10, 18) };
  assert.deepEqual(addon.validate(asDate, { asOf: new Date(2024, 11, 1) }), addon.validate(inv, { asOf: '2024-12-01' }));
});

test('the addon throws InvoiceError instances (a real Error subclass)', () => {
  const { InvoiceError } = addon;
  assert.equal(typeof InvoiceError, 'function');
  assert.throws(() => addon.amount('12.345'), (e) => e instanceof InvoiceError && e instanceof Error
    && e.name === 'InvoiceError' && e.code === 'MNY-02' && Array.isArray(e.path) && typeof e.messageZh === 'string');
  assert.throws(() => addon.uscc.validate('123'), (e) => e instanceof InvoiceError && e.code.startsWith('ID-'));
  assert.throws(() => addon.splitTax(1, '13%'), (e) => e instanceof InvoiceError && e.code === 'INP-01');
  assert.throws(() => addon.validateManyAsync([], { asOf: 12 }), (e) => e instanceof InvoiceError && e.code === 'INP-02');
  assert.throws(() => addon.validate({}, { asOf: 12 }), (e) => e instanceof InvoiceError && e.code === 'INP-02');
});

test('readPath reads a shared fixture as read() reads its bytes; a path that cannot be opened is READ-20', () => {
  const path = new URL('../../shared/fixtures/legacy-ordinary-3pct.ofd', import.meta.url);
  const byPath = addon.readPath(path.pathname, { asOf: '2024-12-01' });
  assert.deepEqual(byPath, addon.read(readFileSync(path), { asOf: '2024-12-01' }));
  assert.equal(byPath.source.format, 'ofd_legacy');
  assert.equal(byPath.invoice.totals.total, '526.00');
  assert.ok(byPath.report.findings.every((f) => typeof f.messageZh === 'string'));
  assert.throws(() => addon.readPath('/nonexistent/invoice.ofd'),
    (e) => e instanceof addon.InvoiceError && e.code === 'READ-20' && e.params.path === '/nonexistent/invoice.ofd');
});

test('查验 outcomes carry their catalogue code (VerifyOutcome.code), the rule whose messages they give', () => {
  const inv = invoice(5);
  const notFound = addon.matchRecord(inv, null, { asOf: '2024-12-01' });
  assert.equal(notFound.outcome, 'not_found');
  assert.equal(notFound.code, 'VER-28');
  const rule = addon.rule(notFound.code);
  assert.deepEqual([rule.en, rule.zh], [notFound.message, notFound.message_zh]);
  assert.equal(addon.matchRecord(inv, inv, { asOf: '2024-12-01' }).code, 'VER-27');
  assert.equal(addon.matchRecord(inv, inv, { asOf: '2024-12-01', status: 'voided' }).code, 'VER-30');
  const tooOld = addon.precheck(inv, { asOf: '2040-01-01' });
  assert.deepEqual([tooOld?.outcome, tooOld?.code], ['too_old', 'VER-33']);
  assert.equal(addon.precheck(inv, { asOf: '2024-12-01' }), null);
});
