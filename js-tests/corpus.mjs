// The shared vector runner, parameterised by a binding object (the napi addon or the WASM API;
// same surface). Browser-safe: no Node imports. Each case's `op` is mapped to the API by the
// per-area tables in areas/; an op no table knows fails the case.
import { AREAS } from './areas/index.mjs';
import { dotted } from './paths.mjs';

/** op name -> (api, input) => output, merged from every area (a duplicate op is a bug). */
export const OPS = (() => {
  const ops = Object.create(null);
  for (const [area, table] of Object.entries(AREAS)) {
    for (const [op, fn] of Object.entries(table)) {
      if (op in ops) throw new Error(`op ${op} is defined twice (area ${area})`);
      ops[op] = fn;
    }
  }
  return ops;
})();

/** Expands generated inputs, anywhere: {"$repeat": s, "times": n} becomes s repeated n times;
 * {"$repeat_item": x, "times": n} becomes a list of n copies of x; {"$utf16": [units]} becomes the
 * string of those UTF-16 code units (a lone surrogate kept as it is); {"$entries": [[k, v], …]}
 * becomes an object whose keys may be such strings. */
export function expand(v) {
  if (Array.isArray(v)) return v.map(expand);
  if (v !== null && typeof v === 'object') {
    if ('$utf16' in v) return String.fromCharCode(...v.$utf16);
    if ('$entries' in v) return Object.fromEntries(v.$entries.map(([k, x]) => [expand(k), expand(x)]));
    if ('$repeat_item' in v) return Array.from({ length: Number(v.times ?? 1) }, () => expand(v.$repeat_item));
    if ('$repeat' in v) return String(v.$repeat).repeat(Number(v.times ?? 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x)]));
  }
  return v;
}

export { dotted };

/** JSON with sorted keys, so that outputs compare by value whatever their key order. */
export function canonical(v) {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** Why `e` is not a well-formed coded error, or null. */
export function codedErrorProblem(e) {
  if (!(e instanceof Error)) return `threw a non-Error: ${String(e)}`;
  if (typeof e.code !== 'string' || !/^[A-Z]+-\d{2,}$/.test(e.code)) return `error without a code: ${e.message}`;
  if (!Array.isArray(e.path) || !e.path.every((s) => typeof s === 'string' || Number.isInteger(s))) {
    return `error ${e.code} without a path array`;
  }
  if (typeof e.messageZh !== 'string' || e.messageZh === '') return `error ${e.code} without messageZh`;
  if (typeof e.messageEn !== 'string' || e.messageEn === '') return `error ${e.code} without messageEn`;
  if (e.params === null || typeof e.params !== 'object') return `error ${e.code} without params`;
  if (e.severity !== 'error' && e.severity !== 'warning') return `error ${e.code} without severity`;
  if (!e.message.startsWith(`[${e.code}]`)) return `message does not start with [${e.code}]: ${e.message}`;
  return null;
}

function short(s) {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** Runs one case: null when it passes, else why it failed. */
export function runCase(api, c) {
  const op = OPS[c.op];
  if (typeof op !== 'function') return `unknown op ${c.op}: add it to js-tests/areas/`;
  const hasExpected = 'expected' in c;
  if (hasExpected === ('error' in c)) return 'case needs exactly one of expected / error';
  let got;
  try {
    got = op(api, expand(c.input));
  } catch (e) {
    if (hasExpected) return short(`expected ${canonical(c.expected)}, got error ${e?.message ?? e}`);
    const bad = codedErrorProblem(e);
    if (bad) return bad;
    if (e.code !== c.error.code) return short(`expected error ${c.error.code}, got ${e.message}`);
    if (typeof c.error.path === 'string' && dotted(e.path) !== c.error.path) {
      return short(`expected path ${JSON.stringify(c.error.path)}, got ${JSON.stringify(dotted(e.path))} (${e.message})`);
    }
    if (typeof c.error.message === 'string' && e.messageEn !== c.error.message) {
      return short(`expected message ${JSON.stringify(c.error.message)}, got ${JSON.stringify(e.messageEn)}`);
    }
    if (typeof c.error.message_zh === 'string' && e.messageZh !== c.error.message_zh) {
      return short(`expected message_zh ${JSON.stringify(c.error.message_zh)}, got ${JSON.stringify(e.messageZh)}`);
    }
    return null;
  }
  if (!hasExpected) return short(`expected error ${canonical(c.error)}, got ${canonical(got)}`);
  const want = canonical(c.expected);
  const have = canonical(got);
  return want === have ? null : short(`expected ${want}, got ${have}`);
}

/** Problems with a vector file's own format (sources, cases, unique ids). */
export function fileProblems(doc) {
  const out = [];
  if (!Array.isArray(doc?.sources) || doc.sources.length === 0) out.push('names no sources');
  if (!Array.isArray(doc?.cases)) {
    out.push('has no cases array');
    return out;
  }
  const seen = new Set();
  for (const c of doc.cases) {
    if (typeof c.id !== 'string') out.push('a case has no id');
    else if (seen.has(c.id)) out.push(`duplicate id ${c.id}`);
    else seen.add(c.id);
  }
  return out;
}

/** The reason a vector file does not run in JavaScript (its `runtimes` list leaves JS out, with
 * `runtimes_note` saying why), or null. */
export function notForJs(doc) {
  if (!Array.isArray(doc?.runtimes) || doc.runtimes.includes('js')) return null;
  return `runs in ${doc.runtimes.join(', ')} only: ${doc.runtimes_note ?? 'no reason given'}`;
}

/** Runs every case of every file: [{file, id, problem}] (problem null when passed); a file that
 * leaves JS out is one skipped entry with its reason. */
export function runCorpus(api, files) {
  const results = [];
  for (const { name, doc } of files) {
    const skip = notForJs(doc);
    if (skip) {
      results.push({ file: name, id: '(file)', problem: null, skipped: skip });
      continue;
    }
    for (const problem of fileProblems(doc)) results.push({ file: name, id: '(file)', problem });
    for (const c of doc.cases ?? []) results.push({ file: name, id: c.id, problem: runCase(api, c) });
  }
  return results;
}
