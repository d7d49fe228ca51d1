// Browser tests of reading real table structure (issue: HTML and .docx): a paste event that
// carries text/html, a .docx dropped on the page, a .docx picked, an .html file in GBK, hostile
// pasted HTML, and what the user is told for .doc and PDF files. Real headless chromium, the
// built app (dist/), the fixtures of tests/fixtures/office/ (made from the seeds by
// tests/office_fixtures.rs).
//
// DOM contract added for source tables (src/bin/nianbao-web/grids.rs):
//   #source-tables                     present when the input had tables (HTML, .docx)
//   table[data-source-table=N]         the Nth source table (0-based)
//   td[data-src-row][data-src-col]     a source cell (0-based grid position), with
//                                      data-severity / data-culprit / data-read
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, FIXTURES, harness, screenshot, checkedCount, waitForRender } from './lib.mjs';

const T = { timeout: 60_000 };
const OFFICE = join(FIXTURES, 'office');
const cell = (table, row, column) =>
  `[data-table="${table}"][data-row="${row}"][data-column="${column}"]`;

const h = harness();

async function openApp() {
  const page = await h.openApp();
  // Start from an empty box, as a user who clears the example before pasting.
  const before = await checkedCount(page);
  await page.click('#clear-input');
  await waitForRender(page, before);
  return page;
}

/** Dispatches a paste event on the textarea whose clipboard carries `html` and `text`. */
async function pasteHtml(page, html, text) {
  const before = await checkedCount(page);
  const prevented = await page.evaluate(({ html, text }) => {
    const ta = document.querySelector('#report-input');
    ta.focus();
    const dt = new DataTransfer();
    dt.setData('text/html', html);
    dt.setData('text/plain', text);
    const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
    ta.dispatchEvent(e);
    return e.defaultPrevented;
  }, { html, text });
  await waitForRender(page, before);
  return prevented;
}

/** Drops (or picks) a file on the page. */
async function dropFile(page, path, name, type) {
  const before = await checkedCount(page);
  const bytes = [...readFileSync(path)];
  await page.evaluate(({ bytes, name, type }) => {
    const file = new File([new Uint8Array(bytes)], name, { type });
    const dt = new DataTransfer();
    dt.items.add(file);
    for (const t of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, { bytes, name, type });
  await waitForRender(page, before);
}

/** The source cell in the row of source table `table` whose first text cell says `label`. */
async function sourceCell(page, label, col) {
  return page.evaluate(({ label, col }) => {
    for (const tr of document.querySelectorAll('#source-tables tr')) {
      const cells = [...tr.querySelectorAll('td')];
      if (!cells.some((td) => td.textContent.trim() === label)) continue;
      const td = cells.find((c) => c.dataset.srcCol === String(col));
      if (td) {
        return {
          severity: td.dataset.severity ?? null,
          culprit: td.hasAttribute('data-culprit'),
          read: td.hasAttribute('data-read'),
          text: td.textContent.trim(),
          table: td.closest('table').dataset.sourceTable,
        };
      }
    }
    return null;
  }, { label, col });
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('HTML and .docx in the browser', () => {
  test('a dropped PDF is read by the PDF module, which is fetched only then', T, async () => {
    const requests = [];
    const page = await openApp();
    page.context().on('request', (r) => requests.push(new URL(r.url()).pathname));
    assert.ok(!requests.some((p) => p.includes('/pdf/')), 'nothing of the PDF module before a PDF comes');
    const pdf = join(ROOT, 'tests', 'corpus', 'pdf', '001.pdf');
    await dropFile(page, pdf, '年报.pdf', 'application/pdf');
    const notice = await page.locator('.notice').innerText();
    assert.match(notice, /已读取文件“年报\.pdf”（PDF，\d+ 张表格）/, notice);
    assert.ok(requests.some((p) => p.endsWith('/pdf/nianbao_pdf_bg.wasm')), `the module was fetched: ${requests}`);
    // Seed 001's real mistakes, read from its PDF's cells.
    const rules = await page.locator('#findings [data-rule]').evaluateAll((els) => els.map((e) => e.dataset.rule));
    assert.ok(rules.includes('T3-BALANCE'), `findings: ${rules}`);
    await page.waitForSelector('#source-tables table[data-source-table]');
    // The PDF's tables say which pages they are on.
    const captions = await page.locator('#source-tables figcaption').allInnerTexts();
    assert.ok(captions.some((c) => /原文第 \d+ 个表格（第 \d+(–\d+)? 页）/.test(c)), `captions: ${captions}`);
    assert.match(await page.inputValue('#report-input'), /漳州市工业和信息化局/);
    await screenshot(page, '45-drop-pdf-seed001');
    // Ruled tables are the source's own: no table is marked inferred.
    assert.equal(await page.locator('#source-tables table[data-inferred]').count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a PDF whose tables have no ruling lines: its tables inferred, said so, the errors still found', T, async () => {
    const page = await openApp();
    await dropFile(page, join(ROOT, 'tests', 'corpus', 'pdf', '001-borderless.pdf'), '无框线.pdf', 'application/pdf');
    await page.waitForSelector('#source-tables table[data-inferred="true"]');
    const rules = await page.locator('#findings [data-rule]').evaluateAll((els) => els.map((e) => e.dataset.rule));
    assert.ok(rules.includes('T3-BALANCE') && rules.includes('T3-RESULT-TOTAL'), `findings: ${rules}`);
    assert.ok(!rules.includes('L-UNREAD'), `every row read: ${rules}`);
    const captions = await page.locator('#source-tables figcaption').allInnerTexts();
    assert.ok(captions.some((c) => c.includes('原文没有表格线，行和列是按文字的位置推断的')), `captions: ${captions}`);
    // The culprit cell is marked on the inferred table too.
    assert.ok(await page.locator('#source-tables table[data-inferred] td.sev-error').count() > 0);
    await page.locator('#source-tables table[data-inferred] td.sev-error').first().scrollIntoViewIfNeeded();
    await screenshot(page, '46-drop-pdf-borderless');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a paste carrying text/html (seed 001 as a web page) is read from its tables', T, async () => {
    const page = await openApp();
    const html = readFileSync(join(OFFICE, '001.html'), 'utf8');
    const prevented = await pasteHtml(page, html, 'plain text that must not be used');
    assert.ok(prevented, 'the app handles the HTML paste itself');
    const value = await page.inputValue('#report-input');
    assert.ok(!value.includes('plain text that must not be used'), 'text/plain was used instead of text/html');
    assert.ok(value.includes('政府信息公开工作年度报告'), value.slice(0, 200));
    assert.ok(!value.includes('<td'), 'markup in the text box');
    // The same arithmetic error as the text version, on the template table and on the source table.
    for (const column of ['自然人', '总计']) {
      const sel = cell(3, '（七）总计', column);
      await page.waitForSelector(sel);
      assert.equal(await page.getAttribute(sel, 'data-severity'), 'error', sel);
      assert.notEqual(await page.getAttribute(sel, 'data-culprit'), null, sel);
    }
    await page.waitForSelector('#source-tables table[data-source-table]');
    const src = await sourceCell(page, '（七）总计', 3); // 自然人: the 4th grid column of table 3
    assert.ok(src, 'the row （七）总计 of the source table');
    assert.equal(src.severity, 'error', JSON.stringify(src));
    assert.ok(src.culprit, JSON.stringify(src));
    assert.ok(src.read, JSON.stringify(src));
    assert.match(await page.locator('.notice').innerText(), /表格结构/);
    await screenshot(page, '40-paste-html-seed001');
    // Clicking the marked source cell selects its finding in the list.
    await page.locator('#source-tables td[data-culprit]').first().click();
    await page.waitForSelector('#findings [data-rule="T3-BALANCE"][aria-current="true"]', { timeout: 5_000 });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a .docx dropped on the page (seed 004, merged cells) reads every cell', T, async () => {
    const page = await openApp();
    await dropFile(page, join(OFFICE, '004.docx'), '薛城区工信局2020年报.docx', DOCX);
    await page.waitForSelector('#source-tables table[data-source-table]');
    const notice = await page.locator('.notice').innerText();
    assert.match(notice, /Word 文档/, notice);
    // Table 3 of the official layout: the group cell 三、本年度办理结果 spans all result rows.
    const span = await page.evaluate(() => {
      const td = [...document.querySelectorAll('#source-tables td')].find((c) => c.textContent.trim() === '三、本年度办理结果');
      return td ? Number(td.getAttribute('rowspan')) : null;
    });
    assert.ok(span >= 20, `三、本年度办理结果 spans ${span} rows`);
    // Seed 004 has no arithmetic error; every template cell of table 3 was read.
    assert.equal(await page.locator('[data-table][data-severity="error"]').count(), 0);
    const missing = await page.$$eval('[data-table="3"]', (els) => els.filter((e) => /未找到|无法确定|无法拆分/.test(e.textContent)).length);
    assert.equal(missing, 0, 'cells of table 3 not read');
    await screenshot(page, '41-drop-docx-seed004');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a .docx with an arithmetic error marks the source cell (seed 001 picked with #file-input)', T, async () => {
    const page = await openApp();
    const before = await checkedCount(page);
    await page.setInputFiles('#file-input', join(OFFICE, '001.docx'));
    await waitForRender(page, before);
    await page.waitForSelector(`${cell(3, '（七）总计', '自然人')}[data-severity="error"]`);
    const src = await sourceCell(page, '（七）总计', 3);
    assert.equal(src?.severity, 'error', JSON.stringify(src));
    await screenshot(page, '42-pick-docx-seed001');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('an .html file in GBK (<meta charset="gbk">) is decoded and read', T, async () => {
    const page = await openApp();
    await dropFile(page, join(OFFICE, '004-gbk.html'), '年报.html', 'text/html');
    const value = await page.inputValue('#report-input');
    assert.ok(value.includes('薛城区工信局'), value.slice(0, 120));
    assert.ok(!value.includes('\uFFFD'), 'decoded with the wrong encoding');
    await page.waitForSelector('#source-tables table[data-source-table]');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('typing in the text keeps the tables it does not touch, and a reload keeps them', T, async () => {
    const page = await openApp();
    const html = readFileSync(join(OFFICE, '001.html'), 'utf8');
    await pasteHtml(page, html, '');
    const n = await page.locator('#source-tables table[data-source-table]').count();
    assert.ok(n >= 3, `${n} source tables`);
    // Type at the very start (the title line): no table is touched.
    const before = await checkedCount(page);
    await page.locator('#report-input').press('Control+Home');
    await page.keyboard.type('（草稿）');
    await waitForRender(page, before);
    assert.equal(await page.locator('#source-tables table[data-source-table]').count(), n);
    await page.waitForTimeout(300);
    await page.reload();
    await page.waitForSelector('#report-input');
    await page.waitForSelector('#source-tables table[data-source-table]', { timeout: 10_000 });
    assert.equal(await page.locator('#source-tables table[data-source-table]').count(), n);
    assert.ok((await page.inputValue('#report-input')).startsWith('（草稿）'));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('what an earlier version saved under the old raw keys is still there after a reload', T, async () => {
    // Earlier versions wrote raw strings: the text under nianbao.text, the document with its
    // grids (JSON) under nianbao.doc, last year's report under nianbao.previous.
    const page = await openApp();
    await pasteHtml(page, readFileSync(join(OFFICE, '001.html'), 'utf8'), '');
    const n = await page.locator('#source-tables table[data-source-table]').count();
    const [text, doc] = await page.evaluate(() => [
      JSON.parse(localStorage.getItem('nianbao/text')),
      localStorage.getItem('nianbao/doc'),
    ]);
    assert.ok(text.length > 1000 && JSON.parse(doc).tables.length === n, 'saved by this version');
    await page.evaluate(({ text, doc }) => {
      localStorage.clear();
      localStorage.setItem('nianbao.text', text);
      localStorage.setItem('nianbao.doc', doc);
      localStorage.setItem('nianbao.previous', '上一年度的报告');
    }, { text, doc });
    await page.reload();
    await page.waitForFunction((t) => document.querySelector('#report-input')?.value === t, text, { timeout: 15_000 });
    await page.waitForSelector('#source-tables table[data-source-table]', { timeout: 10_000 });
    assert.equal(await page.locator('#source-tables table[data-source-table]').count(), n, 'the grids came along');
    assert.equal(await page.inputValue('#previous-input'), '上一年度的报告');
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('nianbao')).sort());
    assert.deepEqual(keys, ['nianbao/doc', 'nianbao/previous', 'nianbao/text'], 'moved to the new keys, the old ones gone');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('pasted HTML is data: scripts, handlers and javascript: URLs do nothing', T, async () => {
    const page = await openApp();
    const server = await h.server();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const evil = `<html><head><script>window.__pwned = 'script';</script>
      <link rel="stylesheet" href="${server.origin}/evil.css">
      <style>body { display: none }</style></head><body>
      <img src="${server.origin}/evil.png">
      <div style="background: url(${server.origin}/evil-bg.png)">背景</div>
      <p>某局2021年政府信息公开工作年度报告</p>
      <img src="x" onerror="window.__pwned = 'onerror'">
      <svg onload="window.__pwned = 'svg'"></svg>
      <p><a href="javascript:window.__pwned='href'" id="evil-link">链接</a></p>
      <iframe src="javascript:parent.__pwned='iframe'"></iframe>
      <table><tr><td onmouseover="window.__pwned='td'"><b id="evil-b">规章</b><script>window.__pwned='in-table'</script></td><td>1</td></tr></table>
      <p onclick="window.__pwned='p'">一、总体情况</p></body></html>`;
    await pasteHtml(page, evil, '');
    await page.waitForTimeout(500);
    // Hover and click everything the paste could have produced.
    for (const sel of ['#source-tables td', '#source pre', '#report-input']) {
      const loc = page.locator(sel).first();
      if (await loc.count()) {
        await loc.hover().catch(() => {});
        await loc.click().catch(() => {});
      }
    }
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null, 'something from the pasted HTML ran');
    const injected = await page.evaluate(() =>
      document.querySelectorAll('#evil-link, #evil-b, img[src="x"], iframe, svg[onload], [onerror], [onmouseover], [onclick]').length);
    assert.equal(injected, 0, 'elements from the pasted HTML are in the page');
    const value = await page.inputValue('#report-input');
    assert.ok(value.includes('链接') && value.includes('规章'), value);
    assert.ok(!value.includes('__pwned') && !value.includes('javascript'), value);
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).display), 'none', 'a pasted <style> applied');
    assert.deepEqual(requests.filter((u) => u.includes('evil')), [], 'the pasted HTML made the browser fetch something');
    await screenshot(page, '43-paste-hostile-html');
    // The browser's parser (DOMParser) builds an inert document: nothing in it runs or
    // loads. Chromium still reports the inline handlers and styles it met there as blocked
    // by the app's Content-Security-Policy; those reports are all the console may hold.
    const other = page.errors.filter((e) => !/Content Security Policy directive .*The action has been blocked/.test(e));
    assert.deepEqual(other, []);
    await page.context().close();
  });

  test('.doc files and a damaged PDF get plain advice, and the text already there is kept', T, async () => {
    const page = await openApp();
    const keep = '我已经粘贴的年报文字\n一、总体情况\n';
    const before = await checkedCount(page);
    await page.locator('#report-input').fill(keep);
    await waitForRender(page, before);
    const cases = [
      { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0], name: '年报.doc', want: /另存为.*docx/ },
      // Read by the PDF module in the worker, which says what is wrong with it.
      { bytes: [...Buffer.from('%PDF-1.7\n1 0 obj\n')], name: '年报.pdf', want: /PDF 文件不完整/ },
    ];
    for (const c of cases) {
      await page.evaluate(({ bytes, name }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name));
        document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
      }, c);
      await page.waitForFunction(
        (n) => document.querySelector('.notice')?.textContent.includes(n) && !document.querySelector('.notice').textContent.includes('正在读取'),
        c.name,
        { timeout: 15_000 },
      );
      const notice = await page.locator('.notice').innerText();
      assert.match(notice, c.want, notice);
      assert.equal(await page.inputValue('#report-input'), keep, 'the text was lost');
    }
    await screenshot(page, '44-doc-pdf-advice');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
