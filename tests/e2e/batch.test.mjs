// 批量检查 (src/bin/nianbao-web/batch.rs) in Debian's headless chromium: the five seeds and a
// truncated .docx picked together give six rows whose counts and cells are the CLI's; the CSV
// export is byte for byte what `nianbao check --format csv` writes for the same files; a report
// opens in the normal view and "回到批量检查" puts the user's own text back.
//
// The expected CSV comes from the CLI itself (`cargo run --bin nianbao`, built on first use),
// run on a temporary folder holding the same six files.
//
// DOM contract: #batch-pane, #batch-files, #batch-folder (webkitdirectory), #batch-progress,
// #batch-cancel, #batch (tr[data-file][data-status][data-errors][data-warnings],
// th[data-column] sorts), #batch-only-errors, #batch-export-csv, #batch-export-json, #batch-back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, SEEDS_DIR, FIXTURES, harness, seed, checkedCount, waitForRender, screenshot } from './lib.mjs';

const T = { timeout: 600_000 };
const h = harness();

const SEED_FILES = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
const BROKEN = 'broken.docx';
const brokenBytes = readFileSync(join(FIXTURES, 'office', '000.docx')).subarray(0, 1500);

/** `nianbao check --format csv [more…] .` in a new folder holding `files` ({name, buffer}). */
function cliCsv(files, more = []) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
  for (const f of files) writeFileSync(join(dir, f.name), f.buffer);
  const r = spawnSync(
    'cargo',
    ['run', '-q', '--manifest-path', join(ROOT, 'Cargo.toml'), '--bin', 'nianbao', '--', 'check', '--format', 'csv', ...more, '.'],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  assert.ok(r.status === 0 || r.status === 1, `the CLI failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** `nianbao rollup --format json PARENT CHILD…` in a new folder holding `files`, the first the parent. */
function cliRollup(files) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-rollup-'));
  for (const f of files) writeFileSync(join(dir, f.name), f.buffer);
  const r = spawnSync(
    'cargo',
    ['run', '-q', '--manifest-path', join(ROOT, 'Cargo.toml'), '--bin', 'nianbao', '--', 'rollup', '--format', 'json', ...files.map((f) => f.name)],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  assert.ok(r.status === 0 || r.status === 1, `the CLI failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Picks `files` on #batch-files and waits until every one is checked (and pairs compared). */
async function pick(page, files) {
  await page.locator('#batch-files').setInputFiles(files);
  await page.waitForFunction((n) => document.querySelector('#batch-progress')?.textContent === `已检查 ${n}/${n}`,
    files.length, { timeout: 60_000 });
  await page.waitForSelector('#batch-cancel', { state: 'detached' });
}

/** Downloads what `button` exports; returns its bytes. */
async function exported(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return readFileSync(await d.path());
}

/** Parses the CLI's CSV (RFC 4180 quoting, CRLF rows) into arrays of fields. */
function parseCsv(s) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r') {}
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

test('six files: the rows, the CSV export, opening a report and coming back', T, async () => {
  // Not in sorted order: the page sorts by relative path, as the CLI walks a folder.
  const files = [
    { name: BROKEN, mimeType: 'application/octet-stream', buffer: brokenBytes },
    ...SEED_FILES.slice().reverse().map((f) => ({
      name: f, mimeType: 'text/plain', buffer: readFileSync(join(SEEDS_DIR, f)),
    })),
  ];
  const expected = cliCsv(files);
  const cli = parseCsv(expected.replace(/^\uFEFF/, ''));
  const header = cli[0];
  const byFile = new Map(cli.slice(1).map((r) => [r[0], r]));
  assert.equal(byFile.size, 6, expected);

  const page = await h.openApp();
  // The user's own text, which opening a batch report must not lose.
  const mine = '我自己的报告草稿：某某局2023年政府信息公开工作年度报告';
  let before = await checkedCount(page);
  await page.locator('#report-input').fill(mine);
  await waitForRender(page, before);

  assert.notEqual(await page.locator('#batch-folder').getAttribute('webkitdirectory'), null);
  await page.locator('#batch-pane > summary').click();
  await pick(page, files);
  await screenshot(page, 'batch-01-checked');

  const rows = await page.locator('#batch tbody tr[data-file]').evaluateAll((trs) =>
    trs.map((tr) => ({
      file: tr.dataset.file,
      status: tr.dataset.status,
      errors: tr.dataset.errors,
      warnings: tr.dataset.warnings,
      cells: [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent),
    })));
  assert.equal(rows.length, 6);
  assert.deepEqual(rows.map((r) => r.file), [BROKEN, ...SEED_FILES].sort());
  const ths = await page.locator('#batch th[data-column]').evaluateAll((t) => t.map((e) => e.dataset.column));
  assert.deepEqual(ths, header);
  for (const r of rows) {
    const c = byFile.get(r.file);
    assert.ok(c, `no CLI row for ${r.file}`);
    assert.deepEqual(r.cells, c, `the row of ${r.file} is the CLI's`);
    if (r.file === BROKEN) {
      assert.equal(r.status, 'unreadable');
      assert.equal(r.errors, undefined);
      assert.match(r.cells[8], /^无法读取：.+/);
    } else {
      assert.equal(r.status, 'checked');
      assert.equal(r.errors, c[4], r.file);
      assert.equal(r.warnings, c[5], r.file);
    }
  }

  // The CSV export is the CLI's, byte for byte (with its byte-order mark).
  const bytes = await exported(page, '#batch-export-csv');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
  assert.equal(bytes.toString('utf8'), expected);
  // The JSON export: every checked report's JSON contract.
  const json = JSON.parse((await exported(page, '#batch-export-json')).toString('utf8'));
  assert.equal(json.length, 5);
  assert.deepEqual(json.map((r) => r.file), SEED_FILES);

  // Only the reports with errors; sorting by 错误 (numeric), descending on the second click.
  const withErrors = rows.filter((r) => Number(r.errors) > 0).length;
  await page.locator('#batch-only-errors').check();
  assert.equal(await page.locator('#batch tbody tr[data-file]').count(), withErrors);
  await page.locator('#batch-only-errors').uncheck();
  const col = page.locator('#batch th[data-column="错误"]');
  await col.click();
  await col.click();
  assert.equal(await col.getAttribute('aria-sort'), 'descending');
  const sorted = await page.locator('#batch tbody tr[data-file]').evaluateAll((t) => t.map((e) => e.dataset.errors));
  const nums = sorted.filter((e) => e !== undefined).map(Number);
  assert.deepEqual(nums, nums.slice().sort((a, b) => b - a));
  assert.equal(sorted.at(-1), undefined, 'the unreadable file (no count) last');

  // Opening a report shows it in the normal view, without saving it over the user's text.
  const seed1 = SEED_FILES.find((f) => f.startsWith('001_'));
  before = await checkedCount(page);
  await page.locator(`#batch tr[data-file="${seed1}"] button.open`).click();
  await waitForRender(page, before);
  assert.equal(await page.locator('#report-input').inputValue(), readFileSync(join(SEEDS_DIR, seed1), 'utf8'));
  const errors = Number(byFile.get(seed1)[4]);
  assert.ok(errors > 0);
  assert.equal(await page.locator('#findings [data-rule]').evaluateAll((e) => e.length) > 0, true);
  assert.match(await page.locator('#summary').innerText(), new RegExp(`错误 ${errors}`));
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('nianbao/text')));
  assert.equal(saved, mine, 'the user\'s saved text is not overwritten');
  await screenshot(page, 'batch-02-opened');

  before = await checkedCount(page);
  await page.locator('#batch-back').click();
  await waitForRender(page, before);
  assert.equal(await page.locator('#report-input').inputValue(), mine);
  assert.equal(await page.locator('#batch-back').count(), 0);
  assert.equal(await page.locator('#batch tbody tr[data-file]').count(), 6, 'the batch is still there');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('cancel stops the batch: the files left are listed as not checked', T, async () => {
  const page = await h.openApp();
  await page.locator('#batch-pane > summary').click();
  const text = readFileSync(join(SEEDS_DIR, SEED_FILES[0]));
  const files = Array.from({ length: 60 }, (_, i) => ({
    name: `r${String(i).padStart(3, '0')}.txt`, mimeType: 'text/plain', buffer: text,
  }));
  await page.locator('#batch-files').setInputFiles(files);
  await page.locator('#batch-cancel').click();
  await page.waitForSelector('#batch-cancel', { state: 'detached' });
  const statuses = await page.locator('#batch tbody tr[data-file]').evaluateAll((t) => t.map((e) => e.dataset.status));
  assert.equal(statuses.length, 60);
  assert.ok(statuses.includes('unreadable'), 'some files were left unchecked');
  assert.ok(!statuses.includes('waiting'));
  // The page goes on checking the user's text after a cancel.
  const before = await checkedCount(page);
  await page.locator('#report-input').fill('某某局2023年政府信息公开工作年度报告');
  await waitForRender(page, before);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** Seed 000 (石狮, 2020) made last year's, carrying `carried` forward (as tests/batch.rs). */
function lastYearOf000(carried) {
  return seed('000')
    .replace('2020 年政府信息公开工作年度报告', '2019 年政府信息公开工作年度报告')
    .replace('从 2020 年 1 月 1 日至 2020 年 12 月 31 日', '从 2019 年 1 月 1 日至 2019 年 12 月 31 日')
    .replace('四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0',
      `四、结转下年度继续办理\t\t${carried}\t0\t0\t0\t0\t0\t${carried}`);
}

test('pairs: one agency\'s two years are compared, their findings in this year\'s row as the CLI counts them', T, async () => {
  const page = await h.openApp();
  await page.locator('#batch-pane > summary').click();
  for (const carried of [0, 2]) {
    const last = lastYearOf000(carried);
    assert.notEqual(last, seed('000'));
    const files = [
      { name: '2020-石狮.txt', mimeType: 'text/plain', buffer: Buffer.from(seed('000')) },
      { name: '2019-石狮.txt', mimeType: 'text/plain', buffer: Buffer.from(last) },
      { name: '2020-薛城.txt', mimeType: 'text/plain', buffer: Buffer.from(seed('004')) },
    ];
    const expected = cliCsv(files, ['--pairs']);
    await pick(page, files);
    await page.waitForSelector('#batch tr[data-file="2020-石狮.txt"][data-previous="2019-石狮.txt"]');
    assert.equal(await page.locator('#batch tr[data-previous]').count(), 1);
    assert.equal((await exported(page, '#batch-export-csv')).toString('utf8'), expected);
    const row = page.locator('#batch tr[data-file="2020-石狮.txt"]');
    const codes = await row.locator('td').nth(8).innerText();
    assert.equal(codes.split(' ').includes('P-CARRY-OVER'), carried > 0, codes);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the batch survives a reload (its files in IndexedDB), until it is cleared', T, async () => {
  const page = await h.openApp();
  await page.locator('#batch-pane > summary').click();
  const files = SEED_FILES.map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(join(SEEDS_DIR, f)) }));
  await pick(page, files);
  const rows = () => page.locator('#batch tbody tr[data-file]').evaluateAll((t) =>
    t.map((e) => [e.dataset.file, e.dataset.errors, e.dataset.warnings]));
  const first = await rows();
  // Saved asynchronously: give IndexedDB a moment.
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#batch-progress')?.textContent === '已检查 5/5', null, { timeout: 60_000 });
  await page.waitForSelector('#batch-cancel', { state: 'detached' });
  assert.match(await page.locator('#batch-note').innerText(), /已恢复上次选择的 5 份报告/);
  assert.deepEqual(await rows(), first);
  await page.locator('#batch-clear').click();
  assert.equal(await page.locator('#batch').count(), 0);
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector('#report-input');
  await checkedCount(page);
  await page.waitForTimeout(500);
  assert.equal(await page.locator('#batch').count(), 0, 'a cleared batch stays cleared');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('roll-up: a report chosen as the sum of the others, cell by cell, as `nianbao rollup` gives it', T, async () => {
  const page = await h.openApp();
  await page.locator('#batch-pane > summary').click();
  const text = (n) => Buffer.from(seed(n));
  // The parent is seed 000; its parts: itself (本级) and seed 001, whose figures it lacks.
  const files = [
    { name: '0-汇总.txt', mimeType: 'text/plain', buffer: text('000') },
    { name: '1-本级.txt', mimeType: 'text/plain', buffer: text('000') },
    { name: '2-下级.txt', mimeType: 'text/plain', buffer: text('001') },
  ];
  const expected = cliRollup(files);
  const cli = JSON.parse(expected);
  assert.ok(cli.summary.differing > 0);
  await pick(page, files);
  await page.locator('#batch-rollup-parent').selectOption('0-汇总.txt');
  const box = page.locator('#batch-rollup');
  await box.waitFor();
  assert.equal(await box.getAttribute('data-differing'), String(cli.summary.differing));
  assert.equal(await box.getAttribute('data-compared'), String(cli.summary.compared));
  const cells = await box.locator('tbody tr').evaluateAll((t) => t.map((e) => [
    Number(e.dataset.table), e.dataset.row, e.dataset.column, e.dataset.differs === 'true',
  ]));
  assert.deepEqual(cells, cli.cells.map((c) => [c.table, c.row ?? '', c.column, c.differs]));
  assert.equal((await exported(page, '#batch-export-rollup')).toString('utf8'), expected);
  await screenshot(page, 'batch-03-rollup');
  // Back to no roll-up.
  await page.locator('#batch-rollup-parent').selectOption('');
  assert.equal(await page.locator('#batch-rollup').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('files dropped on the pane make a batch', T, async () => {
  const page = await h.openApp();
  const before = await page.locator('#report-input').inputValue();
  const texts = SEED_FILES.slice(0, 3).map((f) => [f, readFileSync(join(SEEDS_DIR, f), 'utf8')]);
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const [name, text] of files) dt.items.add(new File([text], name, { type: 'text/plain' }));
    return dt;
  }, texts);
  await page.dispatchEvent('#batch-pane', 'drop', { dataTransfer: dt });
  await page.waitForFunction(() => document.querySelector('#batch-progress')?.textContent === '已检查 3/3', null, { timeout: 60_000 });
  const files = await page.locator('#batch tbody tr[data-file]').evaluateAll((t) => t.map((e) => e.dataset.file));
  assert.deepEqual(files, SEED_FILES.slice(0, 3));
  assert.equal(await page.locator('#report-input').inputValue(), before, 'the drop did not replace the text');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
