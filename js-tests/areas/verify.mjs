// Vector ops of verification (check_code.json, qr.json, verify.json, duplicates.json) -> the JS
// surface. A vector query `{invoice, car_price?}` / `{qr}` is the API's query wrapper
// (`{invoice, carPrice}` / `{qr}`); a precheck that passes is null in JS, `{outcome: 'ok'}` in
// the vectors.
const query = (q) => {
  if (q && typeof q === 'object' && !Array.isArray(q) && 'invoice' in q) return { invoice: q.invoice, carPrice: q.car_price };
  if (q && typeof q === 'object' && !Array.isArray(q) && 'query' in q) return q.query; // a stored query
  return q;
};

const opts = (input) => ({
  asOf: input.as_of, sameDay: input.options?.same_day, lookBackYears: input.options?.look_back_years,
});

export default {
  'check_code.generate': (api, input) => api.checkCode(input.invoice, input.key_hex),
  'check_code.verify': (api, input) => api.verifyCheckCode(input.invoice, input.code, input.key_hex),
  'check_code.message': (api, input) => api.checkCodeMessage(input.invoice),
  'check_code.last6': (api, input) => api.last6(input),
  'check_code.last5': (api, input) => api.last5(input),
  'qr.parse': (api, input) => api.parseQr(input),
  'qr.build': (api, input) => api.buildQr(input.invoice, { hash: input.hash }),
  'verify.query': (api, input) => {
    if ('qr' in input) return api.verifyQuery(input.qr);
    if ('query' in input) return api.readVerifyQuery(input.query);
    return api.verifyQuery(input.invoice, { carPrice: input.car_price });
  },
  'verify.precheck': (api, input) => api.precheck(query(input.query), opts(input)) ?? { outcome: 'ok' },
  'verify.match': (api, input) => api.matchRecord(query(input.query), input.record?.invoice ?? null, {
    ...opts(input), status: input.record?.status, carPrice: input.record?.car_price,
  }),
  'dedupe.key': (api, input) => api.dedupeKey(input),
  'dedupe.find': (api, input) => api.findDuplicates(input),
};
