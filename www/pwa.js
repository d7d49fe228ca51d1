// The offline app: registers the service worker (sw.js, generated after each build) and,
// when a new version has been deployed, offers it — the update is applied only when the user
// clicks, and the text they pasted survives the reload (the app keeps it in localStorage).
//
// DOM contract (tests rely on it): the offer is #update-banner with the button #update-now;
// <html data-sw-version="…"> is the version of the service worker that controls the page.
'use strict';
(function () {
  if (!('serviceWorker' in navigator)) return;
  // Only on http(s): a file:// page cannot have a service worker.
  if (!/^https?:$/.test(location.protocol)) return;

  let consented = false;

  function askVersion() {
    const c = navigator.serviceWorker.controller;
    if (c) c.postMessage({ type: 'nianbao:version' });
  }

  navigator.serviceWorker.addEventListener('message', (e) => {
    const d = e.data || {};
    if (d.type === 'nianbao:version' && typeof d.version === 'string') {
      document.documentElement.dataset.swVersion = d.version;
    }
  });

  // The new worker took over: reload only if the user asked for the update (the very first
  // install also takes over, and must not reload the page).
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (consented) {
      consented = false;
      location.reload();
    } else {
      askVersion();
    }
  });

  // The page's language: the app shares its English table (en.json) as self.nianbaoUi once it
  // has fetched it (src/bin/nianbao-web/i18n.rs); Chinese until then, and in Chinese.
  function t(zh) {
    const table = document.documentElement.lang === 'en' ? self.nianbaoUi : null;
    return (table && table[zh]) || zh;
  }

  function offer(worker) {
    if (document.getElementById('update-banner')) return;
    const bar = document.createElement('div');
    bar.id = 'update-banner';
    bar.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = t('检查器有新版本。更新后页面会重新载入，已粘贴的内容会保留。');
    const now = document.createElement('button');
    now.id = 'update-now';
    now.type = 'button';
    now.textContent = t('立即更新');
    now.addEventListener('click', () => {
      consented = true;
      now.disabled = true;
      now.textContent = t('正在更新…');
      worker.postMessage({ type: 'nianbao:skip-waiting' });
    });
    const later = document.createElement('button');
    later.id = 'update-later';
    later.type = 'button';
    later.textContent = t('稍后');
    later.addEventListener('click', () => bar.remove());
    bar.append(text, now, later);
    document.body.prepend(bar);
  }

  function watch(reg) {
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (!w) return;
      w.addEventListener('statechange', () => {
        if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
      });
    });
  }

  function start() {
    navigator.serviceWorker.register('sw.js').then((reg) => {
      watch(reg);
      askVersion();
      // Look for a new version when the page comes back into view, and hourly.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') reg.update().catch(() => {});
      });
      setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
    }).catch(() => {
      // No service worker (private mode, policies): the app still works online.
    });
  }

  if (document.readyState === 'complete') start();
  else addEventListener('load', start);
})();
