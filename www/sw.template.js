// The offline app's service worker. GENERATED: scripts/pwa-build.py writes sw.js from
// www/sw.template.js after every trunk build (a post_build hook in Trunk.toml), filling in the
// files of that build and a version made from their contents. Never edit dist/sw.js by hand.
//
// - install: precaches exactly the files of this build, in a cache named after the version.
// - activate: deletes the caches of older versions, takes control of open pages.
// - fetch: same-origin GETs are answered from the cache (navigations with index.html), so the
//   app works with no network; anything else goes to the network untouched. The app never
//   sends the report anywhere: there is nothing to send it to.
// - a new version waits until the page says the user agreed ({type: "nianbao:skip-waiting"}),
//   so an update never reloads the page under the user's hands.
'use strict';

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const PREFIX = 'nianbao-';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // Bypass the HTTP cache: the files must be those of this build.
      cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'nianbao:skip-waiting') self.skipWaiting();
  if (data.type === 'nianbao:version' && event.source) {
    event.source.postMessage({ type: 'nianbao:version', version: VERSION });
  }
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // index.html?embed=1 and the like: the query never changes the file.
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    if (req.mode === 'navigate') {
      const index = await cache.match('index.html');
      if (index) return index;
    }
    return fetch(req);
  })());
});
