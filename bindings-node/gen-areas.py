#!/usr/bin/env python3
"""Writes the area wrappers of both JS bindings from one table (bindings-node/src/<area>.rs, and
bindings-wasm/src/ops.rs, where every operation sits behind one `__call` export): each wrapper
converts its JS arguments to JSON with the binding's walker and calls the shared crate `invoice-core-js` (bindings-js). Run `python3 bindings-node/gen-areas.py` after editing
the table, then `cargo fmt --all`. In the Node addon the never-throwing `isValid`s and the
validation entry points are hand-written in `src/checks.rs`; in the WASM build they are operations
of the dispatcher too (`RAW` and `REPORTS` below), calling helpers in its `src/checks.rs`."""
import collections
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# spec: (module, ns or None, js, rust, [(argname, tstype, dates)], ret, doc, call)
S=[]
def f(mod, ns, js, rust, args, ret, doc, call): S.append((mod, ns, js, rust, args, ret, doc, call))
D='Day'
# number
f('number',None,'parseInvoiceCode','parse_invoice_code',[('code','string',D),('options','CodeOptions | null',D)],'Record<string, any>',
  'Parses a 发票代码 (10 or 12 digits): format, kind, region, year and the format\'s fields (the core\'s JSON shape). Throws `NUM-` codes.','surface::parse_invoice_code(&a0, &a1)')
f('number',None,'parseInvoiceNumber','parse_invoice_number',[('number','string',D),('options','NumberOptions | null',D)],'Record<string, any>',
  'Parses a 发票号码: 8-digit legacy, or the 20-digit 数电 number with its year, region, channel and sequence. Throws `NUM-` codes.','surface::parse_invoice_number(&a0, &a1)')
f('number',None,'padInvoiceNumber','pad_invoice_number',[('number','string',D)],'string',
  'Left-pads a legacy 发票号码 of 1–8 digits with zeros to 8 digits.','surface::pad_invoice_number(&a0)')
f('number','kind','fromCode','kind_from_code',[('code','string',D)],'string | null',
  'The kind a 发票代码 names, or null (it does not parse, or names none).','surface::kind_from_invoice_code(&a0)')
f('number','kind','refineQr','kind_refine_qr',[('qrKind','string',D),('code','string',D)],'string',
  'The code\'s kind when it names one, else the QR payload\'s kind (never a conflict error).','surface::kind_refine_qr(&a0, &a1)')
f('number','kind','checkQr','kind_check_qr',[('qrKind','string',D),('code','string',D)],'string',
  'The refined kind; throws `NUM-14` when the QR payload\'s kind contradicts the 发票代码.','surface::kind_check_qr(&a0, &a1)')
# ids
fams=[('uscc','Uscc','统一社会信用代码 (USCC)'),('orgCode','OrgCode','组织机构代码'),('ric','Ric','居民身份证号码'),('taxpayerId','TaxpayerId','纳税人识别号')]
ops={'compact':('string','normalised form (trimmed, no spaces or hyphens, half-width, upper case); never fails'),
 'validate':('string','the compact code when valid; throws the family\'s `ID-` code otherwise'),
 'validateStrict':('string','the input unchanged when it is already a valid compact code; no normalising'),
 'format':('string','the printed form'),
 'calcCheckDigit':('string','the check character of the body (one-character string)'),
 'parts':('Record<string, any>','the parts of a valid code (the core\'s JSON shape)'),
 'warnings':('Finding[]','warnings of a valid code (e.g. `ID-06`), as findings'),
 'to18':('string','the 18-character number (15 digits upgraded)'),
 'classify':('Record<string, any>','what kind of identifier this is, with its parts'),}
famops={'uscc':['compact','validate','validateStrict','format','calcCheckDigit','parts','warnings'],
 'orgCode':['compact','validate','validateStrict','format','calcCheckDigit','parts'],
 'ric':['compact','validate','validateStrict','format','calcCheckDigit','parts','to18'],
 'taxpayerId':['compact','validate','validateStrict','format','classify','warnings']}
def snake(s): return re.sub(r'([A-Z0-9]+)',lambda m:'_'+m.group(1).lower(),s)
for ns,fam,zh in fams:
    for op in famops[ns]:
        ret,doc=ops[op]
        f('ids',ns,op,snake(ns)+'_'+snake(op),[('value','string',D)],ret,f'{zh}: {doc}.',
          f'surface::id_op(surface::Family::{fam}, surface::IdOp::{op[0].upper()+op[1:]}, &a0).unwrap_or(Ok(serde_json::Value::Null))')
f('ids','ric','validateAsOf','ric_validate_as_of',[('value','string',D),('asOf','string | Date',D)],'string',
  '居民身份证号码: validate, and `ID-15` when the birth date is after `asOf`.','surface::ric_validate_as_of(&a0, &a1)')
# words
f('words',None,'amountsInWords','amounts_in_words',[('amounts','string[]',D),('options','WordsOptions | null',D)],'string[]',
  'The 大写 of each amount (one call for a batch); an error names the index (`[3]`).','surface::amounts_in_words(&a0, &a1)')
f('words',None,'wordsToAmount','words_to_amount',[('text','string',D)],'string',
  'Reads 大写 words back into an amount (decimal string with 2 decimals). Throws `WRD-` codes.','surface::words_to_amount(&a0)')
f('words',None,'readWords','read_words',[('text','string',D),('mode','\'lenient\' | \'strict\' | null',D)],'{ amount: string; deviations: { kind: string; position: number; found: string }[] }',
  'Reads 大写 words (lenient by default: every unambiguous form) with each difference from the invoice style. Throws `WRD-` codes; `INP-05` for another mode.','surface::read_words(&a0, &a1)')
f('words',None,'wordsMatch','words_match',[('text','string',D),('amount','string',D)],'boolean',
  'Whether the 大写 words read as exactly this amount under any accepted variant.','surface::words_match(&a0, &a1)')
# tax
f('tax',None,'splitTax','split_tax',[('gross','string',D),('rate','string',D)],'Split',
  '价税分离: splits a tax-inclusive amount into `{amount, tax}` at a rate (`"0.13"` or `"13%"`).','surface::split_tax(&a0, &a1)')
f('tax',None,'splitWithDeduction','split_with_deduction',[('gross','string',D),('deduction','string',D),('rate','string',D)],'Split',
  '差额征税: splits a tax-inclusive amount with a deduction into `{amount, tax}`.','surface::split_with_deduction(&a0, &a1, &a2)')
f('tax',None,'lineTax','line_tax',[('amount','string',D),('rate','string',D),('deduction','string | null',D)],'string',
  'The tax of one line: amount × rate rounded half-up (a rate may also be 免税/不征税 etc.).','surface::line_tax(&a0, &a1, &a2)')
f('tax',None,'compute','compute',[('invoice','InvoiceInput',D),('options','ComputeOptions | null',D)],'Computed',
  'Computes an invoice: fills each line\'s amount and tax, the totals and the 大写; returns `{invoice, per_rate, tax_difference, adjusted_lines, split}`. Throws the first reading or computing error.','surface::compute(&a0, &a1)')
f('tax',None,'ratesInForce','rates_in_force',[('date','string | Date',D),('category','string | null',D)],'string[]',
  'The VAT rates (percentages) in force on a day, for a taxpayer category (`general`/`small_scale`) or all.','surface::rates_in_force(&a0, &a1)')
# validate
f('validate',None,'parseInvoice','parse_invoice',[('invoice','InvoiceInput',D)],'Record<string, any>',
  'Reads an invoice and returns it in the core\'s normal form; throws the first reading error (`MDL-`, `MNY-`, `INP-`).','surface::parse_invoice(&a0)')
# lifecycle
f('lifecycle','lifecycle','run','lifecycle_run',[('input','LifecycleInput','DateTime')],'LifecycleSummary',
  'Replays lifecycle events (`{kind, amount, events, expireOverdueAt?}`) and returns the state summary. A refused step throws its code at `events[i]`.','surface::lifecycle_run(&a0)')
f('lifecycle','lifecycle','table','lifecycle_table',[('from','Record<string, string> | null',D)],'TransitionRow[]',
  'The transition-table rows leaving a state (`{seller: "issued"}`; null for documents not yet created).','surface::lifecycle_table(&a0)')
# verify
IQ='string | InvoiceInput | VerifyQueryInput'
IQS=IQ+' | VerifyQuery'
f('verify',None,'checkCode','check_code',[('invoice','InvoiceInput',D),('keyHex','string',D)],'string',
  'The 20-digit check code (校验码) of an invoice under a hex key (at least 16 bytes), by the core\'s keyed scheme v1 (HMAC-SHA256; not the tax system\'s secret algorithm). Throws `VER-01` a short key, `VER-17` no totals, `INP-02` bad hex.','surface::check_code(&a0, &a1)')
f('verify',None,'verifyCheckCode','verify_check_code',[('invoice','InvoiceInput',D),('code','string',D),('keyHex','string',D)],'boolean',
  'Whether `code` is the invoice\'s check code under the key (constant-time compare). Throws `VER-02` when `code` is not 20 ASCII digits.','surface::verify_check_code(&a0, &a1, &a2)')
f('verify',None,'checkCodeMessage','check_code_message',[('invoice','InvoiceInput',D)],'string',
  'The canonical v1 message a check code is computed over, for reproducing the scheme elsewhere.','surface::check_code_message(&a0)')
f('verify',None,'last6','last6',[('code','string',D)],'string',
  'The last 6 digits of a 20-digit check code (what 查验 asks for). Throws `VER-02`.','surface::last6(&a0)')
f('verify',None,'last5','last5',[('code','string',D)],'string',
  'The last 5 digits of a 20-digit check code (blockchain invoices). Throws `VER-02`.','surface::last5(&a0)')
f('verify',None,'parseQr','parse_qr',[('text','string',D)],'QrPayload',
  'Parses a scanned QR text: `{type: "invoice", kind, code, number, amount, amount_meaning, issue_date, check_code, …}`, `{type: "blockchain", …}` or `{type: "url", raw}`. Throws the `VER-` code of the first problem.','surface::parse_qr(&a0)')
f('verify',None,'buildQr','build_qr',[('invoice','InvoiceInput',D),('options','{ hash?: string | null } | null',D)],'string',
  'The QR payload text of an invoice (legacy kinds: 合计金额; 数电: 价税合计); `hash` is field 8 (2–4 hex digits).','surface::build_qr(&a0, &a1)')
f('verify',None,'verifyQuery','verify_query',[('invoice',IQ,D),('options','{ carPrice?: string | null } | null',D)],'VerifyQuery',
  'The 查验 query of an invoice or of a scanned QR text: `{kind, fplx, code, number, issue_date, element, value, seller_tax_id}`. `carPrice` (车价合计) for used-car kinds.','surface::verify_query(&a0, &a1)')
f('verify',None,'precheck','precheck',[('query',IQS,D),('options','PrecheckOptions',D)],'VerifyOutcome | null',
  'Checks a query against the platform\'s rules on `asOf` before any lookup: null when it may be looked up, else the outcome given instead (`malformed`, `too_old`, `not_yet_verifiable`).','surface::precheck(&a0, &a1)')
f('verify',None,'matchRecord','match_record',[('query',IQS,D),('record','InvoiceInput | null',D),('options','MatchOptions',D)],'VerifyOutcome',
  'The platform\'s answer to a query given the record stored under its code and number (null: none): `{outcome, status, message, message_zh, …}`.','surface::match_record(&a0, &a1, &a2)')
f('verify',None,'readVerifyQuery','read_verify_query',[('query','VerifyQuery',D)],'VerifyQuery',
  'Reads a query as `verifyQuery` returns it (stored after a scan, say) back into the core\'s normal form, checked as `verifyQuery` checks one (`fplx` is ignored). Throws at the field: `INP-05` wrong element, `MDL-01` unknown key, `VER-18`, `VER-11`, `NUM-`, `MNY-`.','surface::read_verify_query(&a0)')
f('verify',None,'dedupeKey','dedupe_key',[('item','string | { invoice: InvoiceInput } | { qr: string } | { number: string }',D)],'string[]',
  'The identity keys of one item (`legacy:<code>:<number>`, `digital:<number>`): an invoice `{invoice}`, `{qr}`, `{number}` or a string.','surface::dedupe_key(&a0)')
f('verify',None,'findDuplicates','find_duplicates',[('items','Array<string | { invoice: InvoiceInput } | { qr: string } | { number: string }>',D)],'DuplicateReport',
  'Groups the items that are the same invoice: `{groups, errors: [{index, error}]}`; an unreadable item is reported, never thrown.','surface::find_duplicates(&a0)')
# stats
f('stats',None,'stats','stats',[('invoices','Array<StatsItem | InvoiceInput>',D),('options','{ ownTaxId?: string | null } | null',D)],'Stats',
  'Statistics of many invoices (`{invoice, status?}` or invoices): total and groups by month, kind, rate, status, counterparty and direction (money as strings), and `STA-01` warnings. An item\'s error is under `[i]`.','surface::stats_of(&a0, &a1)')
# find
f('find',None,'normaliseQuery','normalise_query',[('raw','RawQuery',D)],'Normalised',
  'Normalises what a person typed into a lookup form (full-width digits, a 20-digit number in the code field, …): `{query, corrections}`. Throws the first unfixable problem at its field.','surface::normalise_query(&a0)')
f('find',None,'normaliseQueryAll','normalise_query_all',[('raw','RawQuery',D)],'NormalisedAll',
  'As `normaliseQuery`, but every unfixable problem is returned as a finding in `errors` (throws only for a value that is not a query object).','surface::normalise_query_all(&a0)')
f('find',None,'search','search',[('records','FindRecord[]',D),('filter','SearchFilter',D)],'SearchHit[]',
  'Searches records (`{invoice, status?, red_confirmation_pending?}`) with the core\'s filter (snake_case keys): hits `{index, number, code, typos}` in stable order. A record\'s error is under `[i]`.','surface::search(&a0, &a1)')
f('find',None,'diagnose','diagnose',[('lookup','Lookup',D)],'Diagnosis',
  'Every reason a lookup fails (the core\'s `Lookup`: `{query, as_of, platform?, records?, options?}`): `{query, corrections, findings, matches}`.','surface::diagnose(&a0)')
f('find',None,'buildNumber','build_number',[('parts','NumberParts',D)],'string',
  'Builds a 20-digit 数电 number from `{year, region, channel, sequence}`. Throws `FND-60`…`FND-63` at the part.','surface::build_number(&a0)')
f('find',None,'numberParts','number_parts',[('number','string',D)],'NumberParts',
  'The parts of a 20-digit 数电 number: `{year, region, channel, sequence}`.','surface::number_parts(&a0)')
f('find',None,'nextNumber','next_number',[('number','string',D)],'string',
  'The next 20-digit number of its sequence. Throws `FND-64` overflow, `FND-65` a legacy number.','surface::next_number(&a0)')
f('find',None,'exportCsv','export_csv',[('what',"'invoices' | 'reports' | 'stats'",D),('invoices','InvoiceInput[]',D),('options','ExportOptions | null',D)],'string',
  'CSV text (with a BOM) of invoices, their validation reports (as of `asOf`) or their statistics; `lang` `zh` (default) or `en`.','surface::export(&a0, &a1, &a2, true)')
f('find',None,'exportJsonl','export_jsonl',[('what',"'invoices' | 'reports' | 'stats'",D),('invoices','InvoiceInput[]',D),('options','ExportOptions | null',D)],'string',
  'JSON Lines text of invoices, their validation reports (as of `asOf`) or their statistics.','surface::export(&a0, &a1, &a2, false)')

# Operations only in the full WASM module (`--features full`): the browser's default module keeps
# the browser surface (identifiers, words, QR, codes and numbers, the model with compute
# and validate, duplicates) within its gzip budget; lifecycle, stats, find, 查验 and the keyed
# check codes (HMAC-SHA256) load on demand, and so does writing a QR payload (`buildQr`: an
# issuer's task, moved out when the browser module reached its budget).
FULL_AREAS={'lifecycle','stats','find'}
FULL_OPS={'precheck','matchRecord','readVerifyQuery','checkCode','verifyCheckCode','checkCodeMessage',
          'buildQr'}
def full_only(mod, js): return mod in FULL_AREAS or js in FULL_OPS
# Operations the files module (`--features files`: the file reader and the totals of what it read)
# has too.
FILES_OPS={'stats'}

mods=collections.OrderedDict()
for s in S: mods.setdefault(s[0],[]).append(s)
def path(i): return 'Path::root()'
names=[]
arms=[]
node_text=[]  # (raw name, call) of the addon's operations whose arguments JSON text can carry
for mod,items in mods.items():
    node=[f'//! The `{mod}` area: thin wrappers over `surface` (generated from one table; see README).\n',
      'use invoice_core::Path;','use napi::Env;','use napi::bindgen_prelude::Unknown;','use napi_derive::napi;','use serde_json::Value;','',
      'use crate::convert::{self, Dates};','use crate::error::call;','use invoice_core_js as surface;','']
    for (_,ns,js,rust,args,ret,doc,call) in items:
        # `?` only on trailing nullable arguments (TS refuses a required one after an optional).
        opt=[all('null' in t for _,t,_ in args[i:]) for i in range(len(args))]
        tsargs=', '.join(f'{n}{"?" if o else ""}: {t}' for (n,t,_),o in zip(args,opt))
        nsattr=f'namespace = "{ns}", ' if ns else ''
        params=', '.join(f'a{i}: Unknown' for i in range(len(args)))
        conv='\n'.join(f'        let a{i} = convert::json(&a{i}, Dates::{d}, &{path(i)})?;' for i,(n,t,d) in enumerate(args))
        node.append(f'/// {doc}\n#[napi({nsattr}js_name = "{js}", ts_args_type = "{tsargs}", ts_return_type = "{ret}")]\npub fn {rust}(env: Env, {params}) -> napi::Result<Value> {{\n    call(&env, || {{\n{conv}\n        {call}\n    }})\n}}\n')
        wname=f'{ns}__{js}' if ns else js
        full=full_only(mod, js)
        present=('cfg!(any(feature = "full", feature = "files"))' if js in FILES_OPS else 'cfg!(feature = "full")') if full else 'true'
        # JSON text can stand for the arguments unless one is a date-time (json-text.js writes a
        # Date as its day).
        text='true' if all(d==D for _,_,d in args) else 'false'
        if text=='true':
            nconv='\n'.join(f'            let a{i} = arg({i});' for i in range(len(args)))
            node_text.append((wname, f'        "{wname}" => {{\n{nconv}\n            {call}\n        }}'))
        dt=sum(1<<i for i,(_,_,d) in enumerate(args) if d!=D)
        # `run` reads at most three arguments (a0, a1, a2); widen it there first.
        assert len(args) <= 3, wname
        names.append(f'    op("{wname}", {present}, {text}, {len(args)}, {dt}),')
        cfg=('        #[cfg(any(feature = "full", feature = "files"))]\n' if js in FILES_OPS else '        #[cfg(feature = "full")]\n') if full else ''
        arms.append(f'{cfg}        // {wname}\n        {len(names)-1} => {call},')
    open(os.path.join(ROOT, 'bindings-node', 'src', f'{mod}.rs'),'w').write('\n'.join(node))
# WASM operations whose arguments are read with typed readers (`convert::decimal`: a JS number is
# INP-01; `convert::string`) instead of the JSON walker; the Node addon has them hand-written.
ROOT_PATH='&Path::root()'
RAW=[
 ('amount', f'convert::decimal(&raw(0), {ROOT_PATH}).and_then(|s| Amount::parse(&s)).map(|a| Value::String(a.to_string()))'),
 ('price', f'convert::decimal(&raw(0), {ROOT_PATH}).and_then(|s| Price::parse(&s)).map(|p| Value::String(p.to_string()))'),
 ('quantity', f'convert::decimal(&raw(0), {ROOT_PATH}).and_then(|s| Quantity::parse(&s)).map(|q| Value::String(q.to_string()))'),
 ('taxRate', f'convert::decimal(&raw(0), {ROOT_PATH}).and_then(|s| TaxRate::parse(&s)).map(|r| json!({{"fraction": r.to_string(), "percent": r.percent()}}))'),
 ('roundHalfUp', 'checks::round_half_up(&raw(0), &raw(1))'),
 ('kind__fromQr', 'kind_lookup(&raw(0), Kind::from_qr_code)'),
 ('kind__fromVerify', 'kind_lookup(&raw(0), Kind::from_verify_code)'),
 ('kind__fromTaxControl', 'kind_lookup(&raw(0), Kind::from_tax_control_code)'),
 ('kind__facts', f'convert::string(&raw(0), {ROOT_PATH}).and_then(|n| Kind::parse_name(&n)).map(|k| serde_json::to_value(k.info()).unwrap_or(Value::Null))'),
 ('kind__names', 'Ok(Value::from(Kind::ALL.iter().map(|k| k.name()).collect::<Vec<_>>()))'),
 ('uscc__isValid', 'Ok(Value::Bool(checks::id_is_valid(surface::Family::Uscc, &raw(0))))'),
 ('orgCode__isValid', 'Ok(Value::Bool(checks::id_is_valid(surface::Family::OrgCode, &raw(0))))'),
 ('ric__isValid', 'Ok(Value::Bool(checks::id_is_valid(surface::Family::Ric, &raw(0))))'),
 ('taxpayerId__isValid', 'Ok(Value::Bool(checks::id_is_valid(surface::Family::TaxpayerId, &raw(0))))'),
 ('amountInWords', 'checks::amount_in_words(&raw(0), &raw(1)).map(Value::String)'),
]
for wname, body in RAW:
    names.append(f'    op("{wname}", true, false, 0, 0),')
    arms.append(f'        // {wname}\n        {len(names)-1} => {body},')
# WASM operations that report instead of throwing: a reading problem of an invoice is a finding
# (so the invoice is read with `arg(0, ..)` without `?`, and a list by `list`: item by item),
# and only bad options throw. Their arguments may cross as JSON text. The Node addon has them
# hand-written (`checks.rs`).
REPORTS=[
 ('validate', 'checks::validate(arg(0, Dates::Day), arg(1, Dates::Day))'),
 ('isValid', 'checks::is_valid(arg(0, Dates::Day), arg(1, Dates::Day))'),
 ('validateMany', 'checks::validate_many(list(0), arg(1, Dates::Day))'),
]
for wname, body in REPORTS:
    names.append(f'    op("{wname}", true, true, 0, 0),')
    arms.append(f'        // {wname}\n        {len(names)-1} => {body},')

ops=f'''//! Every generated operation of the WASM build behind one export (generated by
//! `bindings-node/gen-areas.py` from the same table as the Node addon's wrappers; do not edit).
//!
//! One `__call(op, args)` export instead of one wasm-bindgen export per operation: each export
//! carries its own argument and result glue, which across sixty operations was about a tenth of
//! the module. `js/api.js` reads the names from `__ops()` (an operation's number is its place in
//! the list; an empty name is an operation this build leaves out) and builds the same API as
//! before. Arguments are read by the same walker, in order, so every coded error is unchanged.
//!
//! `__callText(op, text, args)` is the same with the arguments also written as one JSON text
//! (`js/json-text.js`, for the operations `__textOps()` lists): one string crosses instead of one
//! wasm-bindgen call per property, and when the text cannot stand for the values the walker
//! reads `args` as before, so the answers and coded errors are the same either way.

use std::cell::RefCell;

use invoice_core::Path;
use invoice_core::error::INP_INTERNAL;
use invoice_core::money::{{Amount, Price, Quantity, TaxRate}};
use invoice_core::number::Kind;
use serde_json::{{Value, json}};
use wasm_bindgen::prelude::*;

use crate::checks;
use crate::convert::{{self, Dates}};
use crate::error::{{CoreResult, out_json}};
use invoice_core_js as surface;

/// `kind.fromQr` and its siblings: the kind a code names (by `f`), or null.
fn kind_lookup(code: &JsValue, f: fn(&str) -> Option<Kind>) -> CoreResult<Value> {{
    let code = convert::string(code, &Path::root())?;
    Ok(f(&code).map_or(Value::Null, |k| Value::String(k.name().into())))
}}

/// One operation: its raw export name (`<area>__<name>` or `<name>`), whether this build has it,
/// whether its arguments may cross as JSON text, how many arguments [`run`] reads as JSON before
/// the operation (0: the operation reads its own), and which of them are date-times (bit `i`:
/// argument `i`; a JS `Date` there is written with its time).
struct Op {{
    name: &'static str,
    present: bool,
    text: bool,
    args: u8,
    date_times: u8,
}}

const fn op(name: &'static str, present: bool, text: bool, args: u8, date_times: u8) -> Op {{
    Op {{
        name,
        present,
        text,
        args,
        date_times,
    }}
}}

/// The operations by number.
const OPS: &[Op] = &[
{chr(10).join(names)}
];

/// Internal (`js/api.js`): the operation names, comma-separated, by number (empty when left out).
#[wasm_bindgen(js_name = __ops)]
pub fn ops() -> String {{
    OPS.iter()
        .map(|op| if op.present {{ op.name }} else {{ "" }})
        .collect::<Vec<_>>()
        .join(",")
}}

/// Internal (`js/api.js`): the numbers of the operations `__callText` takes, comma-separated.
#[wasm_bindgen(js_name = __textOps)]
pub fn text_ops() -> String {{
    OPS.iter()
        .enumerate()
        .filter(|(_, op)| op.present && op.text)
        .map(|(i, _)| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}}

/// Internal (`js/api.js`): runs operation `op` on its JS arguments.
#[wasm_bindgen(js_name = __call)]
pub fn call(op: u32, args: Vec<JsValue>) -> Result<JsValue, JsValue> {{
    let raw = |i: usize| args.get(i).cloned().unwrap_or(JsValue::UNDEFINED);
    let arg = |i: usize, dates: Dates| convert::json(&raw(i), dates, &Path::root());
    let list = |i: usize| convert::json_list(&raw(i), Dates::Day, &Path::root());
    out_json(run(op, &arg, &list, &raw))
}}

/// Internal (`js/api.js`): [`call`] with the arguments also given as one JSON text (an array).
#[wasm_bindgen(js_name = __callText)]
pub fn call_text(op: u32, text: &str, args: Vec<JsValue>) -> Result<JsValue, JsValue> {{
    let raw = |i: usize| args.get(i).cloned().unwrap_or(JsValue::UNDEFINED);
    let text_ok = OPS.get(op as usize).is_some_and(|o| o.present && o.text);
    match surface::list_from_js_text(Some(text)).filter(|_| text_ok) {{
        Some(values) => {{
            // Each argument is taken out, not copied (an invoice is a tree of maps): every
            // operation reads each of its arguments once.
            let values = RefCell::new(values);
            let take = |i: usize| values.borrow_mut().get_mut(i).map(std::mem::take);
            let arg = |i: usize, _: Dates| Ok(take(i).unwrap_or(Value::Null));
            let list = |i: usize| match take(i) {{
                Some(Value::Array(items)) => Ok(items.into_iter().map(Ok).collect()),
                _ => convert::json_list(&raw(i), Dates::Day, &Path::root()),
            }};
            out_json(run(op, &arg, &list, &raw))
        }}
        None => call(op, args),
    }}
}}

/// Operation `op`, its arguments read by `arg` (as JSON), by `list` (a list as JSON item by
/// item, each item's reading problem kept with it) or taken from `raw` (as JS values).
fn run(
    op: u32,
    arg: &dyn Fn(usize, Dates) -> CoreResult<Value>,
    list: &dyn Fn(usize) -> CoreResult<Vec<CoreResult<Value>>>,
    raw: &dyn Fn(usize) -> JsValue,
) -> CoreResult<Value> {{
    let unknown = || invoice_core::Error::new(INP_INTERNAL).with("reason", "unknown operation");
    let spec = OPS.get(op as usize).filter(|o| o.present).ok_or_else(unknown)?;
    // The arguments in order, each one's reading error thrown before the next is read (one loop
    // here instead of one reading sequence per operation: a few KB of the module).
    let mut a = [Value::Null, Value::Null, Value::Null];
    for (i, slot) in a.iter_mut().enumerate().take(usize::from(spec.args)) {{
        let dates = if spec.date_times & (1 << i) == 0 {{
            Dates::Day
        }} else {{
            Dates::DateTime
        }};
        *slot = arg(i, dates)?;
    }}
    let [a0, a1, a2] = a;
    match op {{
{chr(10).join(arms)}
        _ => Err(unknown()),
    }}
}}
'''
open(os.path.join(ROOT, 'bindings-wasm', 'src', 'ops.rs'),'w').write(ops)
print('wrote', ', '.join(mods), 'and bindings-wasm/src/ops.rs')

text_rs=f'''//! `text__call(name, text)`: the addon's generated operations with their arguments given as one
//! JSON text (generated by `bindings-node/gen-areas.py` with the wrappers; do not edit).
//!
//! `api.js` writes the arguments with `json-text.js` and calls this instead of the operation;
//! one string crosses instead of one N-API call per property. When the text cannot stand for
//! the values (it does not parse, or nests too deep), or the operation is not one of
//! [`text_ops`], the answer is `null` and `api.js` calls the operation itself, whose walker
//! gives the coded errors; so the answers are the same either way.

use std::cell::RefCell;

use napi::Env;
use napi_derive::napi;
use serde_json::Value;

use crate::error::call;
use invoice_core_js as surface;

const TEXT_OPS: &[&str] = &[
{chr(10).join(f'    "{n}",' for n,_ in node_text)}
];

/// Internal (`api.js`): the operations `text__call` takes (`<namespace>__<name>` or `<name>`).
#[napi(js_name = "text__ops")]
pub fn text_ops() -> Vec<&'static str> {{
    TEXT_OPS.to_vec()
}}

/// Internal (`api.js`): `[answer]` of operation `name` on the arguments written as `text` (a JSON
/// array), or `null` when the caller must call the operation with the JS values itself.
#[napi(
    js_name = "text__call",
    ts_args_type = "name: string, text: string",
    ts_return_type = "[any] | null"
)]
pub fn text_call(env: Env, name: String, text: String) -> napi::Result<Value> {{
    let Some(values) = surface::list_from_js_text(Some(&text)) else {{
        return Ok(Value::Null);
    }};
    if !TEXT_OPS.contains(&name.as_str()) {{
        return Ok(Value::Null);
    }}
    // Each argument is taken out, not copied: every operation reads each of its arguments once.
    let values = RefCell::new(values);
    let arg = |i: usize| {{
        values
            .borrow_mut()
            .get_mut(i)
            .map_or(Value::Null, std::mem::take)
    }};
    call(&env, || {{
        let answer = match name.as_str() {{
{chr(10).join(c for _,c in node_text)}
            _ => Ok(Value::Null),
        }}?;
        Ok(Value::Array(vec![answer]))
    }})
}}
'''
open(os.path.join(ROOT, 'bindings-node', 'src', 'text_call.rs'),'w').write(text_rs)
print('wrote bindings-node/src/text_call.rs')
