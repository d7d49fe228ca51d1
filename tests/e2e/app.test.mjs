// Browser tests of the web app (dist/, built by `trunk build --release --offline`) in Debian's
// headless chromium, driven by playwright-core. Run: node --test tests/e2e/
// Screenshots of each state go to tests/output/ (gitignored).
//
// The DOM contract tested here (the app, src/bin/nianbao-web/, keeps it):
//   #report-input        the textarea; input re-checks after a short debounce
//   <body data-checked>  a counter the app increments after each render of results
//   [data-table]         every table cell: data-table "2"|"3"|"4", data-row (template row label;
//                        "" in table 4), data-column (template column label), tabindex;
//                        data-severity "error"|"warning"|"info" when a finding touches it;
//                        data-culprit on a finding's most likely wrong cell
//   #findings            one element per finding with data-rule; a click focuses its cell
//   #load-example        loads the example report (seed 001)
//   #file-input          <input type=file>; files dropped anywhere on the page are read too
//                        (UTF-8, UTF-16 with BOM, GBK)
//   localStorage         the text survives a reload
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIXTURES, harness, newPage, screenshot, seed, pasteReport, checkedCount, waitForRender,
} from './lib.mjs';

const T = { timeout: 60_000 };
const GBK_FILE = join(FIXTURES, 'seed004-gbk.txt');
const GBK_TITLE = '薛城区工信局';

const cell = (table, row, column) =>
  `[data-table="${table}"][data-row="${row}"][data-column="${column}"]`;

const h = harness();
/** A fresh page (fresh localStorage) with the app loaded, mounted and its first check drawn. */
const openApp = () => h.openApp();

function assertNoPageErrors(page) {
  assert.deepEqual(page.errors, [], 'errors in the page (a panic, a failed load)');
}

describe('harness', () => {
  test('the page loads: index.html, its JS and the wasm (as application/wasm), no errors', T, async () => {
    const [browser, server] = await Promise.all([h.browser(), h.server()]);
    const page = await newPage(browser);
    const wasm = page.waitForResponse((r) => r.url().endsWith('.wasm'), { timeout: 15_000 });
    const response = await page.goto(server.url);
    assert.equal(response.status(), 200);
    const w = await wasm;
    assert.equal(w.status(), 200, w.url());
    assert.equal(w.headers()['content-type'], 'application/wasm');
    // trunk's loader sets window.wasmBindings once the module is instantiated.
    await page.waitForFunction(() => window.wasmBindings !== undefined, null, { timeout: 15_000 });
    await page.waitForTimeout(300); // let the first render happen
    await screenshot(page, '00-loaded');
    assertNoPageErrors(page);
    await page.context().close();
  });
});

describe('printing', () => {
  test('the 打印 button; on paper the summary, the findings and the tables, no buttons or text boxes', T, async () => {
    const page = await openApp();
    await pasteReport(page, seed('001'));
    assert.ok(await page.locator('#print').isVisible());
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['#report-input', '#print', '#load-example', '#previous-input', '#batch-pane', '#file-input']) {
      assert.equal(await page.locator(sel).isVisible(), false, `${sel} on paper`);
    }
    for (const sel of ['#summary', '#findings [data-rule]', '[data-table="3"]']) {
      assert.ok(await page.locator(sel).first().isVisible(), `${sel} not on paper`);
    }
    // The symbols carry the meaning in black and white: the culprit cell shows ✖ and ◆.
    assert.match(await page.locator('[data-culprit]').first().innerText(), /✖◆/);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10_000, `a printed PDF of ${pdf.length} bytes`);
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await page.locator('#report-input').isVisible());
    assertNoPageErrors(page);
    await page.context().close();
  });
});

describe('DOM contract', () => {
  test('the app mounts the paste area #report-input (a textarea)', T, async () => {
    const page = await openApp();
    assert.equal(await page.locator('#report-input').evaluate((e) => e.tagName), 'TEXTAREA');
    assert.equal(await page.locator('#file-input').getAttribute('type'), 'file');
    assert.match(await page.locator('#load-example').innerText(), /示例/);
    await screenshot(page, '01-empty');
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('seed 001: every cell carries data-table/row/column and is focusable', T, async () => {
    const page = await openApp();
    await pasteReport(page, seed('001'));
    await page.waitForSelector('[data-table]');
    const cells = await page.$$eval('[data-table]', (els) =>
      els.map((e) => ({
        table: e.dataset.table,
        row: e.getAttribute('data-row'),
        column: e.getAttribute('data-column'),
        severity: e.getAttribute('data-severity'),
        tabIndex: e.tabIndex,
      })),
    );
    const tables = new Set(cells.map((c) => c.table));
    assert.deepEqual([...tables].sort(), ['2', '3', '4'], 'cells of tables 2, 3 and 4');
    for (const c of cells) {
      assert.ok(c.row !== null, `a cell without data-row: ${JSON.stringify(c)}`);
      assert.ok(c.column, `a cell without data-column: ${JSON.stringify(c)}`);
      assert.ok(c.tabIndex >= 0, `a cell that cannot take focus: ${JSON.stringify(c)}`);
      assert.ok(c.severity === null || ['error', 'warning', 'info'].includes(c.severity), JSON.stringify(c));
      if (c.table === '4') assert.equal(c.row, '', `table 4 has one unlabelled row: ${JSON.stringify(c)}`);
      else assert.notEqual(c.row, '', JSON.stringify(c));
    }
    assert.ok(cells.some((c) => c.table === '3' && c.row === '（七）总计' && c.column === '自然人'));
    assert.ok(cells.some((c) => c.table === '4' && c.column === '行政复议/总计'));
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('seed 001: （七）总计 is an error and the culprit; clicking T3-BALANCE focuses it', T, async () => {
    const page = await openApp();
    await pasteReport(page, seed('001'));
    for (const column of ['自然人', '总计']) {
      const sel = cell(3, '（七）总计', column);
      await page.waitForSelector(sel);
      assert.equal(await page.getAttribute(sel, 'data-severity'), 'error', sel);
      assert.notEqual(await page.getAttribute(sel, 'data-culprit'), null, `${sel} has no data-culprit`);
    }
    const finding = page.locator('#findings [data-rule="T3-BALANCE"]').first();
    await finding.waitFor();
    assert.equal(await page.locator('#findings [data-rule="T3-BALANCE"]').count(), 2);
    await screenshot(page, '02-seed001');

    await finding.click();
    await page.waitForFunction(() => document.activeElement?.matches('[data-table]'), null, { timeout: 5_000 });
    // The page scrolls there smoothly (a11y.test.mjs: at once with prefers-reduced-motion).
    await page.waitForFunction(() => {
      const r = document.activeElement.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    }, null, { timeout: 5_000 }).catch(() => {});
    const active = await page.evaluate(() => {
      const e = document.activeElement;
      const r = e.getBoundingClientRect();
      return {
        table: e.dataset.table,
        row: e.dataset.row,
        column: e.dataset.column,
        culprit: e.hasAttribute('data-culprit'),
        visible: r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth,
      };
    });
    assert.equal(active.table, '3', JSON.stringify(active));
    assert.equal(active.row, '（七）总计', JSON.stringify(active));
    assert.ok(['自然人', '总计'].includes(active.column), JSON.stringify(active));
    assert.ok(active.culprit, `the focused cell is not the culprit: ${JSON.stringify(active)}`);
    assert.ok(active.visible, `the focused cell was not scrolled into view: ${JSON.stringify(active)}`);
    await screenshot(page, '03-seed001-finding-clicked', { fullPage: false }); // the viewport: the focused cell
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('seed 004: no cell is an error', T, async () => {
    const page = await openApp();
    await pasteReport(page, seed('004'));
    await page.waitForSelector('[data-table="3"]');
    assert.equal(await page.locator('[data-severity="error"]').count(), 0);
    await screenshot(page, '04-seed004');
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('示例 (#load-example) loads the example report, seed 001', T, async () => {
    const page = await openApp();
    const before = await checkedCount(page);
    await page.click('#load-example');
    await waitForRender(page, before);
    const value = await page.inputValue('#report-input');
    const firstLine = seed('001').split('\n').find((l) => l.trim());
    assert.ok(value.includes(firstLine.trim()), `the textarea does not hold seed 001 (first line ${firstLine})`);
    await page.waitForSelector(`${cell(3, '（七）总计', '自然人')}[data-severity="error"]`);
    await screenshot(page, '05-example');
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('#file-input reads a GBK file', T, async () => {
    const page = await openApp();
    const before = await checkedCount(page);
    await page.setInputFiles('#file-input', GBK_FILE);
    await waitForRender(page, before);
    await assertReadGbk(page);
    await screenshot(page, '06-file-input-gbk');
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('a GBK file dropped on the page reads correctly', T, async () => {
    const page = await openApp();
    const before = await checkedCount(page);
    const bytes = [...readFileSync(GBK_FILE)];
    await page.evaluate(({ bytes, name }) => {
      const file = new File([new Uint8Array(bytes)], name, { type: 'text/plain' });
      const dt = new DataTransfer();
      dt.items.add(file);
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    }, { bytes, name: '薛城区工信局2020年报-gbk.txt' });
    await waitForRender(page, before);
    await assertReadGbk(page);
    await screenshot(page, '07-drop-gbk');
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('the text survives a reload (localStorage)', T, async () => {
    const page = await openApp();
    const text = seed('002') + '\n（重新加载测试 / reload test）\n';
    await pasteReport(page, text);
    await page.waitForTimeout(500); // in case saving is debounced too
    await page.reload();
    await page.waitForSelector('#report-input');
    await page.waitForFunction(
      () => document.querySelector('#report-input').value.includes('（重新加载测试 / reload test）'),
      null,
      { timeout: 10_000 },
    ).catch(() => {});
    const value = await page.inputValue('#report-input');
    assert.equal(value.replace(/\r\n?/g, '\n'), text, 'the textarea lost its text on reload');
    await page.waitForSelector('[data-table="3"]');
    await screenshot(page, '08-after-reload');
    assertNoPageErrors(page);
    await page.context().close();
  });
});

async function assertReadGbk(page) {
  const value = await page.inputValue('#report-input');
  assert.ok(value.includes(GBK_TITLE), `GBK text not decoded: ${JSON.stringify(value.slice(0, 80))}`);
  assert.ok(!value.includes('\uFFFD'), 'U+FFFD in the text: decoded with the wrong encoding');
  const expected = seed('004').replaceAll('\u00a0', ' ').replace(/\r\n?/g, '\n');
  assert.equal(value.replace(/\r\n?/g, '\n').trim(), expected.trim());
}
