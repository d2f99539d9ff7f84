// Runs the shared corpus and the junk inputs against the --target web builds inside the page and
// leaves the outcome on window.__report for the Playwright test. The corpus runs on the browser
// module (`init()`) for every operation it has, on the files module (`initFiles()`) for the file
// reader, and on the full module (`initFull()`) for the rest; the junk inputs go to every
// function of all three.
import init, { initFiles, initFull, InvoiceError } from '/bindings-wasm/js/web.js';
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
  const files = await initFiles();
  // The on-demand modules together: the full module's API with the files module's reader.
  const onDemand = { ...full, read: files.read, readMany: files.readMany };
  const names = await (await fetch('/__vectors__')).json();
  const docs = await Promise.all(
    names.map(async (name) => ({ name, doc: await (await fetch(`/invoice-core/tests/vectors/${name}`)).json() })),
  );
  const cases = runCorpus(combined(lite, onDemand), docs);
  const junk = [
    ...surface(lite).map(([name, fn]) => ({ name: `browser ${name}`, problems: junkProblems(name, fn) })),
    ...surface(full).map(([name, fn]) => ({ name: `full ${name}`, problems: junkProblems(name, fn) })),
    // The files module's own functions (the rest are the browser module's, tried above).
    ...surface(files).filter(([name]) => !(name.split('.')[0] in lite))
      .map(([name, fn]) => ({ name: `files ${name}`, problems: junkProblems(name, fn) })),
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
    fullNames: surface(onDemand).map(([n]) => n),
    filesNames: surface(files).map(([n]) => n),
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
