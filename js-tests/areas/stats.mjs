// Vector ops of statistics (stats.json) -> the JS surface.
import { under } from './under.mjs';

export default {
  'stats.compute': (api, input) => under('invoices', () => api.stats(input.invoices, { ownTaxId: input.own_tax_id })),
};
