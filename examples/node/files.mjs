// invoice-core from Node: read real invoice files (the shared fixtures: 数电 XML, the accounting
// XBRL, legacy OFDs), print per file its format, number, total and findings in Chinese, say which
// files are copies of one invoice, and total them by month. Everything is the core's answer; the
// script only lays it out.
// Run: node examples/node/files.mjs (after building bindings-node; ../shared beside the repository).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ic = createRequire(import.meta.url)('../../bindings-node/api.js');
const DIR = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
const AS_OF = '2024-12-01';

const names = readdirSync(DIR).filter((n) => /\.(ofd|xml)$/.test(n)).sort();
// One file by its path; the rest as bytes, with the first file once more under another name.
const one = ic.readPath(join(DIR, names[0]), { asOf: AS_OF });
console.log(`${names[0]}: ${one.source.format}, ${one.invoice?.number}, 价税合计 ${one.invoice?.totals?.total}`);
const files = [...names, names[0]].map((name, i) => ({ name: i < names.length ? name : `copy of ${name}`, bytes: readFileSync(join(DIR, name)) }));
const batch = ic.readMany(files, { asOf: AS_OF });
batch.files.forEach((f, i) => {
  const inv = f.reading?.invoice;
  const copy = batch.copy_of[i] === null ? '' : ` (= file ${batch.copy_of[i] + 1})`;
  console.log(`${i + 1}. ${f.name}${copy}: ${f.reading?.source.format ?? f.error?.code} ${inv?.number ?? ''} ${inv?.totals?.total ?? ''}`);
  const findings = f.reading?.report?.findings ?? [];
  for (const finding of findings.slice(0, 3)) console.log(`   [${finding.code}] ${finding.messageZh}`);
  if (findings.length > 3) console.log(`   … ${findings.length - 3} more`);
});
assert.equal(batch.copy_of[names.length], 0, 'the extra file is a copy of the first');
assert.ok(batch.files.every((f) => f.reading !== null));
const distinct = batch.files.filter((f, i) => batch.copy_of[i] === null).map((f) => f.reading.invoice);
const stats = ic.stats(distinct);
for (const g of stats.by_month) console.log(`${g.key}: ${g.count} 张, 价税合计 ${g.total}`);
