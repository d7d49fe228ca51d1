// IndexedDB for reports too large for localStorage (src/bin/nianbao-web/store.rs).
// wasm-bindgen bundles this file with the app (a "snippet"); nothing else uses it.
const DB = 'nianbao';
const STORE = 'texts';

function open() {
  return new Promise((ok, fail) => {
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
    r.onblocked = () => fail(new Error('blocked'));
  });
}

function run(mode, f) {
  return open().then((db) => new Promise((ok, fail) => {
    const tx = db.transaction(STORE, mode);
    const req = f(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); ok(req.result); };
    tx.onerror = () => { db.close(); fail(tx.error); };
    tx.onabort = () => { db.close(); fail(tx.error ?? new Error('aborted')); };
  }));
}

/** Keeps `value` (any cloneable value) under `key`. */
export function idbPut(key, value) {
  return run('readwrite', (s) => s.put(value, key));
}

/** The value under `key`, or undefined. */
export function idbGet(key) {
  return run('readonly', (s) => s.get(key));
}

export function idbDelete(key) {
  return run('readwrite', (s) => s.delete(key));
}
