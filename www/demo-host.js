// The demo host page: embeds the widget (from ?widget=URL, default: this directory) with the
// one-line snippet of the README, and uses its message API. Results are shown as text only.
(function () {
  'use strict';
  var widget = new URLSearchParams(location.search).get('widget') || new URL('.', location.href).href;
  if (!/\/$/.test(widget)) widget += '/';
  var s = document.createElement('script');
  s.src = new URL('embed.js', widget).href;
  s.setAttribute('data-target', '#nianbao');
  if (new URLSearchParams(location.search).has('compact')) s.setAttribute('data-compact', '');
  s.onload = function () {
    var api = window.nianbaoWidget;
    var status = document.getElementById('host-status');
    var out = document.getElementById('host-result');
    api.ready.then(function () { status.textContent = '挂件已就绪。'; document.body.dataset.widgetReady = '1'; });
    api.iframe.addEventListener('nianbao:height', function (e) {
      document.getElementById('host-height').textContent = Math.round(e.detail) + ' px';
    });
    document.getElementById('host-send').addEventListener('click', function () {
      status.textContent = '检查中…';
      api.check(document.getElementById('host-text').value).then(function (r) {
        var lines = r.findings.map(function (f) {
          return '[' + f.rule + '] ' + f.message;
        });
        status.textContent = '收到结果：' + r.findings.length + ' 条。';
        out.dataset.rules = r.findings.map(function (f) { return f.rule; }).join(' ');
        out.textContent = lines.join('\n') || '未发现问题。';
      }, function (e) {
        status.textContent = '出错：' + e.message;
      });
    });
  };
  document.body.appendChild(s);
})();
