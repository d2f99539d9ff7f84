// Vector ops of reading invoice files (read.json) -> the JS surface's `read`.

/** The vector's input as bytes: a string as its UTF-8, `{base64}` decoded (Node and browser). */
function bytesOf(input) {
  if (typeof input === 'string') return new TextEncoder().encode(input);
  return Uint8Array.from(atob(input.base64), (c) => c.charCodeAt(0));
}

export default {
  'read.summary': (api, input) => api.read(bytesOf(input)).summary,
};
