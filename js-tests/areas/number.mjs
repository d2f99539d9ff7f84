// Vector ops of the number area (number.json): invoice codes, invoice numbers and the kind ops
// that need a 发票代码 -> the JS surface. Only shapes are adapted (snake_case input keys to the
// camelCase options).
const code = (api, input) => typeof input === 'string'
  ? api.parseInvoiceCode(input)
  : api.parseInvoiceCode(input.code, { maxYear: input.max_year, minYear10: input.min_year_10, minYear12: input.min_year_12 });

const number = (api, input) => typeof input === 'string'
  ? api.parseInvoiceNumber(input)
  : api.parseInvoiceNumber(input.number, { maxYear: input.max_year, minYear: input.min_year });

export default {
  'invoice_code.parse': code,
  'invoice_number.parse': number,
  'invoice_number.pad': (api, input) => api.padInvoiceNumber(input),
  'kind.from_code': (api, input) => api.kind.fromCode(input),
  'kind.refine_qr': (api, input) => api.kind.refineQr(input.qr_kind, input.code),
  'kind.check_qr': (api, input) => api.kind.checkQr(input.qr_kind, input.code),
};
