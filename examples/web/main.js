// Skeleton of the browser example: loads the --target web build and shows the parsed amount or
// the coded error in Chinese or English. Serve the repository with `node js-tests/server.mjs`
// after `bash bindings-wasm/build.sh`, then open /examples/web/index.html.
import init, { InvoiceError } from '../../bindings-wasm/js/web.js';

const input = document.querySelector('#amount');
const lang = document.querySelector('#lang');
const result = document.querySelector('#result');

function show(api) {
  const value = input.value;
  if (value === '') {
    result.className = '';
    result.textContent = lang.value === 'zh' ? '请输入金额' : 'Type an amount';
    return;
  }
  try {
    const amount = api.amount(value);
    result.className = 'ok';
    result.textContent = `${lang.value === 'zh' ? '金额' : 'Amount'}: ¥${amount}`;
  } catch (e) {
    if (!(e instanceof InvoiceError)) throw e;
    result.className = 'error';
    const text = lang.value === 'zh' ? e.messageZh : e.messageEn;
    result.replaceChildren(Object.assign(document.createElement('code'), { textContent: e.code }), ` ${text}`);
  }
}

const api = await init();
document.querySelector('#version').textContent = api.version();
input.disabled = false;
input.addEventListener('input', () => show(api));
lang.addEventListener('change', () => show(api));
show(api);
