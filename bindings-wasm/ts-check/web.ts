// Type-checked with `tsc --strict` (never run): the browser entry's declared surface.
import init, { initFull, InvoiceError } from '../js/web.js';
import type { BrowserApi, FilesApi, InvoiceCoreApi, KindFacts, Reading, ReadingBatch, Rule, TaxRate } from '../js/web.js';

export async function demo(): Promise<string> {
  const api: BrowserApi = await init();
  const full: InvoiceCoreApi = await initFull();
  const r: TaxRate = api.taxRate('6%');
  const facts: KindFacts = api.kind.facts('digital_special');
  const rule: Rule | null = full.rule('MNY-02');
  try {
    return api.amount('12.345');
  } catch (e) {
    if (e instanceof InvoiceError) {
      const code: string = e.code;
      const path: Array<string | number> = e.path;
      const zh: string = e.messageZh;
      const params: Record<string, string> = e.params;
      return [code, path.join('.'), zh, params['value'], r.percent, facts.fplx, rule?.zh].join(' ');
    }
    throw e;
  }
}

export async function fromUrl(): Promise<string> {
  const api = await init(new URL('./pkg-web/invoice_core_wasm_bg.wasm', 'https://example.invalid/'));
  // @ts-expect-error money is a decimal string, never a number
  api.amount(1.5);
  // @ts-expect-error the lifecycle is in the full module only
  api.lifecycle.table(null);
  // @ts-expect-error decoding a legacy 发票代码 is in the full module only
  api.parseInvoiceCode('144031900111');
  // @ts-expect-error a namespace's member can be full-only too
  api.kind.fromCode('144031900111');
  api.kind.fromQr('10');
  const full = await initFull(new URL('./pkg-web-full/invoice_core_wasm_bg.wasm', 'https://example.invalid/'));
  full.lifecycle.table(null);
  full.kind.fromCode('144031900111');
  return api.roundHalfUp('2.665', 2);
}

export async function files(file: Blob): Promise<string> {
  const { initFiles } = await import('../js/web.js');
  const api: FilesApi = await initFiles();
  const r: Reading = api.read(new Uint8Array(await file.arrayBuffer()), { asOf: new Date() });
  const batch: ReadingBatch = api.readMany([{ name: 'a.ofd', bytes: new Uint8Array(0) }]);
  // @ts-expect-error the lifecycle is in the full module only
  api.lifecycle.table(null);
  return [r.source.format, r.report?.valid, batch.copy_of.length, api.stats([]).total.count].join(' ');
}
