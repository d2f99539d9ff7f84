// Vector ops of reading invoice files (read.json, and read.many in text.json) -> the JS
// surface's `read` and `readMany`.

/** The vector's input as bytes: a string as its UTF-8, `{base64}` decoded (Node and browser). */
function bytesOf(input) {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  if (typeof input.text === 'string') return new TextEncoder().encode(input.text);
  return Uint8Array.from(atob(input.base64), (c) => c.charCodeAt(0));
}

export default {
  'read.summary': (api, input) => api.read(bytesOf(input)).summary,
  'read.many': (api, input) => {
    const batch = api.readMany(input.map((f) => ({ name: f.name, bytes: bytesOf(f) })));
    return { copy_of: batch.copy_of, errors: batch.files.map((f) => f.error?.code ?? null) };
  },
};
