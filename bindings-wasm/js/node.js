// Node entry: loads the optimised `--target nodejs` module synchronously.
import { createRequire } from 'node:module';
import { InvoiceError, makeApi } from './surface.js';

const api = makeApi(createRequire(import.meta.url)('../pkg-node/invoice_core_wasm.js'));

export default api;
export { InvoiceError };
export const {
  amount, price, quantity, taxRate, roundHalfUp, rules, rule, kind, version,
  parseInvoiceCode, parseInvoiceNumber, padInvoiceNumber, uscc, orgCode, ric, taxpayerId, amountInWords, amountsInWords, wordsToAmount, readWords, wordsMatch, splitTax, splitWithDeduction, lineTax, compute, ratesInForce, parseInvoice, validate, isValid, validateMany, lifecycle,
  checkCode, verifyCheckCode, checkCodeMessage, last6, last5, parseQr, buildQr, verifyQuery, precheck, matchRecord, readVerifyQuery, dedupeKey, findDuplicates, stats, normaliseQuery, normaliseQueryAll, search, diagnose, buildNumber, numberParts, nextNumber, exportCsv, exportJsonl, read, readMany,
} = api;
