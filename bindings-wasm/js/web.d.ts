import type { BrowserApi, InvoiceCoreApi } from './types.js';
export type * from './types.js';
export { InvoiceError } from './types.js';
/** Loads the browser module (once; pkg-web/, under 400 KB) and resolves to its API. */
export default function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<BrowserApi>;
/** Loads the full module (once; pkg-web-full/) and resolves to the whole API. */
export function initFull(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<InvoiceCoreApi>;
