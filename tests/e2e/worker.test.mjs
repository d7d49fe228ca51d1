// The checker's Web Worker (src/bin/nianbao-web/worker.rs), in Debian's headless chromium:
// checks run off the page on the page's own wasm module; a long check shows its progress and
// can be cancelled; a panic — in the worker or on the page — loses nothing; a text too large
// for localStorage survives a reload; a browser without workers still checks.
//
// The panic and slow-check tests need dist-test/: the same app built with the cargo feature
// `test-panic` (scripts/test.sh builds it), whose worker panics on 【测试：检查器崩溃】 and takes
// ten seconds longer on 【测试：检查器变慢】, and whose page panics on 【测试：页面崩溃】. The
// release build in dist/ has none of them (checked below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, DIST, harness, newPage, seed, checkedCount, waitForRender, pasteReport, screenshot } from './lib.mjs';

const DIST_TEST = join(ROOT, 'dist-test');
const T = { timeout: 120_000 };
const NEEDS_TEST_BUILD = existsSync(join(DIST_TEST, 'index.html'))
  ? {}
  : { skip: 'dist-test/ not built (scripts/test.sh builds it with the feature test-panic)' };

const h = harness();
/** The app on `dir`, with the .wasm files it fetched recorded in `page.wasm`. */
async function open(dir = DIST) {
  const [browser, server] = await Promise.all([h.browser(), h.server(dir)]);
  const page = await newPage(browser);
  page.wasm = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) page.wasm.push(r.url());
  });
  await page.goto(server.url);
  await page.waitForSelector('#report-input', { timeout: 15_000 });
  await checkedCount(page);
  return { page, server };
}

const summary = (page) => page.locator('#summary').innerText();
const notice = (page) => page.locator('.notice').innerText();

/** Sets the text box the way a paste does (one input event), without playwright's slow typing. */
async function setText(page, text) {
  await page.evaluate((t) => {
    const el = document.querySelector('#report-input');
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
}

test('checks run in a worker on the page\'s own module: one wasm download, results drawn', T, async () => {
  const { page } = await open();
  assert.equal(page.workers().length, 1, 'one worker');
  assert.match(page.workers()[0].url(), /\/worker\.js$/);
  assert.match(await summary(page), /漳州市工业和信息化局 · 2020年度/);
  await pasteReport(page, seed('003'));
  assert.match(await summary(page), /2021年度/);
  assert.equal(page.wasm.length, 1, `the wasm is fetched once, by the page: ${page.wasm}`);
  // Typing after the check: the result follows the text.
  const before = await checkedCount(page);
  await page.locator('#report-input').press('End');
  await page.keyboard.type('。');
  await waitForRender(page, before);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the release build has no test trigger: the words are just text', T, async () => {
  const wasm = readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
  const bytes = readFileSync(join(DIST, wasm));
  for (const words of ['【测试：检查器崩溃】', '【测试：页面崩溃】', '【测试：检查器变慢】']) {
    assert.equal(bytes.indexOf(Buffer.from(words)), -1, `${words} in the release wasm`);
  }
  const { page } = await open();
  await pasteReport(page, `${seed('001')}\n【测试：检查器崩溃】`);
  assert.match(await summary(page), /错误 4/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a browser without Web Workers checks on the page', T, async () => {
  const page = await h.openApp({ init: () => { delete window.Worker; } });
  assert.equal(page.workers().length, 0);
  await pasteReport(page, seed('003'));
  assert.match(await summary(page), /2021年度/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a 5 MB report is checked, kept in IndexedDB (not localStorage) and back after a reload', T, async () => {
  const { page } = await open();
  const s = seed('001');
  const big = s.repeat(Math.ceil(5e6 / Buffer.byteLength(s)));
  const before = await checkedCount(page);
  await setText(page, big);
  await waitForRender(page, before, 30_000);
  assert.match(await summary(page), /漳州市工业和信息化局/);
  // The text view draws a stretch of it, and says so.
  assert.match(await page.locator('#source').innerText(), /后面还有 \d+ 字，未显示；全文都已检查/);
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('nianbao/where')) === 'idb', null, { timeout: 20_000 });
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao/text')), null);
  await page.reload();
  await page.waitForFunction((n) => document.querySelector('#report-input')?.value.length === n, big.length, { timeout: 30_000 });
  await checkedCount(page);
  assert.match(await summary(page), /漳州市工业和信息化局/);
  // A short text again: back in localStorage, the large copy dropped.
  await pasteReport(page, seed('003'));
  await page.waitForFunction(() => localStorage.getItem('nianbao/where') === null);
  assert.ok((await page.evaluate(() => localStorage.getItem('nianbao/text'))).includes('2021'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a panic in the worker: a plain message, the text kept, the worker restarted', { ...T, ...NEEDS_TEST_BUILD }, async () => {
  const { page } = await open(DIST_TEST);
  const text = `${seed('001')}\n【测试：检查器崩溃】`;
  await setText(page, text);
  await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('内部错误'), null, { timeout: 15_000 });
  const n = await notice(page);
  assert.match(n, /检查器遇到内部错误，这份报告没有检查完。您的文字仍在框里，没有丢失/);
  assert.match(n, /测试用的崩溃/, 'the panic message, for a bug report');
  assert.equal(await page.locator('#report-input').inputValue(), text);
  await page.waitForSelector('#recheck');
  await screenshot(page, 'worker-panic');
  // A new worker answers the next check.
  await pasteReport(page, seed('003'));
  assert.match(await summary(page), /2021年度/);
  assert.equal(page.workers().length, 1);
  assert.equal(page.wasm.length, 1, 'the new worker downloads nothing');
  await page.context().close();
});

test('a long check shows its progress and can be cancelled; the text stays', { ...T, ...NEEDS_TEST_BUILD }, async () => {
  const { page } = await open(DIST_TEST);
  const text = `${seed('001')}\n【测试：检查器变慢】`;
  await setText(page, text);
  await page.waitForSelector('#cancel-check', { timeout: 10_000 });
  await page.waitForFunction(() => /正在检查…（测试：变慢 \d+\/100，已用 \d+\.\d 秒）/.test(document.querySelector('#check-status').textContent));
  // The page answers while the worker is busy: typing elsewhere works at once.
  const t0 = Date.now();
  await page.locator('#previous-input').fill('上一年');
  assert.ok(Date.now() - t0 < 2_000, `typing took ${Date.now() - t0} ms during a check`);
  await screenshot(page, 'worker-progress');
  await page.locator('#previous-input').fill('');
  await page.click('#cancel-check');
  await page.waitForFunction(() => document.querySelector('.notice')?.textContent.includes('已取消检查'));
  assert.equal(await page.locator('#report-input').inputValue(), text);
  await page.waitForSelector('#recheck');
  await pasteReport(page, seed('003'));
  assert.match(await summary(page), /2021年度/);
  await page.context().close();
});

test('a panic on the page: the text saved, a reload offered, the text back after it', { ...T, ...NEEDS_TEST_BUILD }, async () => {
  const { page } = await open(DIST_TEST);
  const text = `${seed('002')}\n【测试：页面崩溃】`;
  await setText(page, text);
  await page.waitForSelector('#fatal', { timeout: 10_000 });
  const fatal = await page.locator('#fatal').innerText();
  assert.match(fatal, /页面出现内部错误，需要重新加载/);
  assert.match(fatal, /您输入的文字已保存在本机浏览器中/);
  assert.match(fatal, /测试用的页面崩溃/);
  await screenshot(page, 'page-panic', { fullPage: false });
  await page.click('#reload');
  await page.waitForFunction((t) => document.querySelector('#report-input')?.value === t, text, { timeout: 15_000 });
  await page.waitForSelector('#fatal', { state: 'detached' });
  await checkedCount(page);
  await page.context().close();
});

test('widget: a panic answers nianbao:error, and the next message is answered', { ...T, ...NEEDS_TEST_BUILD }, async () => {
  const widget = await h.serve(DIST_TEST);
  const host = await h.serve(DIST_TEST);
  const page = await newPage(await h.browser());
  await page.goto(`${host.url}demo-host.html?widget=${encodeURIComponent(widget.url)}`);
  await page.waitForSelector('body[data-widget-ready]', { timeout: 20_000 });
  const failed = await page.evaluate(() =>
    window.nianbaoWidget.check('2020年度报告\n【测试：检查器崩溃】').then(() => 'answered', (e) => e.message));
  assert.match(failed, /检查器遇到内部错误[\s\S]*测试用的崩溃/);
  const result = await page.evaluate((t) => window.nianbaoWidget.check(t), seed('001'));
  assert.equal(result.year, 2020);
  assert.ok(result.findings.some((f) => f.rule === 'T3-BALANCE'));
  await page.context().close();
});

test('cancelling a batch leaves the check of the text box alone', { ...T, ...NEEDS_TEST_BUILD }, async () => {
  const { page } = await open(DIST_TEST);
  await page.locator('#batch-pane > summary').click();
  // A batch whose first report keeps the worker busy for ten seconds.
  await page.locator('#batch-files').setInputFiles([
    { name: 'a-slow.txt', mimeType: 'text/plain', buffer: Buffer.from(`${seed('001')}\n【测试：检查器变慢】`) },
    { name: 'b.txt', mimeType: 'text/plain', buffer: Buffer.from(seed('002')) },
  ]);
  await page.waitForSelector('#batch-cancel');
  // Meanwhile the user pastes a report in the text box: its check waits behind the batch's.
  const before = await checkedCount(page);
  await setText(page, seed('003'));
  await page.waitForTimeout(500);
  await page.click('#batch-cancel');
  await page.waitForSelector('#batch-cancel', { state: 'detached' });
  // The text box's check was not cancelled: a new worker does it.
  await waitForRender(page, before, 15_000);
  assert.match(await summary(page), /2021年度/);
  const n = await page.locator('.notice').count();
  if (n) assert.doesNotMatch(await notice(page), /已取消检查/);
  await page.context().close();
});
