import type { BrowserApi, FilesApi, InvoiceCoreApi } from './types.js';
export type * from './types.js';
export { InvoiceError } from './types.js';
/** Loads the browser module (once; pkg-web/, within 150 KiB gzipped) and resolves to its API. */
export default function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<BrowserApi>;
/** Loads the full module (once; pkg-web-full/) and resolves to the whole API. */
export function initFull(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<InvoiceCoreApi>;
/** Loads the files module (once; pkg-web-files/): the browser module's API with the file reader
 * (`read`, `readMany`) and `stats`. */
export function initFiles(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<FilesApi>;
