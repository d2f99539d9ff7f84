// 查验 and "find my invoice" through the napi addon: decode a QR text, build the 查验 query,
// answer it against stored records, find duplicates, and diagnose a lookup that was typed badly.
// Run after building the addon: `node examples/node/find.mjs`. Fails loudly if an answer changes.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const ic = createRequire(import.meta.url)('../../bindings-node/api.js');

const text = '01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,';
const qr = ic.parseQr(text);
console.log(`QR: ${ic.kind.facts(qr.kind).zh} ${qr.code}/${qr.number}, ${qr.amount} (${qr.amount_meaning}), ${qr.issue_date}`);
const query = ic.verifyQuery(text);
console.log(`查验 query: fplx ${query.fplx}, ${query.element} = ${query.value}`);
assert.equal(query.value, '467829');

const stored = {
  kind: 'electronic_ordinary', code: '031002100411', number: '25096213', issue_date: '2021-09-03',
  check_code: '11631437361999467829', seller: { name: '上海某某超市' }, buyer: { name: '个人' },
  lines: [], totals: { amount: '6.56', tax: '0.20', total: '6.76' },
};
const answer = ic.matchRecord(text, stored, { asOf: '2024-01-01', status: 'red_flushed' });
console.log(`platform answer: ${answer.outcome} (${answer.status}) ${answer.message_zh}`);
assert.equal(answer.outcome, 'red_flushed');

const dups = ic.findDuplicates([text, { invoice: stored }, { number: '24312000000358032546' }, 42]);
assert.deepEqual(dups.groups, [[0, 1]]);
console.log(`duplicates: ${JSON.stringify(dups.groups)}, unreadable: ${dups.errors.map((e) => `[${e.index}] ${e.error.code}`)}`);

const full = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xFEE0));
const d = ic.diagnose({
  query: { code: full('24312000000358032564'), date: '2024年11月18日', total: '633' },
  as_of: '2024-11-26',
  records: [{ invoice: {
    kind: 'digital_ordinary', number: '24312000000358032546', issue_date: '2024-11-18',
    seller: { name: '上海某某科技有限公司' }, buyer: { name: '张三' }, lines: [],
    totals: { amount: '560.18', tax: '72.82', total: '633.00' },
  } }],
});
for (const f of d.findings) console.log(`${f.code} ${f.messageZh}`);
assert.deepEqual(d.findings.map((f) => f.code), ['FND-01', 'FND-03', 'FND-06', 'FND-36']);
console.log(`next number after ${d.query.number}: ${ic.nextNumber(d.query.number)}`);
