// Vector ops of the model and the rule catalogue (rules/*.json) -> the JS surface. validate()
// returns full findings; the vectors compare {code, path (dotted), severity}.
import { dotted, snakePath } from '../paths.mjs';

const POLICY = {
  quantity_price_tolerance: 'quantityPriceTolerance', line_tax_tolerance: 'lineTaxTolerance',
  invoice_tax_tolerance: 'invoiceTaxTolerance', paper_line_limit: 'paperLineLimit',
};

/** The vector's snake_case context as validate()'s options. */
export function options(input) {
  const policy = input.policy && Object.fromEntries(Object.entries(input.policy).map(([k, v]) => [POLICY[k] ?? k, v]));
  return {
    asOf: input.as_of, sellerCategory: input.seller_category, issuingLimit: input.issuing_limit, policy,
    notCarried: input.not_carried,
  };
}

export default {
  'invoice.parse': (api, input) => api.parseInvoice(input),
  'invoice.from_json': (api, input) => api.parseInvoice(JSON.parse(input)),
  'invoice.validate': (api, input) => {
    const report = snakePath(() => api.validate(input.invoice, options(input)));
    return {
      valid: report.valid,
      findings: report.findings.map((f) => ({ code: f.code, path: dotted(f.path), severity: f.severity })),
    };
  },
};
