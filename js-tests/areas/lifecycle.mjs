// Vector ops of the lifecycle (lifecycle.json) -> the JS surface.
import { snakePath } from '../paths.mjs';

export default {
  'lifecycle.run': (api, input) => snakePath(() => api.lifecycle.run({
    kind: input.kind, amount: input.amount, events: input.events, expireOverdueAt: input.expire_overdue_at,
  })),
  'lifecycle.table': (api, input) => api.lifecycle.table(input.from),
};
