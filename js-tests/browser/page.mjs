// Runs the shared corpus and the junk inputs against the --target web build inside the page and
// leaves the outcome on window.__report for the Playwright test.
import init, { InvoiceError } from '/bindings-wasm/js/web.js';
import { runCorpus } from '/js-tests/corpus.mjs';
import { junkProblems, surface } from '/js-tests/junk.mjs';

async function main() {
  const api = await init();
  const names = await (await fetch('/__vectors__')).json();
  const files = await Promise.all(
    names.map(async (name) => ({ name, doc: await (await fetch(`/invoice-core/tests/vectors/${name}`)).json() })),
  );
  const cases = runCorpus(api, files);
  const junk = surface(api).map(([name, fn]) => ({ name, problems: junkProblems(name, fn) }));
  let subclass = false;
  try {
    api.amount('12.345');
  } catch (e) {
    subclass = e instanceof InvoiceError && e instanceof Error && e.code === 'MNY-02';
  }
  return { files: names, cases, junk, subclass, userAgent: navigator.userAgent };
}

main().then(
  (report) => {
    window.__report = report;
    document.getElementById('status').textContent = 'done';
  },
  (e) => {
    window.__report = { fatal: String(e?.stack ?? e) };
  },
);
