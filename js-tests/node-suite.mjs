// Registers the corpus and junk checks for one binding with node:test.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { fileProblems, notForJs, runCase } from './corpus.mjs';
import { junkProblems, surface } from './junk.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const VECTORS = join(ROOT, 'invoice-core', 'tests', 'vectors');

/** Every vector file under the corpus, sorted: [{name, doc}] (name relative, with '/'). */
export function vectorFiles(dir = VECTORS) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (entry.endsWith('.json')) out.push(p);
    }
  };
  walk(dir);
  return out.map((p) => ({
    name: relative(dir, p).split('\\').join('/'),
    doc: JSON.parse(readFileSync(p, 'utf8')),
  }));
}

/** One node:test per vector case, grouped per file. */
export function registerCorpus(label, api) {
  const files = vectorFiles();
  test(`${label}: the corpus is not empty`, () => assert.ok(files.length > 0, `no vector files in ${VECTORS}`));
  for (const { name, doc } of files) {
    const skip = notForJs(doc);
    if (skip) {
      // Visible in the report as a skipped test with its reason, never silently.
      test(`${label} ${name}`, { skip }, () => {});
      continue;
    }
    describe(`${label} ${name}`, () => {
      test('file format', () => assert.deepEqual(fileProblems(doc), []));
      for (const c of doc.cases ?? []) {
        test(String(c.id), () => {
          const problem = runCase(api, c);
          assert.equal(problem, null, problem ?? undefined);
        });
      }
    });
  }
}

/** Junk inputs to every function; plus the error object's shape. */
export function registerJunk(label, api) {
  describe(`${label} junk inputs`, () => {
    const fns = surface(api);
    test('the surface is not empty', () => assert.ok(fns.length >= 10, fns.map(([n]) => n).join(', ')));
    for (const [name, fn] of fns) {
      test(name, { timeout: 60_000 }, () => assert.deepEqual(junkProblems(name, fn), []));
    }
    test('a float is INP-01, another type INP-02, with every property', () => {
      assert.throws(() => api.amount(12.3), (e) => {
        assert.ok(e instanceof Error);
        assert.equal(e.name, 'InvoiceError');
        assert.equal(e.code, 'INP-01');
        assert.deepEqual(e.path, []);
        assert.deepEqual({ ...e.params }, { value: '12.3' });
        assert.equal(e.severity, 'error');
        assert.match(e.message, /^\[INP-01\] floats are not money/);
        assert.match(e.messageZh, /浮点数不能表示金额/);
        return true;
      });
      // The refused number is shown as JS writes it, whatever its size (String(n)).
      const samples = [0, -0, 1, -2.5, 113, 0.1, 1e-6, 1e-7, 1.5e-7, 123456789012345680000, 1e21,
        1.5e21, 1e100, 5e-324, Number.MAX_VALUE, -Number.MIN_VALUE, 2 ** 53, 0.000123, NaN,
        Infinity, -Infinity];
      for (let i = 0; i < 200; i += 1) {
        const bits = new DataView(new ArrayBuffer(8));
        bits.setUint32(0, (i * 2654435761) >>> 0);
        bits.setUint32(4, (i * 40503 + 12345) >>> 0);
        samples.push(bits.getFloat64(0));
      }
      for (const n of samples) {
        assert.throws(() => api.amount(n), (e) => e.code === 'INP-01' && e.params.value === String(n),
          `amount(${n})`);
      }
      assert.throws(() => api.amount(null), { code: 'INP-02' });
      assert.throws(() => api.kind.fromQr(31), { code: 'INP-02' });
      assert.throws(() => api.roundHalfUp('1.005', '2'), (e) => {
        assert.equal(e.code, 'INP-02');
        assert.deepEqual(e.path, ['places']);
        assert.match(e.message, /^\[INP-02\] places: /);
        return true;
      });
    });
    test('rules() is the catalogue and rule(code) finds each entry', () => {
      const rules = api.rules();
      assert.ok(rules.length >= 10);
      for (const r of rules) assert.deepEqual({ ...api.rule(r.code) }, { ...r });
      assert.equal(api.rule('XX-00'), null);
      assert.equal(api.rule('INP-01').zh.includes('浮点数'), true);
    });
    test('kind facts for every name', () => {
      for (const name of api.kind.names()) {
        const f = api.kind.facts(name);
        assert.equal(f.name, name);
        // A QR kind code may be shared (a toll invoice's QR says 10, like any e-普票; its 发票代码
        // tells them apart): the code leads back to a kind with the same QR code.
        if (f.qr !== null) assert.equal(api.kind.facts(api.kind.fromQr(f.qr)).qr, f.qr);
        if (f.fplx !== null) assert.equal(api.kind.fromVerify(f.fplx), name);
        if (f.fpzl !== null) assert.equal(api.kind.fromTaxControl(f.fpzl), name);
      }
      assert.equal(api.kind.refineQr('electronic_ordinary', '011001700112'), 'toll');
      assert.throws(() => api.kind.facts('nope'), { code: 'INP-05' });
    });
    test('validate options: notCarried lifts an absence only, and its names are checked', () => {
      const inv = {
        kind: 'digital_ordinary', number: '24312000000358032546', issue_date: '2024-11-18',
        seller: { name: '上海七牛信息技术有限公司', tax_id: '91310000580583950X' },
        buyer: { name: '张三', type: 'natural_person' },
        lines: [{ name: '*信息技术服务*软件服务', amount: '100.00', rate: '6%', tax: '6.00' }],
        totals: { amount: '100.00', tax: '6.00', total: '106.00' },
      };
      const codes = (opts) => api.validate(inv, { asOf: '2024-12-01', ...opts }).findings.map((f) => f.code);
      assert.deepEqual(codes({}), ['LIN-02']);
      assert.deepEqual(codes({ notCarried: ['tax_codes'] }), []);
      assert.equal(api.isValid(inv, { asOf: '2024-12-01', notCarried: ['tax_codes'] }), true);
      const bad = { ...inv, lines: [{ ...inv.lines[0], tax_code: '30704' }] };
      assert.equal(api.isValid(bad, { asOf: '2024-12-01', notCarried: ['tax_codes'] }), false);
      assert.throws(() => api.validate(inv, { asOf: '2024-12-01', notCarried: ['tax_code'] }), { code: 'INP-05' });
      assert.throws(() => api.validate(inv, { asOf: '2024-12-01', notCarried: 'tax_codes' }), { code: 'INP-02' });
      assert.throws(() => api.validate(inv, { asOf: '2024-12-01', notCarried: [3] }), { code: 'INP-02' });
    });
  });
}
