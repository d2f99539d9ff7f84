// The package entry's types: those of the generated index.d.ts (api.js re-exports the addon with
// the validation entries routed through JSON text; the `text__*` functions are internal).
export * from './index';

/** A coded invoice-core error (every error the addon throws is one). */
export declare class InvoiceError extends Error {
  readonly name: 'InvoiceError';
  /** The catalogue code, e.g. `MNY-02`. */
  code: string;
  /** Where in the input: keys and indexes (`['lines', 2, 'tax']`). */
  path: (string | number)[];
  /** The message's parameters, as strings. */
  params: Record<string, string>;
  messageEn: string;
  messageZh: string;
  severity: 'error' | 'warning';
}
