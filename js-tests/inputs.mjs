// What JSON cannot say, read by the one input route (surface.js writes the arguments as one JSON
// text with notes; Rust reads them): each JS value the core refuses keeps its code and its path,
// thrown by an operation, a finding in a report, per item in a list. The expected codes and
// paths are those the bindings gave before the route was unified (the value walkers).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoice } from './fixtures.mjs';
import { dotted } from './paths.mjs';

const cycle = () => {
  const c = {};
  c.self = c;
  return c;
};
const nest = (n) => {
  let v = '1';
  for (let i = 0; i < n; i++) v = [v];
  return v;
};
const selfs = (n) => Array.from({ length: n }, () => '.self').join('');
const zeros = (n) => '[0]'.repeat(n);

/** `[code, dotted path]` of what `f` throws (or `value` when it returns). */
function thrown(f) {
  try {
    f();
    return 'value';
  } catch (e) {
    return [e.code, dotted(e.path)];
  }
}

/** `[code, dotted path]` of each finding of a report. */
const findings = (r) => r.findings.map((f) => [f.code, dotted(f.path)]);

/** @param {string} label @param {any} api */
export function registerInputs(label, api) {
  const opts = { asOf: '2024-12-01' };
  /** validate() of a 2-line invoice whose lines[1].amount is `v`: its findings. */
  const amountIs = (v) => {
    const inv = invoice(2);
    inv.lines[1].amount = v;
    return findings(api.validate(inv, opts));
  };

  test(`${label}: values JSON cannot say inside an invoice are findings at their path`, () => {
    const at = 'lines[1].amount';
    assert.deepEqual(amountIs(NaN), [['INP-01', at]]);
    assert.deepEqual(amountIs(Infinity), [['INP-01', at]]);
    assert.deepEqual(amountIs(-Infinity), [['INP-01', at]]);
    assert.deepEqual(amountIs(12.3), [['INP-01', at]]);
    assert.deepEqual(amountIs(100), [['INP-01', at]]);
    assert.deepEqual(amountIs(10n), [['INP-02', at]]);
    assert.deepEqual(amountIs(() => 1), [['INP-02', at]]);
    assert.deepEqual(amountIs(Symbol('s')), [['INP-02', at]]);
    assert.deepEqual(amountIs('\ud800'), [['INP-07', at]]);
    assert.deepEqual(amountIs({ ['a\ud800']: 1 }), [['INP-07', at]]);
    assert.deepEqual(amountIs({ a: ['x', 'y\udc00'] }), [['INP-07', `${at}.a[1]`]]);
    assert.deepEqual(amountIs(cycle()), [['INP-06', at + selfs(61)]]);
    assert.deepEqual(amountIs(nest(64)), [['INP-06', at + zeros(61)]]);
    assert.deepEqual(amountIs({ a: 1n }), [['INP-02', `${at}.a`]]);
    assert.deepEqual(amountIs([undefined]), [['INP-02', at]]);
    // The first problem met, in key order, is the one reported.
    assert.deepEqual(amountIs({ a: NaN, b: () => 1 }), [['INP-01', `${at}.a`]]);
    assert.deepEqual(amountIs({ b: () => 1, a: NaN }), [['INP-02', `${at}.b`]]);
    // The INP-01 message shows the number as JS writes it.
    const inv = invoice(1);
    inv.lines[0].amount = 0.1 + 0.2;
    assert.throws(() => api.compute(inv), (e) => e.code === 'INP-01' && e.params.value === String(0.1 + 0.2));
  });

  test(`${label}: undefined is left out, Dates are their local day`, () => {
    const inv = invoice(2);
    const asDate = { ...inv, issue_date: new Date(2024, 10, 18, 23, 59, 59), remarks: undefined };
    assert.deepEqual(api.validate(asDate, { asOf: new Date(2024, 11, 1, 0, 0, 1) }), api.validate(inv, opts));
    const bad = { ...inv, issue_date: new Date(NaN) };
    assert.deepEqual(findings(api.validate(bad, opts)), [['INP-02', 'issue_date']]);
    const amountless = invoice(2);
    amountless.lines[1].amount = undefined;
    assert.equal(findings(api.validate(amountless, opts))[0][0], 'CAL-01');
  });

  test(`${label}: bad options are thrown at their key`, () => {
    const inv = invoice(1);
    assert.deepEqual(thrown(() => api.validate(inv, { asOf: new Date(NaN) })), ['INP-02', 'asOf']);
    assert.deepEqual(thrown(() => api.validate(inv, { asOf: NaN })), ['INP-01', 'asOf']);
    assert.deepEqual(thrown(() => api.validate(inv, { asOf: undefined })), ['INP-04', 'asOf']);
    assert.deepEqual(thrown(() => api.validate(inv, { asOf: nest(64) })), ['INP-06', `asOf${zeros(63)}`]);
    assert.deepEqual(thrown(() => api.validate(inv, { asOf: '2024-12-01', policy: { lineTaxTolerance: 0.06 } })),
      ['INP-01', 'policy.lineTaxTolerance']);
  });

  test(`${label}: operations throw the first problem of their arguments`, () => {
    const inv = invoice(2);
    inv.lines[1].amount = cycle();
    assert.deepEqual(thrown(() => api.compute(inv)), ['INP-06', `lines[1].amount${selfs(61)}`]);
    assert.deepEqual(thrown(() => api.uscc.compact(cycle())), ['INP-06', selfs(64).slice(1)]);
    assert.deepEqual(thrown(() => api.findDuplicates(cycle())), ['INP-06', selfs(64).slice(1)]);
    assert.deepEqual(thrown(() => api.amountsInWords([() => 1])), ['INP-02', '[0]']);
    assert.deepEqual(thrown(() => api.splitTax('1.00', Infinity)), ['INP-01', '']);
    assert.deepEqual(thrown(() => api.uscc.compact(undefined)), ['INP-02', '']);
    assert.equal(api.uscc.isValid('\ud800'), false);
    assert.equal(api.uscc.isValid(cycle()), false);
  });

  test(`${label}: plain-value operations name the JS type they were given`, () => {
    const found = (f) => {
      try {
        f();
      } catch (e) {
        return [e.code, dotted(e.path), e.params.found ?? e.params.value ?? e.params.unit];
      }
      return 'value';
    };
    assert.deepEqual(found(() => api.amount(undefined)), ['INP-02', '', 'undefined']);
    assert.deepEqual(found(() => api.amount()), ['INP-02', '', 'undefined']);
    assert.deepEqual(found(() => api.amount(null)), ['INP-02', '', 'null']);
    assert.deepEqual(found(() => api.amount(new Date(0))), ['INP-02', '', 'object']);
    assert.deepEqual(found(() => api.amount(cycle())), ['INP-02', '', 'object']);
    assert.deepEqual(found(() => api.amount({ ['a\ud800']: 1 })), ['INP-02', '', 'object']);
    assert.deepEqual(found(() => api.amount(10n)), ['INP-02', '', 'bigint']);
    assert.deepEqual(found(() => api.amount('\ud800')), ['INP-07', '', 'U+D800']);
    assert.deepEqual(found(() => api.amount(NaN)), ['INP-01', '', 'NaN']);
    assert.deepEqual(found(() => api.amount(5e-324)), ['INP-01', '', '5e-324']);
    assert.deepEqual(found(() => api.amount(1e21)), ['INP-01', '', '1e+21']);
    assert.deepEqual(found(() => api.amount(-0)), ['INP-01', '', '0']);
    assert.deepEqual(found(() => api.roundHalfUp('1.00', NaN)), ['INP-02', 'places', 'number NaN']);
    assert.deepEqual(found(() => api.roundHalfUp('1.00', 0.1)), ['INP-02', 'places', 'number 0.1']);
    assert.deepEqual(found(() => api.roundHalfUp('\udc00', 2)), ['INP-07', 'value', 'U+DC00']);
  });

  test(`${label}: validateMany reads each invoice on its own`, () => {
    const [a, b] = api.validateMany([cycle(), invoice(1)], opts);
    assert.deepEqual(findings(a), [['INP-06', selfs(64).slice(1)]]);
    assert.equal(b.valid, true);
    const [c] = api.validateMany([NaN], opts);
    assert.deepEqual(findings(c), [['INP-01', '']]);
    // Nesting is counted from each item (63 levels inside an item are fine, 64 are not).
    assert.equal(findings(api.validateMany([{ x: nest(62) }], opts)[0]).some(([code]) => code === 'INP-06'), false);
    assert.deepEqual(thrown(() => api.validateMany(undefined, opts)), ['INP-02', '']);
    assert.deepEqual(thrown(() => api.validateMany({ a: NaN }, opts)), ['INP-02', '']);
  });
}
