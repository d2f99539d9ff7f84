// Error paths: ["lines", 2, "tax"] -> "lines[2].tax"; [] -> "" (the core's Display form).
export function dotted(path) {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}

/** Runs `fn`; a coded error it throws is rethrown with its path keys in snake_case. The JS
 * surface names options in camelCase (`asOf`) where the vectors, like Python, write snake_case
 * (`as_of`); the model's own keys are snake_case already, so only option keys change. */
export function snakePath(fn) {
  try {
    return fn();
  } catch (e) {
    if (Array.isArray(e?.path)) {
      e.path = e.path.map((s) => (typeof s === 'string' ? s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : s));
    }
    throw e;
  }
}
