// Browser entry. `const api = await init();` loads the browser module from pkg-web/ (identifiers,
// words, QR, 数电 number padding, the model with compute and validate);
// `const full = await initFull();` loads the full module from pkg-web-full/ (everything, with
// the lifecycle, statistics, find, 查验 and the rule catalogue), e.g. when a page first needs it.
// Either takes an optional `input`: a URL, Response, BufferSource or WebAssembly.Module.
import initGlue, * as raw from '../pkg-web/invoice_core_wasm.js';
import { InvoiceError, makeApi } from './surface.js';

export { InvoiceError };

let loaded;
let loadedFull;
let loadedFiles;

export default function init(input) {
  loaded ??= initGlue(input === undefined ? undefined : { module_or_path: input }).then(() => makeApi(raw));
  return loaded;
}

/** Loads the files module (pkg-web-files/: the browser module's API with the file reader `read`,
 * `readMany` and `stats`), e.g. when a person first drops a file. */
export function initFiles(input) {
  loadedFiles ??= import('../pkg-web-files/invoice_core_wasm.js').then(async (files) => {
    await files.default(input === undefined ? undefined : { module_or_path: input });
    return makeApi(files);
  });
  return loadedFiles;
}

export function initFull(input) {
  loadedFull ??= import('../pkg-web-full/invoice_core_wasm.js').then(async (full) => {
    await full.default(input === undefined ? undefined : { module_or_path: input });
    return makeApi(full);
  });
  return loadedFull;
}
