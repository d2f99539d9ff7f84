// Vector ops of invoice kinds (the number area's `kind.*` ops) -> the JS surface.


export default {
  'kind.from_qr': (api, input) => api.kind.fromQr(input),
  'kind.from_verify': (api, input) => api.kind.fromVerify(input),
  'kind.from_tax_control': (api, input) => api.kind.fromTaxControl(input),
  'kind.facts': (api, input) => api.kind.facts(input),
};
