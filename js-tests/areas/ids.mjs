// Vector ops of the identifiers (ids.json): `<family>.<op>` -> api.<family>.<op> with the
// family and op names in camelCase. Warnings come back as full findings; the vectors compare
// {code, severity, params}.
const FAMILIES = { uscc: 'uscc', org_code: 'orgCode', ric: 'ric', taxpayer_id: 'taxpayerId' };
const OPS = {
  compact: 'compact', validate: 'validate', validate_strict: 'validateStrict', is_valid: 'isValid',
  format: 'format', calc_check_digit: 'calcCheckDigit', parts: 'parts', to_18: 'to18', classify: 'classify',
};

const table = {};
for (const [family, ns] of Object.entries(FAMILIES)) {
  for (const [op, name] of Object.entries(OPS)) {
    table[`${family}.${op}`] = (api, input) => api[ns][name](input);
  }
  table[`${family}.warnings`] = (api, input) =>
    api[ns].warnings(input).map((w) => ({ code: w.code, severity: w.severity, params: w.params }));
}
table['ric.validate_as_of'] = (api, input) => api.ric.validateAsOf(input.value, input.as_of);

export default table;
