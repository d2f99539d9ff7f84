import type { InvoiceCoreApi } from './types.js';
export { InvoiceError } from './types.js';
export declare function makeApi(raw: Record<string, unknown>): InvoiceCoreApi;
