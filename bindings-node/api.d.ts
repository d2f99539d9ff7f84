// The package entry's types: those of the generated index.d.ts (api.js re-exports the addon with
// the validation entries routed through JSON text; the `text__*` functions are internal).
export * from './index';
