// The web app in English, in Debian's headless chromium:
//
// - `?lang=en` with seed 001: the interface in English, and the same findings as in Chinese
//   (rule codes, their order and their fingerprints), their messages and explanations in
//   English; the page's visible text holds no Chinese outside the report's own text (the text
//   box, 原文识别情况), the template's tables (their labels are the template's own), the
//   language switch (each language named in itself) and quoted words (“（七）总计”, an
//   agency's name: English prose quotes the template's labels and the report's words);
// - the switch in the header changes the language at once, re-checks without touching the
//   text, is remembered over a reload (localStorage `nianbao/lang`), and `?lang=` wins over it;
//   `<html lang>` follows;
// - the first visit fetches neither en.json nor the English engine (dist/engine/), which come
//   only when English is asked for; the service worker's precache list holds both;
// - axe-core finds nothing with English on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, harness, newPage, seed, checkedCount, pasteReport, screenshot } from './lib.mjs';

const T = { timeout: 120_000 };
const h = harness();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const TITLE_EN = 'Checker for annual reports on government information disclosure';

/** A page of the app at `query` ("?lang=en", "") with its first check drawn. */
async function open(query = '', context = {}) {
  const [b, s] = await Promise.all([h.browser(), h.server()]);
  const page = await newPage(b, context);
  await page.goto(s.url + query);
  await page.waitForSelector('#report-input', { timeout: 15_000 });
  await checkedCount(page);
  return page;
}

/** Waits until the interface is in English (the table has arrived) and the findings are. */
async function english(page) {
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, TITLE_EN, { timeout: 15_000 });
  await page.waitForFunction(() => {
    const m = document.querySelector('#findings [data-rule] .f-msg');
    return document.documentElement.lang === 'en' && m && !/[\u4e00-\u9fff]/.test(m.textContent.replace(/“[^”]*”/g, ''));
  }, null, { timeout: 15_000 });
}

/** The findings drawn: rule code and fingerprint of each, in order. */
const findings = (page) =>
  page.locator('#findings [data-rule]').evaluateAll((els) => els.map((e) => `${e.dataset.rule} ${e.dataset.fingerprint}`));

/** `s` without text in “…”, 「…」 and 《…》. */
const unquoted = (s) => s.replace(/“[^”]*”/g, ' ').replace(/「[^」]*」/g, ' ').replace(/《[^》]*》/g, ' ');

/**
 * The page's visible text, without the report's own text, the template's tables and the
 * language switch; every finding opened first (its explanation drawn).
 */
async function visibleText(page) {
  return page.evaluate(() => {
    const skip = ['#report-input', '#source', '.tables-pane table', '#source-tables table', '.lang-switch', '#previous-input',
      // A finding's quote of the report (原文), its words as they are.
      '.f-src span', '.f-src mark'];
    const clone = document.body.cloneNode(true);
    for (const sel of skip) for (const e of clone.querySelectorAll(sel)) e.remove();
    // Expected and found may be the report's own words ("123833092元"): checked apart.
    const values = [...clone.querySelectorAll('.f-ef b')].map((e) => e.textContent);
    for (const e of clone.querySelectorAll('.f-ef b')) e.remove();
    for (const e of clone.querySelectorAll('script, style, noscript, textarea')) e.remove();
    // innerText needs layout: put the clone in the page, out of sight.
    clone.style.position = 'absolute';
    clone.style.left = '-99999px';
    document.documentElement.append(clone);
    const text = clone.innerText;
    clone.remove();
    // Placeholders and labels read out too.
    const attrs = [...document.querySelectorAll('[placeholder], [aria-label], [title]')]
      .filter((e) => !e.closest('.tables-pane table, #source-tables table, #source'))
      .flatMap((e) => ['placeholder', 'aria-label', 'title'].map((a) => e.getAttribute(a)).filter(Boolean));
    return { text: `${text}\n${attrs.join('\n')}`, values };
  });
}

test('?lang=en: the interface and seed 001\'s findings in English, the same findings as in Chinese', T, async () => {
  const zh = await open();
  await pasteReport(zh, seed('001'));
  const inChinese = await findings(zh);
  assert.ok(inChinese.length >= 5, `seed 001 has findings: ${inChinese}`);
  assert.equal(await zh.evaluate(() => document.documentElement.lang), 'zh-CN');
  await zh.context().close();

  const page = await open('?lang=en');
  await pasteReport(page, seed('001'));
  await english(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.title(), 'Annual report checker (government information disclosure)');
  // The same rules, in the same order, with the same fingerprints (review marks carry over).
  assert.deepEqual(await findings(page), inChinese);
  // Each finding chosen in turn (its explanation drawn): the page's text checked each time.
  const report = seed('001');
  const all = await page.locator('#findings li.finding').all();
  assert.equal(all.length, inChinese.length);
  for (const f of all) {
    await f.click();
    await page.waitForSelector('#findings li.finding.chosen .f-explain');
    const { text, values } = await visibleText(page);
    assert.match(text, /Full text of the report/);
    assert.match(text, /✖ Errors \d+/);
    // Expected and found: English, or the report's own words.
    for (const v of values) {
      for (const run of unquoted(v).match(new RegExp(CJK.source + '+', 'gu')) ?? []) {
        assert.ok(report.includes(run), `“${run}” of “${v}” is neither English nor the report's words`);
      }
    }
    const left = unquoted(text).split('\n').filter((l) => CJK.test(l));
    assert.deepEqual(left, [], 'Chinese outside the report text, the template tables and quotes');
  }
  await screenshot(page, '80-english-seed001');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the switch: at once, the text kept, remembered over a reload; ?lang= wins; <html lang> follows', T, async () => {
  const page = await open();
  await pasteReport(page, seed('001'));
  const text = await page.inputValue('#report-input');
  const inChinese = await findings(page);
  assert.equal(await page.locator('label[for=lang]').count(), 1, 'the switch is labelled');
  await page.focus('#lang');
  await page.selectOption('#lang', 'en');
  await english(page);
  assert.equal(await page.inputValue('#report-input'), text, 'the text is not touched');
  assert.deepEqual(await findings(page), inChinese);
  assert.equal(await page.evaluate(() => localStorage.getItem('nianbao/lang')), '"en"');
  await page.reload();
  await page.waitForSelector('#report-input');
  await english(page);
  assert.equal(await page.inputValue('#lang'), 'en');
  // The address wins over the remembered choice.
  const url = new URL(page.url());
  url.searchParams.set('lang', 'zh');
  await page.goto(url.href);
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && document.querySelector('h1')?.textContent === '政府信息公开工作年度报告检查');
  await checkedCount(page);
  assert.equal(await page.inputValue('#lang'), 'zh');
  // Back to Chinese by the switch: the findings in Chinese again.
  await page.selectOption('#lang', 'en');
  await english(page);
  await page.selectOption('#lang', 'zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('#findings [data-rule]')?.textContent ?? ''));
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh', 'the address follows the switch');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the first visit fetches neither en.json nor the English engine; English fetches both', T, async () => {
  // Without the service worker, whose background precache fetches every file on purpose.
  const requests = [];
  const page = await open('', { serviceWorkers: 'block' });
  const seen = () => requests.map((u) => new URL(u).pathname);
  page.context().on('request', (r) => requests.push(r.url()));
  await pasteReport(page, seed('001'));
  const first = seen();
  assert.ok(!first.some((p) => p.endsWith('/en.json') || p.includes('/engine/')), `first visit: ${first}`);
  await page.selectOption('#lang', 'en');
  await english(page);
  const after = seen();
  assert.ok(after.some((p) => p.endsWith('/en.json')), `en.json fetched: ${after}`);
  assert.ok(after.some((p) => p.endsWith('/engine/nianbao_bg.wasm')), `the English engine fetched: ${after}`);
  await page.context().close();
  // Offline too, once the service worker has kept them.
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[.*\]);/)[1]);
  for (const f of ['en.json', 'engine/nianbao.js', 'engine/nianbao_bg.wasm']) {
    assert.ok(precache.some((p) => p.replace(/^\.\//, '') === f), `${f} precached: ${precache}`);
  }
});

test('axe-core finds nothing with English on', T, async () => {
  const page = await open('?lang=en', { bypassCSP: true });
  await pasteReport(page, seed('001'));
  await english(page);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  assert.deepEqual(violations, []);
  await page.context().close();
});

test('in English: a damaged PDF is refused in English, and two reports that cannot be paired say why in English', T, async () => {
  const page = await open('?lang=en');
  await pasteReport(page, seed('001'));
  await english(page);
  // Read by the PDF module in the worker, which says what is wrong with it in English.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File([new TextEncoder().encode('%PDF-1.7\n1 0 obj\n')], 'report.pdf'));
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  });
  await page.waitForFunction(() => /^Cannot read the file “report\.pdf”/.test(document.querySelector('.notice')?.textContent ?? ''), null, { timeout: 15_000 });
  const notice = await page.locator('.notice').innerText();
  assert.ok(!CJK.test(unquoted(notice)), notice);
  assert.match(await page.inputValue('#report-input'), /漳州市工业和信息化局/, 'the text is kept');
  // The same report in both boxes: the same year, not two consecutive ones.
  await page.locator('#previous-input').fill(seed('001'));
  await page.waitForSelector('#pair-problem');
  await page.waitForFunction(() => /both reports for 2020/.test(document.querySelector('#pair-problem')?.textContent ?? ''), null, { timeout: 15_000 });
  const problem = await page.locator('#pair-problem').innerText();
  assert.ok(!CJK.test(unquoted(problem)), problem);
  assert.match(problem, /“the report above” and “last year's report”/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Drops a file named `name` holding `bytes` (an array of numbers) on the page. */
async function drop(page, name, bytes) {
  await page.evaluate(([n, b]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], n));
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, [name, bytes]);
}

// An old Word file (its OLE signature) and a PNG, refused on the page.
const OLD_DOC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(56).fill(0)];

test('in English: a .doc, a picture and an empty file are refused in English; the text is kept', T, async () => {
  const page = await open('?lang=en');
  await pasteReport(page, seed('001'));
  await english(page);
  const cases = [
    ['report.doc', OLD_DOC, /This is an old Word \(\.doc\), WPS \(\.wps\) or Excel \(\.xls\) file/],
    ['scan.png', PNG, /This is a picture: its text cannot be read/],
    ['empty.txt', [], /The input is empty/],
  ];
  for (const [name, bytes, reason] of cases) {
    await drop(page, name, bytes);
    const notice = page.locator('.notice');
    // The Chinese reason may show for the moment the English engine takes.
    await page.waitForFunction(([n, r]) => {
      const t = document.querySelector('.notice')?.textContent ?? '';
      return t.startsWith(`Cannot read the file “${n}”: `) && new RegExp(r).test(t);
    }, [name, reason.source], { timeout: 15_000 });
    const text = await notice.innerText();
    assert.match(text, reason);
    assert.ok(!CJK.test(unquoted(text)), text);
    assert.match(await page.inputValue('#report-input'), /漳州市工业和信息化局/, 'the text is kept');
  }
  // In Chinese the same file is refused in Chinese, with no English engine asked.
  const zh = await open('');
  const asked = [];
  zh.on('request', (r) => { if (/\/engine\//.test(r.url())) asked.push(r.url()); });
  await drop(zh, 'report.doc', OLD_DOC);
  await zh.waitForFunction(() => /^无法读取文件“report\.doc”：这是一个旧版 Word/.test(document.querySelector('.notice')?.textContent ?? ''), null, { timeout: 15_000 });
  assert.deepEqual(asked, []);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(zh.errors, []);
  await page.context().close();
  await zh.context().close();
});

test('in English without the English engine (offline before it was kept): said plainly, checked in Chinese', T, async () => {
  const [b, s] = await Promise.all([h.browser(), h.server()]);
  const page = await newPage(b, { serviceWorkers: 'block' });
  await page.context().route('**/engine/**', (r) => r.abort('internetdisconnected'));
  await page.goto(s.url + '?lang=en');
  await page.waitForSelector('#report-input', { timeout: 15_000 });
  await checkedCount(page);
  await pasteReport(page, seed('001'));
  await page.waitForFunction(() => /The English checker could not be used/.test(document.querySelector('.notice')?.textContent ?? ''), null, { timeout: 15_000 });
  // The interface in English, the findings in Chinese: the same ones.
  assert.equal(await page.locator('h1').innerText(), TITLE_EN);
  const rules = await page.locator('#findings [data-rule]').evaluateAll((els) => els.map((e) => e.dataset.rule));
  assert.ok(rules.includes('T3-BALANCE'), `${rules}`);
  assert.match(await page.locator('#findings [data-rule] .f-msg').first().innerText(), /[\u4e00-\u9fff]/);
  // A refused file keeps its Chinese reason (the page's own), not a blank or a failure.
  await drop(page, 'report.doc', OLD_DOC);
  await page.waitForFunction(() => /^Cannot read the file “report\.doc”: 这是一个旧版 Word/.test(document.querySelector('.notice')?.textContent ?? ''), null, { timeout: 15_000 });
  assert.match(await page.inputValue('#report-input'), /漳州市工业和信息化局/, 'the text is kept');
  await page.context().close();
});
