// The drop zone of the browser example: invoice files (OFD, 数电 XML, XBRL) or pasted QR texts are
// read by the core's file reader (`readMany`, in the files module, loaded on demand), and the page
// shows per file the fields, every finding (reading and validation, in Chinese or English), the QR
// inside and which files are copies of one invoice; for several invoices their totals by month and
// by rate (the core's `stats`) as two small bar charts. No domain logic here: the page hands the
// bytes to the core and lays out what it returns.
import { initFiles } from '../../bindings-wasm/js/web.js';

const $ = (sel) => document.querySelector(sel);
const pick = (zh, en) => ($('#lang').value === 'en' ? en : zh);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** Every file added so far, as `{name, bytes}`; read again together so copies across drops show. */
const files = [];
let api = null;
let shown = null; // the last batch and stats, re-rendered when the language changes

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `['lines', 2, 'tax']` as `lines[2].tax`. */
function dotted(path) {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function findingItem(f) {
  const li = el('li', { className: f.severity });
  li.dataset.code = f.code;
  li.append(el('code', { textContent: f.code }), ` ${pick(f.messageZh, f.message)} `);
  if (f.path.length > 0) li.append(el('span', { className: 'where', textContent: dotted(f.path) }));
  return li;
}

function row(label, value) {
  return el('tr', {}, el('th', { textContent: label }), el('td', { textContent: value ?? '—' }));
}

function fileCard(file, index, batch) {
  const card = el('section', { className: 'file' });
  card.dataset.name = file.name;
  card.append(el('h3', { textContent: `${index + 1}. ${file.name}` }));
  if (file.error) {
    card.classList.add('bad');
    card.append(el('ul', {}, findingItem(file.error)));
    return card;
  }
  const r = file.reading;
  const inv = r.invoice;
  const first = batch.copy_of[index];
  if (first !== null) {
    const group = batch.copies.find((g) => g.files.includes(index));
    const same = group?.consistent ?? true;
    card.append(el('p', {
      className: 'copy',
      textContent: pick(
        `与第 ${first + 1} 个文件是同一张发票${same ? '' : '，但金额不一致'}。`,
        `A copy of file ${first + 1}${same ? '' : ', but the figures differ'}.`,
      ),
    }));
  }
  const table = el('table');
  const source = `${r.source.format}${r.source.version ? ` ${r.source.version}` : ''}${r.source.part ? ` · ${r.source.part}` : ''}`;
  table.append(row(pick('格式', 'Format'), source));
  if (inv) {
    const kind = api.kind.facts(inv.kind);
    table.append(
      row(pick('发票种类', 'Kind'), pick(kind?.zh ?? inv.kind, inv.kind)),
      row(pick('发票代码', 'Code'), inv.code),
      row(pick('发票号码', 'Number'), inv.number),
      row(pick('开票日期', 'Issue date'), inv.issue_date),
      row(pick('销售方', 'Seller'), [inv.seller?.name, inv.seller?.tax_id].filter(Boolean).join(' · ')),
      row(pick('购买方', 'Buyer'), [inv.buyer?.name, inv.buyer?.tax_id].filter(Boolean).join(' · ')),
      row(pick('明细行数', 'Lines'), String(inv.lines?.length ?? 0)),
      row(pick('合计金额', 'Amount'), inv.totals?.amount),
      row(pick('合计税额', 'Tax'), inv.totals?.tax),
      row(pick('价税合计', 'Total'), inv.totals?.total),
    );
  }
  if (r.qr) {
    const p = r.qr.payload;
    const qr = r.qr.text ?? pick(`图片（${r.qr.image}），未解码`, `an image (${r.qr.image}), not decoded`);
    table.append(row(pick('二维码', 'QR'), qr));
    if (p?.type === 'invoice') {
      table.append(row(pick('二维码内容', 'QR says'), `${p.kind} · ${[p.code, p.number].filter(Boolean).join(' ')} · ${p.amount} · ${p.issue_date}`));
    }
  }
  if (r.not_carried.length > 0) table.append(row(pick('格式未载明', 'Not in this format'), r.not_carried.join(', ')));
  card.append(table);
  const findings = r.report?.findings ?? r.findings;
  card.append(el('p', {
    textContent: findings.length === 0
      ? pick('未发现问题。', 'No findings.')
      : pick(`${findings.length} 条问题：`, `${findings.length} finding(s):`),
  }));
  if (findings.length > 0) card.append(el('ul', {}, ...findings.map(findingItem)));
  return card;
}

function chart(title, groups, labelOf) {
  const box = el('div', { className: 'chart' }, el('h3', { textContent: title }));
  // Bar lengths only: the figures shown are the core's exact strings.
  const max = Math.max(...groups.map((g) => Number(g.total)), 0);
  for (const g of groups) {
    const width = max > 0 ? (100 * Number(g.total)) / max : 0;
    const bar = el('div', { className: 'bar' },
      el('span', { textContent: labelOf(g) }),
      el('span', {}, el('span', { className: 'fill', style: `width:${width}%` })),
      el('span', { className: 'value', textContent: `${g.total} (${g.count})` }));
    bar.dataset.key = g.key;
    box.append(bar);
  }
  return box;
}

function render() {
  if (shown === null) return;
  const { batch, stats } = shown;
  $('#files-list').replaceChildren(...batch.files.map((f, i) => fileCard(f, i, batch)));
  const read = batch.files.filter((f) => f.reading).length;
  $('#files-status').textContent = pick(
    `已读取 ${read} / ${batch.files.length} 个文件。`,
    `Read ${read} of ${batch.files.length} file(s).`,
  );
  const groups = batch.copies.map((g) => g.files.map((i) => i + 1).join(pick('、', ', ')));
  $('#files-copies').textContent = groups.length === 0
    ? pick('没有重复的发票。', 'No file is a copy of another.')
    : pick(`同一张发票的文件：${groups.join('；')}`, `Files holding one invoice: ${groups.join('; ')}`);
  const charts = [];
  if (stats && stats.total.count > 1) {
    charts.push(
      chart(pick('按月份（价税合计）', 'By month (total incl. tax)'), stats.by_month, (g) => g.key),
      chart(pick('按税率（价税合计）', 'By rate (total incl. tax)'), stats.by_rate, (g) => g.key),
    );
  }
  $('#files-charts').replaceChildren(...charts);
  $('#files-summary').hidden = false;
}

async function refresh() {
  api ??= await initFiles();
  const batch = api.readMany(files, { asOf: today() });
  // Each invoice once: copies are left out of the totals.
  const invoices = batch.files
    .filter((f, i) => f.reading?.invoice && batch.copy_of[i] === null)
    .map((f) => f.reading.invoice);
  let stats = null;
  try {
    stats = invoices.length > 0 ? api.stats(invoices) : null;
  } catch (e) {
    $('#files-status').textContent = `${e.code}: ${pick(e.messageZh, e.messageEn)}`;
  }
  shown = { batch, stats };
  render();
}

async function addFiles(list) {
  for (const file of list) files.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  await refresh();
}

const drop = $('#drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  addFiles([...e.dataTransfer.files]);
});
$('#file-input').addEventListener('change', (e) => addFiles([...e.target.files]));
$('#files-qr-add').addEventListener('click', () => {
  const text = $('#files-qr').value.trim();
  if (text === '') return;
  files.push({ name: pick('二维码文本', 'QR text'), bytes: new TextEncoder().encode(text) });
  $('#files-qr').value = '';
  refresh();
});
$('#files-clear').addEventListener('click', () => {
  files.length = 0;
  shown = null;
  for (const sel of ['#files-list', '#files-charts']) $(sel).replaceChildren();
  $('#files-status').textContent = '';
  $('#files-summary').hidden = true;
});
$('#lang').addEventListener('change', render);
api = await initFiles();
$('#files-qr-add').disabled = false;
drop.dataset.ready = 'true';
