// Browser entry: `const api = await init();` loads the optimised module from pkg-web/ (or from
// `input`: a URL, Response, BufferSource or WebAssembly.Module) and returns the API.
import initGlue, * as raw from '../pkg-web/invoice_core_wasm.js';
import { InvoiceError, makeApi } from './api.js';

export { InvoiceError };

let loaded;

export default function init(input) {
  loaded ??= initGlue(input === undefined ? undefined : { module_or_path: input }).then(() => makeApi(raw));
  return loaded;
}
