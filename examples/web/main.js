// The browser example, on the --target web WASM build: an invoice form (compute() and
// validate()), a QR text decoder (parseQr() and verifyQuery()) and a "find my invoice" form
// (diagnose() over a few sample records). The form and the QR box run on the small browser module
// (`init()`); the find form on the full module (`initFull()`), loaded once the form is ready, so
// the first thing a person uses does not wait for it. Serve the repository with `node js-tests/server.mjs`
// after `bash bindings-wasm/build.sh`, then open /examples/web/index.html. No domain logic here:
// the page reads its forms into the core's shapes, calls the core and shows what it returns
// (the only text of its own is labels).
import init, { initFull, InvoiceError } from '../../bindings-wasm/js/web.js';

const $ = (sel) => document.querySelector(sel);
const lang = () => $('#lang').value;
const DEFAULT_LINES = [
  { name: '*信息技术服务*软件服务', tax_code: '3040201000000000000', amount: '520.75', rate: '6%' },
  { name: '*日用品*杯子', tax_code: '1060512990000000000', amount: '100.00', rate: '13%' },
];

function addLine(line = { name: '', tax_code: '', amount: '', rate: '13%' }) {
  const row = document.createElement('tr');
  for (const key of ['name', 'tax_code', 'amount', 'rate']) {
    const input = Object.assign(document.createElement('input'), { type: 'text', value: line[key] });
    input.dataset.key = key;
    const cell = document.createElement('td');
    cell.append(input);
    row.append(cell);
  }
  const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: '删除' });
  remove.addEventListener('click', () => row.remove());
  const cell = document.createElement('td');
  cell.append(remove);
  row.append(cell);
  $('#lines tbody').append(row);
}

/** The form as an invoice in the core's JSON shape (empty fields left out). */
function readForm() {
  const text = (sel) => $(sel).value.trim();
  const party = (prefix) => {
    const p = { name: text(`#${prefix}-name`) };
    const id = text(`#${prefix}-tax-id`);
    if (id !== '') p.tax_id = id;
    return p;
  };
  const buyer = { ...party('buyer'), type: $('#buyer-type').value };
  const lines = [...document.querySelectorAll('#lines tbody tr')].map((row) => {
    const line = {};
    for (const input of row.querySelectorAll('input')) {
      if (input.value.trim() !== '') line[input.dataset.key] = input.value.trim();
    }
    return line;
  });
  return {
    kind: $('#kind').value, number: text('#number'), issue_date: text('#issue-date'),
    seller: party('seller'), buyer, lines,
  };
}

function today() {
  const d = new Date();
  return d; // validate() reads a Date as its local calendar day
}

function message(f) {
  return lang() === 'zh' ? f.messageZh : (f.message ?? f.messageEn);
}

function showFindings(findings) {
  const list = $('#findings');
  list.replaceChildren();
  for (const f of findings) {
    const li = document.createElement('li');
    li.className = f.severity;
    li.dataset.code = f.code;
    const path = f.path.length ? ` ${f.path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[')}` : '';
    li.append(Object.assign(document.createElement('code'), { textContent: f.code }),
      Object.assign(document.createElement('span'), { className: 'path', textContent: path }),
      ` ${message(f)}`);
    list.append(li);
  }
}

function showTotals(totals) {
  const zh = lang() === 'zh';
  const rows = totals === null ? [] : [
    [zh ? '合计金额' : 'Amount', totals.amount],
    [zh ? '合计税额' : 'Tax', totals.tax],
    [zh ? '价税合计' : 'Total', totals.total],
  ];
  $('#totals').replaceChildren(...rows.map(([k, v]) => {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('td'), { textContent: k }),
      Object.assign(document.createElement('td'), { textContent: `¥${v}`, className: 'money' }));
    return tr;
  }));
  $('#words').textContent = totals?.total_in_words ? `${zh ? '价税合计（大写）' : 'Total in words'}：${totals.total_in_words}` : '';
}

let last = null;

function run(api) {
  const invoice = readForm();
  let computed = null;
  let findings;
  try {
    computed = api.compute(invoice, { pricesIncludeTax: $('#inclusive').checked });
    findings = api.validate(computed.invoice, { asOf: today() }).findings;
  } catch (e) {
    if (!(e instanceof InvoiceError)) throw e;
    // compute() stops at the first problem; validate() still lists everything it can read.
    findings = api.validate(invoice, { asOf: today() }).findings;
    if (!findings.some((f) => f.code === e.code)) {
      findings.unshift({ code: e.code, path: e.path, severity: e.severity, message: e.messageEn, messageZh: e.messageZh, params: e.params });
    }
  }
  last = { totals: computed?.invoice.totals ?? null, findings };
  render();
}

function render() {
  if (last === null) return;
  const errors = last.findings.filter((f) => f.severity === 'error').length;
  const zh = lang() === 'zh';
  $('#output').className = errors ? 'bad' : 'ok';
  $('#verdict').textContent = errors
    ? (zh ? `发现 ${errors} 个错误，${last.findings.length - errors} 个提示` : `${errors} error(s), ${last.findings.length - errors} warning(s)`)
    : (zh ? '校验通过' : 'Valid') + (last.findings.length ? (zh ? `（${last.findings.length} 个提示）` : ` (${last.findings.length} warning(s))`) : '');
  showTotals(last.totals);
  showFindings(last.findings);
}

// The amount demo: one field, parsed exactly or refused with a coded error.
function showAmount(api) {
  const value = $('#amount').value;
  const result = $('#result');
  if (value === '') {
    result.className = '';
    result.textContent = lang() === 'zh' ? '请输入金额' : 'Type an amount';
    return;
  }
  try {
    const amount = api.amount(value);
    result.className = 'ok';
    result.textContent = `${lang() === 'zh' ? '金额' : 'Amount'}: ¥${amount}（${api.amountInWords(amount)}）`;
  } catch (e) {
    if (!(e instanceof InvoiceError)) throw e;
    result.className = 'error';
    result.replaceChildren(Object.assign(document.createElement('code'), { textContent: e.code }), ` ${lang() === 'zh' ? e.messageZh : e.messageEn}`);
  }
}

// ---------------------------------------------------------------------------------------------
// QR text: decoded by parseQr(), with the 查验 query verifyQuery() builds from it.

const SAMPLE_QR = '01,10,031002100411,25096213,6.56,20210903,11631437361999467829,F168,';
const LABELS = {
  amount_excluding_tax: ['不含税金额（合计金额）', 'amount excluding tax (合计金额)'],
  total_including_tax: ['价税合计', 'total including tax (价税合计)'],
  unconfirmed: ['含义未经证实（区块链发票）', 'meaning unconfirmed (blockchain invoice)'],
  check_code_last6: ['校验码后6位', 'last 6 digits of the check code'],
  check_code_last5: ['校验码后5位', 'last 5 digits of the check code'],
  car_price: ['车价合计', 'car price (车价合计)'],
  invoice: ['发票二维码', 'invoice QR payload'],
  blockchain: ['区块链发票链接', 'blockchain invoice URL'],
  url: ['网址', 'URL'],
};
const label = (key) => (LABELS[key] ? LABELS[key][lang() === 'zh' ? 0 : 1] : key);
const pick = (zh, en) => (lang() === 'zh' ? zh : en);

function rows(table, pairs) {
  for (const [k, v, id] of pairs) {
    if (v === null || v === undefined || v === '') continue;
    const tr = document.createElement('tr');
    if (id) tr.dataset.field = id;
    tr.append(Object.assign(document.createElement('th'), { textContent: k }),
      Object.assign(document.createElement('td'), { textContent: String(v) }));
    table.append(tr);
  }
}

function errorLine(e) {
  const p = Object.assign(document.createElement('p'), { className: 'error' });
  p.dataset.code = e.code;
  p.append(Object.assign(document.createElement('code'), { textContent: e.code }), ` ${pick(e.messageZh, e.messageEn)}`);
  return p;
}

function kindName(api, name) {
  if (!name) return null;
  const f = api.kind.facts(name);
  return `${pick(f.zh, f.en)} (${name})`;
}

function showQr(api) {
  const text = $('#qr').value.trim();
  const out = $('#qr-result');
  out.replaceChildren();
  if (text === '') return;
  let p;
  try {
    p = api.parseQr(text);
  } catch (e) {
    if (!(e instanceof InvoiceError)) throw e;
    out.append(errorLine(e));
    return;
  }
  const table = Object.assign(document.createElement('table'), { id: 'qr-fields' });
  rows(table, [
    [pick('类型', 'Type'), label(p.type), 'type'],
    [pick('发票种类', 'Kind'), kindName(api, p.kind), 'kind'],
    [pick('发票代码', 'Invoice code'), p.code, 'code'],
    [pick('发票号码', 'Invoice number'), p.number ?? p.bill_num, 'number'],
    [pick('金额', 'Amount'), p.amount == null ? p.total_amount : `¥${p.amount}`, 'amount'],
    [pick('金额含义', 'The amount is'), p.amount_meaning && label(p.amount_meaning), 'amount_meaning'],
    [pick('开票日期', 'Issue date'), p.issue_date, 'issue_date'],
    [pick('校验码', 'Check code'), p.check_code, 'check_code'],
    [pick('密文校验', 'Hash'), p.hash, 'hash'],
    [pick('原文', 'Raw text'), p.type === 'invoice' ? null : p.raw, 'raw'],
  ]);
  out.append(table, Object.assign(document.createElement('h3'), { textContent: pick('查验要素', '查验 query') }));
  try {
    const q = api.verifyQuery(text);
    const qt = Object.assign(document.createElement('table'), { id: 'qr-query' });
    rows(qt, [
      [pick('发票种类（fplx）', 'Kind (fplx)'), `${kindName(api, q.kind)}${q.fplx ? ` · ${q.fplx}` : ''}`, 'kind'],
      [pick('发票代码', 'Invoice code'), q.code ?? pick('（数电发票无代码）', '(数电: no code)'), 'code'],
      [pick('发票号码', 'Invoice number'), q.number, 'number'],
      [pick('开票日期', 'Issue date'), q.issue_date, 'issue_date'],
      [label(q.element), q.value, 'element'],
      [pick('销售方税号', 'Seller tax id'), q.seller_tax_id, 'seller_tax_id'],
    ]);
    out.append(qt);
  } catch (e) {
    if (!(e instanceof InvoiceError)) throw e;
    out.append(errorLine(e));
  }
}

// ---------------------------------------------------------------------------------------------
// Find my invoice: what a person typed, normalised and diagnosed by the core against sample
// records (a normal one, a voided one, another buyer's, one issued today).

function sampleRecords(api, now) {
  return [
    { invoice: {
      kind: 'digital_ordinary', number: '24312000000358032546', issue_date: '2024-11-18',
      seller: { name: '上海某某科技有限公司', tax_id: '91310000580583950X' }, buyer: { name: '张三' },
      lines: [], totals: { amount: '560.18', tax: '72.82', total: '633.00' },
    } },
    { invoice: {
      kind: 'ordinary_paper', code: '1100174320', number: '40184419', issue_date: '2024-05-12',
      check_code: '82190984023325258452', seller: { name: '北京某某餐饮有限公司' }, buyer: { name: '北京某某公司' },
      lines: [], totals: { amount: '329.25', tax: '9.88', total: '339.13' },
    }, status: 'voided' },
    { invoice: {
      kind: 'digital_special', number: '24442000005310626521', issue_date: '2024-11-20',
      seller: { name: '深圳某某电子有限公司' }, buyer: { name: '广州某某贸易有限公司', tax_id: '91440101MA5CXXXX1Y' },
      lines: [], totals: { amount: '27969.03', tax: '3635.97', total: '31605.00' },
    } },
    { invoice: {
      kind: 'digital_ordinary',
      // A 数电 number of this year (the core builds it from its parts).
      number: api.buildNumber({ year: now.getFullYear(), region: '31', channel: 0, sequence: '12345678' }),
      issue_date: now, seller: { name: '上海某某科技有限公司' }, buyer: { name: '李四' },
      lines: [], totals: { amount: '100.00', tax: '6.00', total: '106.00' },
    } },
  ];
}

const STATUS = {
  normal: ['正常', 'normal'], voided: ['已作废', 'voided'], red_flushed: ['已红冲', 'red-flushed'],
  partially_red_flushed: ['部分红冲', 'partly red-flushed'],
};

function showRecords(api, records) {
  $('#find-records tbody').replaceChildren(...records.map((r, i) => {
    const inv = api.parseInvoice(r.invoice);
    const tr = document.createElement('tr');
    const cells = [i, kindName(api, inv.kind), inv.code ?? '—', inv.number, inv.issue_date, inv.totals.total,
      `${inv.buyer.name}${inv.buyer.tax_id ? ` ${inv.buyer.tax_id}` : ''}`, pick(...(STATUS[r.status ?? 'normal']))];
    tr.append(...cells.map((c) => Object.assign(document.createElement('td'), { textContent: String(c) })));
    return tr;
  }));
}

let lastFind = null;

function runFind(api, records, now) {
  const query = {};
  for (const key of ['code', 'number', 'date', 'amount', 'total', 'check_code', 'buyer_tax_id']) {
    const value = $(`#find-${key.replace(/_/g, '-')}`).value;
    if (value.trim() !== '') query[key] = value;
  }
  const lookup = { query, as_of: now, records };
  if ($('#find-platform').value !== '') lookup.platform = $('#find-platform').value;
  try {
    lastFind = { diagnosis: api.diagnose(lookup) };
  } catch (e) {
    if (!(e instanceof InvoiceError)) throw e;
    lastFind = { error: e };
  }
  renderFind(api, records);
}

function findItem(code, severity, text) {
  const li = document.createElement('li');
  li.dataset.code = code;
  li.className = severity;
  li.append(Object.assign(document.createElement('code'), { textContent: code }), ` ${text}`);
  return li;
}

function renderFind(api, records) {
  showRecords(api, records);
  if (lastFind === null) return;
  const out = $('#find-output');
  const { diagnosis: d, error } = lastFind;
  $('#find-corrections').replaceChildren();
  $('#find-findings').replaceChildren();
  $('#find-query').textContent = '';
  if (error) {
    out.className = 'reasons';
    $('#find-verdict').replaceChildren(errorLine(error));
    return;
  }
  const corrections = new Set(d.corrections.map((c) => c.code));
  const reasons = d.findings.filter((f) => !corrections.has(f.code));
  const q = d.query;
  const parts = [
    q.code && `${pick('发票代码', 'code')} ${q.code}`, q.number && `${pick('发票号码', 'number')} ${q.number}`,
    q.date && `${pick('开票日期', 'date')} ${q.date}`, q.element && `${label(q.element.name)} ${q.element.value}`,
    q.buyer_tax_id && `${pick('购买方税号', 'buyer tax id')} ${q.buyer_tax_id}`,
  ].filter(Boolean);
  $('#find-query').textContent = `${pick('按以下要素查找：', 'Looked up: ')}${parts.join(pick('，', ', ')) || '—'}`;
  $('#find-corrections-title').hidden = d.corrections.length === 0;
  $('#find-corrections').append(...d.corrections.map((c) => findItem(c.code, 'warning', pick(c.message_zh, c.message))));
  $('#find-findings-title').hidden = reasons.length === 0;
  $('#find-findings').append(...reasons.map((f) => findItem(f.code, f.severity, pick(f.messageZh, f.message))));
  const found = d.matches.length > 0 && reasons.length === 0;
  out.className = found ? 'found' : 'reasons';
  $('#find-verdict').textContent = found
    ? pick(`找到了：第 ${d.matches.join('、')} 条记录，未发现问题。`, `Found: record ${d.matches.join(', ')}, nothing wrong.`)
    : reasons.length === 0
      ? pick('未发现问题。', 'Nothing wrong found.')
      : pick(`发现 ${reasons.length} 个可能的原因：`, `${reasons.length} possible reason(s):`);
}

const api = await init();
$('#version').textContent = `invoice-core ${api.version()}`;
for (const name of api.kind.names()) {
  const facts = api.kind.facts(name);
  $('#kind').append(new Option(`${facts.zh} (${name})`, name, name === 'digital_ordinary', name === 'digital_ordinary'));
}
DEFAULT_LINES.forEach(addLine);
$('#add-line').addEventListener('click', () => addLine());
$('#run').addEventListener('click', () => run(api));
const now = new Date();
let find = null; // { api, records } once the full module is loaded
$('#find-asof').textContent = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
$('#find-asof').title = 'as_of: today';
$('#qr-parse').addEventListener('click', () => showQr(api));
$('#qr-sample').addEventListener('click', () => { $('#qr').value = SAMPLE_QR; showQr(api); });
$('#find-run').addEventListener('click', () => runFind(find.api, find.records, now));
$('#lang').addEventListener('change', () => {
  render();
  showAmount(api);
  showQr(api);
  if (find) renderFind(find.api, find.records);
});
$('#amount').addEventListener('input', () => showAmount(api));
for (const el of ['#kind', '#run', '#amount', '#qr-parse']) $(el).disabled = false;
$('#verdict').textContent = '填写发票后点击“计算并校验”。Fill in the invoice and press Compute and check.';
showAmount(api);
// The find form: diagnose(), buildNumber() and the records live in the full module.
const fullApi = await initFull();
find = { api: fullApi, records: sampleRecords(fullApi, now) };
showRecords(find.api, find.records);
$('#find-run').disabled = false;
