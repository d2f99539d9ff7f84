// Junk inputs for every function of a binding (found by walking the API object, namespaces
// included, so new areas are covered without edits): each call must return or throw a
// well-formed coded error; never a bare TypeError, a crash or a hang. Browser-safe.
import { codedErrorProblem } from './corpus.mjs';

let cache;

/** [label, value] pairs: wrong types, float money, odd numbers, odd and huge strings. */
export function junkValues() {
  cache ??= [
    ['undefined', undefined],
    ['null', null],
    ['true', true],
    ['0', 0],
    ['-0', -0],
    ['0.1', 0.1],
    ['12.3', 12.3],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-1e308', -1e308],
    ['MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER],
    ['bigint', 10n],
    ['symbol', Symbol('junk')],
    ['function', () => '1.00'],
    ['object', {}],
    ['object with toString', { toString: () => '1.00', valueOf: () => 1 }],
    ['throwing getter', Object.defineProperty({}, 'value', { get() { throw new Error('getter'); } })],
    ['null-prototype object', Object.create(null)],
    ['array', []],
    ['array of money', ['1.00']],
    ['nested array', [[[[[[[[[[]]]]]]]]]]],
    ['date', new Date(0)],
    ['empty string', ''],
    ['space', ' '],
    ['full-width digits', '１２.３０'],
    ['arabic-indic digits', '١٢٣'],
    ['emoji', '💸💸💸'],
    ['lone surrogate', '\uD800'],
    ['NUL', '\u0000'],
    ['NaN string', 'NaN'],
    ['minus', '-'],
    ['dot', '.'],
    ['exponent', '1e3'],
    ['hex', '0x10'],
    ['percent only', '%'],
    ['percent 100', '100%'],
    ['minus zero string', '-0'],
    ['json text', '{"value":"1"}'],
    ['10 MB of 9', '9'.repeat(10_000_000)],
    ['10 MB of 9x', '9x'.repeat(5_000_000)],
    ['1 MB of 漢', '漢'.repeat(1_000_000)],
  ];
  return cache;
}

/** [dotted name, function] for every function of the API (classes excluded). */
export function surface(api) {
  const out = [];
  for (const [name, v] of Object.entries(api)) {
    if (typeof v === 'function' && name !== 'InvoiceError' && !/^[A-Z]/.test(name)) out.push([name, v]);
    else if (v !== null && typeof v === 'object') {
      for (const [inner, f] of Object.entries(v)) if (typeof f === 'function') out.push([`${name}.${inner}`, f]);
    }
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The argument lists tried on every function. */
export function argLists() {
  const lists = [[]];
  for (const [label, v] of junkValues()) {
    lists.push([`(${label})`, [v]]);
    lists.push([`(${label}, ${label})`, [v, v]]);
    lists.push([`("1.00", ${label})`, ['1.00', v]]);
  }
  lists[0] = ['()', []];
  return lists;
}

/** One call's outcome: {value} or {error}; a problem string when it broke the contract. */
export function probe(fn, args) {
  try {
    return { value: fn(...args) };
  } catch (e) {
    const problem = codedErrorProblem(e);
    return problem ? { problem } : { error: e };
  }
}

/** Every problem found by calling `fn` with every junk argument list. */
export function junkProblems(name, fn) {
  const problems = [];
  for (const [label, args] of argLists()) {
    const r = probe(fn, args);
    if (r.problem) problems.push(`${name}${label}: ${r.problem}`);
  }
  return problems;
}
