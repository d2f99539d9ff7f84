// Type-checked with `tsc --strict` against the generated index.d.ts (never run): it uses every
// export so that a change of a signature or a missing export breaks the check.
import { amount, kind, price, quantity, roundHalfUp, rule, rules, taxRate, version } from '../index.js';
import type { KindFacts, Rule, TaxRate } from '../index.js';

const a: string = amount('64.9');
const p: string = price('3.50');
const q: string = quantity('2');
const r: TaxRate = taxRate('13%');
const rounded: string = roundHalfUp('0.065', 2);
const all: Rule[] = rules();
const one: Rule | null = rule('MNY-01');
const sev: 'error' | 'warning' | undefined = one?.severity;
const name: string | null = kind.fromQr('31') ?? kind.fromVerify('81') ?? kind.fromTaxControl('0');
const facts: KindFacts = kind.facts('special_paper');
const qr: string | null = facts.qr;
const names: string[] = kind.names();
const v: string = version();

// @ts-expect-error money is a decimal string, never a number
amount(12.3);

export const used = [a, p, q, r.fraction, r.percent, rounded, all.length, sev, name, qr, names, v];
