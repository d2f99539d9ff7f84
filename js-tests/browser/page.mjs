// Runs the shared corpus and the junk inputs against the --target web builds inside the page and
// leaves the outcome on window.__report for the Playwright test. The corpus runs on the browser
// module (`init()`) for every operation it has and on the full module (`initFull()`) for the
// rest; the junk inputs go to every function of both.
import init, { initFull, InvoiceError } from '/bindings-wasm/js/web.js';
import { runCorpus } from '/js-tests/corpus.mjs';
import { junkProblems, surface } from '/js-tests/junk.mjs';

/** The browser module's functions, with the full module's for what it leaves out. */
function combined(lite, full) {
  const out = { ...full };
  for (const [name, v] of Object.entries(lite)) {
    out[name] = v !== null && typeof v === 'object' ? { ...full[name], ...v } : v;
  }
  return out;
}

async function main() {
  const lite = await init();
  const full = await initFull();
  const names = await (await fetch('/__vectors__')).json();
  const files = await Promise.all(
    names.map(async (name) => ({ name, doc: await (await fetch(`/invoice-core/tests/vectors/${name}`)).json() })),
  );
  const cases = runCorpus(combined(lite, full), files);
  const junk = [
    ...surface(lite).map(([name, fn]) => ({ name: `browser ${name}`, problems: junkProblems(name, fn) })),
    ...surface(full).map(([name, fn]) => ({ name: `full ${name}`, problems: junkProblems(name, fn) })),
  ];
  let subclass = false;
  try {
    lite.amount('12.345');
  } catch (e) {
    subclass = e instanceof InvoiceError && e instanceof Error && e.code === 'MNY-02';
  }
  return {
    files: names,
    cases,
    junk,
    subclass,
    liteNames: surface(lite).map(([n]) => n),
    fullNames: surface(full).map(([n]) => n),
    userAgent: navigator.userAgent,
  };
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
