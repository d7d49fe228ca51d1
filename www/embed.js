// 年报检查器挂件 / the checker as a widget on another site's page.
//
//   <div id="nianbao"></div>
//   <script src="https://YOUR-SITE/tools/nianbao/embed.js" data-target="#nianbao" async></script>
//
// Attributes of the <script>: data-target (a CSS selector; default: right after the script),
// data-compact (one column, for narrow containers), data-height (starting height in px,
// default 640), data-lang ("en": the widget's interface and findings in English; default
// Chinese). The iframe grows and shrinks with its content.
//
// From the host page's own JavaScript:
//
//   const widget = await window.nianbaoWidget.ready;       // the widget has loaded
//   const result = await window.nianbaoWidget.check(text); // the core's JSON contract
//   result.findings.forEach((f) => console.log(f.rule, f.message));
//   const page = await window.nianbaoWidget.checkHtml(html); // a web page, read by its tables
//   const file = await window.nianbaoWidget.checkFile(await f.arrayBuffer()); // .docx, .html, .txt, PDF
//
// Messages go only to the widget's origin and are accepted only from the iframe's window at
// that origin. The check runs inside the widget, in this browser: nothing is uploaded.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var base = new URL('.', script.src);
  var widgetOrigin = base.origin;
  var params = new URLSearchParams({ embed: '1', host: location.origin });
  if (script.hasAttribute('data-compact')) params.set('compact', '1');
  var lang = script.getAttribute('data-lang');
  if (lang === 'en' || lang === 'zh') params.set('lang', lang);

  var iframe = document.createElement('iframe');
  iframe.src = new URL('index.html?' + params.toString(), base).href;
  iframe.title = lang === 'en' ? 'Annual report checker (government information disclosure)' : '政府信息公开工作年度报告检查器';
  iframe.style.width = '100%';
  iframe.style.border = '0';
  iframe.style.display = 'block';
  iframe.style.height = (parseInt(script.getAttribute('data-height'), 10) || 640) + 'px';
  // Files can be dropped on it; the clipboard is read from paste events (no permission).
  var target = script.getAttribute('data-target');
  var place = target && document.querySelector(target);
  if (place) place.appendChild(iframe);
  else script.parentNode.insertBefore(iframe, script.nextSibling);

  var pending = new Map();
  var nextId = 1;
  var resolveReady;
  var ready = new Promise(function (ok) { resolveReady = ok; });

  window.addEventListener('message', function (e) {
    if (e.origin !== widgetOrigin || e.source !== iframe.contentWindow) return;
    var d = e.data || {};
    if (d.type === 'nianbao:ready') {
      resolveReady(api);
    } else if (d.type === 'nianbao:height' && typeof d.height === 'number' && d.height > 0) {
      iframe.style.height = Math.ceil(d.height) + 'px';
      iframe.dispatchEvent(new CustomEvent('nianbao:height', { detail: d.height }));
    } else if ((d.type === 'nianbao:result' || d.type === 'nianbao:error') && pending.has(d.id)) {
      var p = pending.get(d.id);
      pending.delete(d.id);
      if (d.type === 'nianbao:result') p.ok(d.result);
      else p.fail(new Error(d.message));
    }
  });

  function send(what) {
    return ready.then(function () {
      return new Promise(function (ok, fail) {
        var id = nextId++;
        pending.set(id, { ok: ok, fail: fail });
        var msg = { type: 'nianbao:check', id: id };
        if ('text' in what) msg.text = what.text;
        else if ('html' in what) msg.html = what.html;
        else msg.bytes = what.bytes;
        iframe.contentWindow.postMessage(msg, widgetOrigin);
      });
    });
  }

  var api = {
    iframe: iframe,
    ready: ready,
    /** Checks `text` in the widget (which also shows it); resolves with the JSON contract. */
    check: function (text) {
      return send({ text: String(text) });
    },
    /** Checks a web page's HTML (its tables read cell by cell); resolves with the JSON contract. */
    checkHtml: function (html) {
      return send({ html: String(html) });
    },
    /**
     * Checks a file's bytes (an ArrayBuffer or a Uint8Array: .docx, .html, .txt or PDF, told by
     * content); resolves with the JSON contract, or rejects with the reason it cannot be read.
     */
    checkFile: function (bytes) {
      return send({ bytes: bytes });
    },
  };
  window.nianbaoWidget = api;
})();
