// Error paths: ["lines", 2, "tax"] -> "lines[2].tax"; [] -> "" (the core's Display form).
export function dotted(path) {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
