// Vector ops of find (find_*.json) -> the JS surface. The vectors compare corrections as
// {field, from, to, code} and errors/findings as {code, path (dotted)} (plus params when the
// case sets show_params), as the Rust runner does; the API returns them in full.
import { dotted } from '../paths.mjs';
import { under } from './under.mjs';

const correction = ({ field, from, to, code }) => ({ field, from, to, code });
const brief = (f) => ({ code: f.code, path: dotted(f.path) });

export default {
  'find.normalise': (api, input) => {
    const n = api.normaliseQuery(input);
    return { query: n.query, corrections: n.corrections.map(correction) };
  },
  'find.normalise_all': (api, input) => {
    const n = api.normaliseQueryAll(input);
    return { query: n.query, corrections: n.corrections.map(correction), errors: n.errors.map(brief) };
  },
  'find.search': (api, input) => under('records', () => api.search(input.records, input.filter)),
  'find.diagnose': (api, input) => {
    const { show_params: showParams, ...lookup } = input;
    const d = api.diagnose(Array.isArray(input) ? input : lookup);
    return {
      query: d.query,
      findings: d.findings.map((f) => (showParams ? { ...brief(f), params: f.params } : brief(f))),
    };
  },
  'find.build_number': (api, input) => api.buildNumber(input),
  'find.number_parts': (api, input) => api.numberParts(input),
  'find.next_number': (api, input) => api.nextNumber(input),
  'find.export_csv': (api, input) => under('invoices', () => api.exportCsv(input.what, input.invoices, {
    lang: input.lang, asOf: input.as_of, ownTaxId: input.own_tax_id, statuses: input.statuses,
  })),
  'find.export_jsonl': (api, input) => under('invoices', () => api.exportJsonl(input.what, input.invoices, {
    lang: input.lang, asOf: input.as_of, ownTaxId: input.own_tax_id, statuses: input.statuses,
  })),
};
