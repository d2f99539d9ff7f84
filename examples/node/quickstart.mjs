// Skeleton of the Node example: exact money and coded errors through the napi addon.
// Run after building the addon: `node examples/node/quickstart.mjs`.
import { createRequire } from 'node:module';

const ic = createRequire(import.meta.url)('../../bindings-node/api.js');

console.log(`invoice-core ${ic.version()}`);
const amount = ic.amount('520.75');
const rate = ic.taxRate('6%');
console.log(`amount ${amount}, rate ${rate.percent} (${rate.fraction})`);
console.log(`31.245 half-up: ${ic.roundHalfUp('31.245', 2)}`);
console.log(`QR kind 31: ${ic.kind.facts(ic.kind.fromQr('31')).zh}`);

for (const bad of ['12.345', 12.3]) {
  try {
    ic.amount(bad);
    throw new Error(`expected ${JSON.stringify(bad)} to be refused`);
  } catch (e) {
    if (typeof e.code !== 'string') throw e;
    console.log(`${JSON.stringify(bad)} -> ${e.code}: ${e.messageZh} / ${e.messageEn}`);
  }
}
