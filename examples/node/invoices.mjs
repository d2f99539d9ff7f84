// invoice-core from Node: read invoices as JSON, compute them, validate them, print the findings
// in Chinese and the 价税合计 in upper-case words (大写). The same scenario as
// examples/python/invoices.py, through the napi addon.
// Run: node examples/node/invoices.mjs (after building bindings-node).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ic = createRequire(import.meta.url)('../../bindings-node/api.js');
const DIR = fileURLToPath(new URL('./invoices/', import.meta.url));
const AS_OF = '2024-12-01';

// Invoices 01 and 02 give lines without taxes or totals: compute() fills them in. 02's prices
// include tax (价税分离). Invoice 03 declares its own taxes and totals, with mistakes.
const INCLUSIVE = new Set(['02-tax-inclusive.json']);

const invoices = [];
for (const name of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
  const data = JSON.parse(readFileSync(join(DIR, name), 'utf8'));
  let inv = data;
  if (!('totals' in data)) {
    const computed = ic.compute(data, { pricesIncludeTax: INCLUSIVE.has(name) });
    inv = computed.invoice;
    const rates = computed.per_rate.map((r) => `${r.rate}: ${r.amount} + ${r.tax}`).join(', ');
    console.log(`${name}: computed per rate ${rates}`);
  }
  invoices.push([name, inv]);
}

// One call for the whole batch, validated on libuv's thread pool (the main thread stays free).
const reports = await ic.validateManyAsync(invoices.map(([, inv]) => inv), { asOf: AS_OF });

for (const [i, [name, inv]] of invoices.entries()) {
  const report = reports[i];
  const { amount, tax, total } = inv.totals;
  console.log(`\n== ${name}  发票号码 ${inv.number}  开票日期 ${inv.issue_date}`);
  console.log(`   合计金额 ¥${amount}  合计税额 ¥${tax}  价税合计 ¥${total}`);
  console.log(`   价税合计（大写）${ic.amountInWords(total)}`);
  const declared = inv.totals.total_in_words;
  if (declared && !ic.wordsMatch(declared, total)) {
    console.log(`   declared 大写 ${JSON.stringify(declared)} does not state ${total}`);
  }
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  if (report.valid) console.log(`   校验通过${warnings.length ? `（${warnings.length} 条提示）` : ''}`);
  for (const f of report.findings) {
    const level = f.severity === 'error' ? '错误' : '提示';
    const where = f.path.length ? f.path.join('.') : '(整张发票)';
    console.log(`   [${f.code}] ${level} ${where}: ${f.messageZh}`);
  }
}

// The first two are valid; the third has findings (future date, wrong taxes, bad seller id).
assert.deepEqual(reports.map((r) => r.valid), [true, true, false]);
assert.ok(reports[2].findings.length > 0);
// Same answers as the synchronous call.
assert.deepEqual(reports, ic.validateMany(invoices.map(([, inv]) => inv), { asOf: AS_OF }));

// Money is never a JS number: a float (or even a whole number) is refused with a coded error.
try {
  ic.splitTax(113, '13%');
} catch (e) {
  console.log(`\nsplitTax(113, '13%') -> ${e.code}: ${e.messageZh}`);
  assert.equal(e.code, 'INP-01');
}
