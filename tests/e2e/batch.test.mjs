// 批量检查 (src/bin/nianbao-web/batch.rs) in Debian's headless chromium: the five seeds and a
// truncated .docx picked together give six rows whose counts and cells are the CLI's; the CSV
// export is byte for byte what `nianbao check --format csv` writes for the same files; a report
// opens in the normal view and "回到批量检查" puts the user's own text back.
//
// The expected CSV comes from the CLI itself (`cargo run --bin nianbao`, built on first use),
// run on a temporary folder holding the same six files.
//
// Dropped folders (entries walked), a .zip of reports (a GBK name in it), files skipped and
// counted, a README that is no report, and why a report was left unpaired: each against what
// the CLI says for the same files (its CSV byte for byte, its summary and pairing lines).
//
// DOM contract: #batch-pane, #batch-files, #batch-folder (webkitdirectory), #batch-progress,
// #batch-cancel, #batch (tr[data-file][data-status][data-errors][data-warnings],
// th[data-column] sorts), #batch-only-errors, #batch-export-csv, #batch-export-json, #batch-back,
// #batch-summary (the CLI's summary line), #batch-pairing, #batch-unpaired li[data-file].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { crc32, deflateRawSync } from 'node:zlib';
import { mkdirSync } from 'node:fs';
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

/** `nianbao ARGS…` in a new folder holding `files` ({name, buffer}; a name may have folders):
 * { stdout, stderr }. */
function cli(files, args) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  for (const f of files) {
    mkdirSync(join(dir, f.name, '..'), { recursive: true });
    writeFileSync(join(dir, f.name), f.buffer);
  }
  const r = spawnSync(
    'cargo',
    ['run', '-q', '--manifest-path', join(ROOT, 'Cargo.toml'), '--bin', 'nianbao', '--', ...args],
    { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  assert.ok(r.status === 0 || r.status === 1, `the CLI failed (${r.status}): ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** A zip of `files` ({name, buffer, raw?}), stored without compression; `raw`: the name's own
 * bytes written with no UTF-8 flag (as a Chinese Windows writes GBK names). */
function zipOf(files) {
  const parts = [], central = [];
  let offset = 0;
  for (const f of files) {
    const name = f.raw ?? Buffer.from(f.name, 'utf8');
    const flags = f.raw ? 0 : 0x0800;
    const crc = crc32(f.buffer) >>> 0;
    const len = f.buffer.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(flags, 6);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(len, 18); local.writeUInt32LE(len, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, f.buffer);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(flags, 8);
    c.writeUInt32LE(crc, 16); c.writeUInt32LE(len, 20); c.writeUInt32LE(len, 24); c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + len;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** A zip of `files` ({name, buffer}), each deflated. */
function zipDeflated(files) {
  const parts = [], central = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const data = deflateRawSync(f.buffer, { level: 1 });
    const crc = crc32(f.buffer) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(f.buffer.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0); c.writeUInt16LE(20, 4); c.writeUInt16LE(20, 6); c.writeUInt16LE(0x0800, 8); c.writeUInt16LE(8, 10);
    c.writeUInt32LE(crc, 16); c.writeUInt32LE(data.length, 20); c.writeUInt32LE(f.buffer.length, 24); c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(files.length, 8); end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** `n` bytes of A, C, G and T, the same every run for a `seed`: they deflate to about 30%. */
function noise(n, seed) {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; b[i] = 'ACGT'.charCodeAt(x & 3); }
  return b;
}

/** The summary line the CLI writes on standard error ("汇总: …"). */
function summaryOf(stderr) {
  return stderr.split('\n').find((l) => l.startsWith('汇总: '));
}

/** Waits until the batch is done (the summary line is shown) and returns the rows' files. */
async function done(page) {
  await page.waitForSelector('#batch-summary', { timeout: 60_000 });
  return page.locator('#batch tbody tr[data-file]').evaluateAll((t) => t.map((e) => e.dataset.file));
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

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const README = readFileSync(join(ROOT, 'tests', 'corpus', 'README.md'));

test('a dropped folder: nested folders walked, a hidden file and an image skipped and counted, a README not checked', T, async () => {
  const files = [
    { name: '报告/县直/000.txt', buffer: Buffer.from(seed('000')) },
    { name: '报告/县直/001.txt', buffer: Buffer.from(seed('001')) },
    { name: '报告/乡镇/第2批/002.txt', buffer: Buffer.from(seed('002')) },
    { name: '报告/README.md', buffer: README },
    { name: '报告/扫描件.png', buffer: PNG },
    { name: '报告/.DS_Store', buffer: Buffer.from('\0\0\0\x01Bud1') },
  ];
  const expected = cli(files, ['check', '--format', 'csv', '报告']);
  const page = await h.openApp();
  // A folder dropped as the browser gives it: entries (webkitGetAsEntry), folders read through
  // createReader().readEntries in batches until an empty one, files through file().
  await page.evaluate((files) => {
    const root = { dirs: new Map(), files: [] };
    for (const [name, bytes] of files) {
      const parts = name.split('/');
      let d = root;
      for (const p of parts.slice(0, -1)) {
        if (!d.dirs.has(p)) d.dirs.set(p, { dirs: new Map(), files: [] });
        d = d.dirs.get(p);
      }
      d.files.push(new File([new Uint8Array(bytes)], parts.at(-1)));
    }
    const entry = (d, name, path) => ({
      isFile: false, isDirectory: true, name, fullPath: path,
      createReader() {
        const all = [
          ...[...d.dirs].map(([n, c]) => entry(c, n, `${path}/${n}`)),
          ...d.files.map((f) => ({ isFile: true, isDirectory: false, name: f.name, fullPath: `${path}/${f.name}`, file: (ok) => ok(f) })),
        ];
        let at = 0;
        return { readEntries(ok) { const batch = all.slice(at, at + 2); at += 2; setTimeout(() => ok(batch)); } };
      },
    });
    const top = entry(root.dirs.get('报告'), '报告', '/报告');
    const items = [{ kind: 'file', webkitGetAsEntry: () => top }];
    const ev = new DragEvent('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(ev, 'dataTransfer', { value: { items, files: null, types: ['Files'] } });
    document.querySelector('#batch-pane').dispatchEvent(ev);
  }, files.map((f) => [f.name, [...f.buffer]]));
  const rows = await done(page);
  assert.deepEqual(rows, ['报告/README.md', '报告/乡镇/第2批/002.txt', '报告/县直/000.txt', '报告/县直/001.txt']);
  assert.equal((await exported(page, '#batch-export-csv')).toString('utf8'), expected.stdout);
  assert.equal(await page.locator('#batch-summary').innerText(), summaryOf(expected.stderr));
  assert.match(await page.locator('#batch-summary').innerText(), /跳过 3 个（不像年度报告、未检查的 1 个，隐藏的文件或文件夹 1 个，不是文档（图片、程序、压缩包、音视频、表格和数据） 1 个）/);
  // The README: one warning, no errors, and its status says it was not checked.
  const readme = page.locator('#batch tr[data-file="报告/README.md"]');
  assert.equal(await readme.getAttribute('data-errors'), '0');
  assert.equal(await readme.getAttribute('data-warnings'), '1');
  assert.match(await readme.innerText(), /不像年报，未检查/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a .zip of the five seeds and an image: five rows, one skipped, a GBK name read', T, async () => {
  const seeds = SEED_FILES.map((f) => readFileSync(join(SEEDS_DIR, f)));
  const zip = zipOf([
    ...seeds.slice(0, 4).map((buffer, i) => ({ name: `各部门/${SEED_FILES[i]}`, buffer })),
    // "教育局.txt" in GBK, no UTF-8 flag.
    { name: '', raw: Buffer.from('bdccd3fdbed62e747874', 'hex'), buffer: seeds[4] },
    { name: '扫描件.png', buffer: PNG },
  ]);
  const expected = cli([{ name: '报告.zip', buffer: zip }], ['check', '--format', 'csv', '报告.zip']);
  const page = await h.openApp();
  await page.locator('#batch-pane > summary').click();
  await page.locator('#batch-files').setInputFiles([{ name: '报告.zip', mimeType: 'application/zip', buffer: zip }]);
  const rows = await done(page);
  assert.deepEqual(rows, [...SEED_FILES.slice(0, 4).map((f) => `报告.zip/各部门/${f}`), '报告.zip/教育局.txt']);
  assert.equal(await page.locator('#batch tr[data-status="checked"]').count(), 5);
  assert.equal((await exported(page, '#batch-export-csv')).toString('utf8'), expected.stdout);
  assert.equal(await page.locator('#batch-summary').innerText(), summaryOf(expected.stderr));
  assert.equal(await page.locator('#batch-summary').getAttribute('data-not-documents'), '1');
  // A zip cut in half: one row saying it cannot be opened.
  await page.locator('#batch-files').setInputFiles([{ name: '坏.zip', mimeType: 'application/zip', buffer: zip.subarray(0, zip.length >> 1) }]);
  await page.waitForSelector('#batch tr[data-file="坏.zip"][data-status="unreadable"]', { timeout: 60_000 });
  assert.match(await page.locator('#batch tr[data-file="坏.zip"]').innerText(), /压缩包打不开/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a .zip of ~20 MB is unpacked off the page: no main-thread task over 200 ms', T, async () => {
  // Seed 000 and 64 "images" of 1 MB each (PNG's signature, then text that deflates to a
  // third): 22 MB to read, 64 MB to inflate. Unpacked on the page, this took one task of
  // 0.8 s (measured on this machine before the unpacking moved into the worker).
  const PNG_SIG = PNG.subarray(0, 8);
  const zip = zipDeflated([
    { name: '各部门/000.txt', buffer: Buffer.from(seed('000')) },
    ...Array.from({ length: 64 }, (_, i) => ({ name: `扫描件/${i}.png`, buffer: Buffer.concat([PNG_SIG, noise(1 << 20, i + 1)]) })),
  ]);
  assert.ok(zip.length > 20 << 20, `${zip.length} bytes`);
  const page = await h.openApp();
  await page.locator('#batch-pane > summary').click();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push([Math.round(e.duration), e.startTime]);
    }).observe({ type: 'longtask' });
    document.addEventListener('change', () => { window.__change = performance.now(); }, true);
    // Every text the progress line shows, in order.
    window.__progress = [];
    new MutationObserver(() => {
      const t = document.querySelector('#batch-progress')?.textContent;
      if (t && t !== window.__progress.at(-1)) window.__progress.push(t);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.locator('#batch-files').setInputFiles([{ name: '大.zip', mimeType: 'application/zip', buffer: zip }]);
  assert.deepEqual(await done(page), ['大.zip/各部门/000.txt']);
  // While the zip unpacks, the progress line says so (not a blank pane), then counts the checks.
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.includes('正在解压 大.zip…'), progress.join(' | '));
  assert.equal(progress.at(-1), '已检查 1/1', progress.join(' | '));
  assert.equal(await page.locator('#batch tr[data-status="checked"]').count(), 1);
  assert.equal(await page.locator('#batch-summary').getAttribute('data-not-documents'), '64');
  // Playwright builds the picked file in the page in one long task, in which `change` fires
  // (the app's handler only starts reading the file then): the tasks begun after it are the app's.
  const [long, change] = await page.evaluate(() => [window.__long, window.__change]);
  const app = long.filter(([, start]) => start > change).map(([d]) => d);
  assert.ok(app.every((d) => d <= 200), `main-thread tasks while unpacking: ${app.join(', ')} ms`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a picked image and a hidden file are skipped and counted, not listed as unreadable', T, async () => {
  const files = [
    { name: '000.txt', mimeType: 'text/plain', buffer: Buffer.from(seed('000')) },
    { name: '截图.txt', mimeType: 'text/plain', buffer: PNG },
    { name: '照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('ffd8ffe0', 'hex') },
    { name: '.DS_Store', mimeType: 'application/octet-stream', buffer: Buffer.from('\0\0\0\x01Bud1') },
  ];
  const expected = cli(files, ['check', '--format', 'csv', '.']);
  const page = await h.openApp();
  await page.locator('#batch-pane > summary').click();
  await page.locator('#batch-files').setInputFiles(files);
  assert.deepEqual(await done(page), ['000.txt']);
  assert.equal(await page.locator('#batch-summary').innerText(), summaryOf(expected.stderr));
  assert.match(summaryOf(expected.stderr), /跳过 3 个（隐藏的文件或文件夹 1 个，不是文档（图片、程序、压缩包、音视频、表格和数据） 2 个）/);
  assert.equal(await page.locator('#batch tr[data-status="unreadable"]').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('why a report was left unpaired is shown, as the CLI prints it', T, async () => {
  const files = [
    { name: '000.txt', mimeType: 'text/plain', buffer: Buffer.from(seed('000')) },
    { name: 'template-2021-blank.docx', mimeType: 'application/octet-stream', buffer: readFileSync(join(ROOT, 'tests', 'corpus', 'template-2021-blank.docx')) },
  ];
  const { stderr } = cli(files, ['check', '--pairs', '--format', 'csv', '.']);
  const page = await h.openApp();
  await page.locator('#batch-pane > summary').click();
  await page.locator('#batch-files').setInputFiles(files);
  await done(page);
  const li = page.locator('#batch-unpaired li[data-file="template-2021-blank.docx"]');
  assert.equal(await li.innerText(), 'template-2021-blank.docx: 读不出报告年度，无法配对。');
  const lines = stderr.split('\n');
  assert.ok(lines.includes(`  ${await li.innerText()}`), stderr);
  const pairsLine = lines.find((l) => l.startsWith('配对: '));
  assert.equal(await page.locator('#batch-pairing > p').innerText(), pairsLine);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
