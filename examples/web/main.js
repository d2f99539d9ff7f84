// The browser example: an invoice form computed and validated by the --target web WASM build.
// Serve the repository with `node js-tests/server.mjs` after `bash bindings-wasm/build.sh`, then
// open /examples/web/index.html. No domain logic here: the page only reads the form into the
// core's invoice shape, calls compute() and validate(), and shows what they return.
import init, { InvoiceError } from '../../bindings-wasm/js/web.js';

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

const api = await init();
$('#version').textContent = `invoice-core ${api.version()}`;
for (const name of api.kind.names()) {
  const facts = api.kind.facts(name);
  $('#kind').append(new Option(`${facts.zh} (${name})`, name, name === 'digital_ordinary', name === 'digital_ordinary'));
}
DEFAULT_LINES.forEach(addLine);
$('#add-line').addEventListener('click', () => addLine());
$('#run').addEventListener('click', () => run(api));
$('#lang').addEventListener('change', () => { render(); showAmount(api); });
$('#amount').addEventListener('input', () => showAmount(api));
for (const el of ['#kind', '#run', '#amount']) $(el).disabled = false;
$('#verdict').textContent = '填写发票后点击“计算并校验”。Fill in the invoice and press Compute and check.';
showAmount(api);
