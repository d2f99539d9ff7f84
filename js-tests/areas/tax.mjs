// Vector ops of the tax area (tax.json) -> the JS surface. `compute` returns the core's
// Computed ({invoice, per_rate, …}); the vectors compare the totals and each line's
// amount/tax/unit_price, as the Rust runner does.
function computed(api, input, withLines) {
  const c = api.compute(input.invoice, { pricesIncludeTax: input.prices_include_tax, redistribute: input.redistribute });
  const { invoice, ...rest } = c;
  const out = { ...rest, totals: invoice.totals };
  if (withLines) {
    out.lines = invoice.lines.map((l) => Object.fromEntries(
      ['amount', 'tax', 'unit_price'].filter((k) => k in l).map((k) => [k, l[k]]),
    ));
  }
  return out;
}

export default {
  'tax.split': (api, input) => api.splitTax(input.gross, input.rate),
  'tax.split_with_deduction': (api, input) => api.splitWithDeduction(input.gross, input.deduction, input.rate),
  'tax.line_tax': (api, input) => api.lineTax(input.amount, input.rate, typeof input.deduction === 'string' ? input.deduction : null),
  'tax.compute': (api, input) => computed(api, input, true),
  'tax.compute_summary': (api, input) => computed(api, input, false),
  'tax.rates_in_force': (api, input) => api.ratesInForce(input.date, input.category ?? null),
};
