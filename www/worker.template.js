// The checker's Web Worker (src/bin/nianbao-web/worker.rs). scripts/pwa-build.py writes
// worker.js from this file after each build, with __GLUE__ replaced by the name of trunk's
// hashed JS glue. The page sends {kind: "init", module}: the WebAssembly.Module it runs
// itself, so the worker downloads and compiles nothing. Instantiating it runs the app's
// `main`, which sees a worker and answers the page's messages from then on.
import init from './__GLUE__';

self.onmessage = (e) => {
  if (!e.data || e.data.kind !== 'init') return;
  self.onmessage = null;
  init({ module_or_path: e.data.module }).catch((err) => {
    // The page takes an error before "ready" to mean: check on the page instead.
    setTimeout(() => { throw err; });
  });
};
