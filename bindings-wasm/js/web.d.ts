import type { InvoiceCoreApi } from './types.js';
export type * from './types.js';
export { InvoiceError } from './types.js';
/** Loads the module (once) and resolves to the API. */
export default function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<InvoiceCoreApi>;
