// Reviewing findings in the page (src/bin/nianbao-web/review.rs, findings.rs): marks 已核实 /
// 忽略 with a note, kept per report in localStorage by fingerprint, and the exports.
//
// DOM contract tested here:
//   #findings [data-rule]        data-fingerprint; [data-action=confirm], [data-action=dismiss]
//                                buttons; data-review "confirmed"|"dismissed" when marked;
//                                data-dismissed when dismissed (folded: no message); the note
//                                [data-action=note] once marked
//   #dismissed-count             "已忽略 N 项" in the summary, whose counts leave those out
//   #export-marks                the marks file (read by `nianbao check --ignore`)
//   #export-csv, #export-json    the findings as CSV (UTF-8 with BOM) and the JSON contract
//
// Seed 001 has four errors (T3-BALANCE, T3-RESULT-TOTAL on 自然人 and 总计) and a warning.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  ROOT, OUTPUT, SEEDS_DIR, harness, seed, pasteReport, checkedCount, waitForRender, screenshot,
} from './lib.mjs';

const T = { timeout: 120_000 };
const h = harness();
const KEY = 'nianbao/review/漳州市工业和信息化局/2020';
const ERRORS = [
  'T3-BALANCE:t3/自然人',
  'T3-BALANCE:t3/总计',
  'T3-RESULT-TOTAL:t3/（七）总计/自然人',
  'T3-RESULT-TOTAL:t3/（七）总计/总计',
];
const finding = (fp) => `#findings [data-fingerprint="${fp}"]`;

function assertNoPageErrors(page) {
  assert.deepEqual(page.errors, [], 'errors in the page (a panic, a failed load)');
}

async function openWithSeed() {
  const page = await h.openApp();
  await pasteReport(page, seed('001'));
  return page;
}

async function reload(page) {
  await page.reload();
  await page.waitForSelector('#report-input');
  await page.waitForFunction(() => document.querySelectorAll('#findings [data-rule]').length > 0, null, { timeout: 15_000 });
}

/** Clicks `button` (a selector) and waits for the page to redraw the list. */
async function click(page, selector) {
  await page.locator(selector).click();
}

async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** The seed-001 file in tests/seeds/. */
function seedFile(n) {
  return join(SEEDS_DIR, readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${n}_`) && f.endsWith('.txt')));
}

/** Seed 001 with a sentence added after the heading of section 1. */
function seedWithSentence() {
  const text = seed('001');
  const at = text.indexOf('\n', text.indexOf('总体情况'));
  return `${text.slice(0, at)}\n本机关还组织了政府信息公开工作培训，进一步规范了办理流程。${text.slice(at)}`;
}

describe('review marks', () => {
  test('dismiss a finding: it folds away, the counts leave it, it survives a reload and an unrelated edit', T, async () => {
    const page = await openWithSeed();
    const fp = ERRORS[0];
    assert.equal(await page.locator('#findings [data-rule]').count(), 5);
    assert.equal(await page.locator(`${finding(fp)} .f-msg`).count(), 1);
    assert.match(await page.locator('#summary').innerText(), /错误 4/);
    assert.equal(await page.locator('#dismissed-count').count(), 0);

    await click(page, `${finding(fp)} [data-action=dismiss]`);
    const f = page.locator(finding(fp));
    assert.equal(await f.getAttribute('data-dismissed'), '');
    assert.equal(await f.getAttribute('data-review'), 'dismissed');
    assert.equal(await page.locator(`${finding(fp)} .f-msg`).count(), 0, 'folded: no message');
    assert.equal(await page.locator('#dismissed-count').innerText(), '已忽略 1 项');
    assert.match(await page.locator('#summary').innerText(), /错误 3/);
    // The button did not choose the finding.
    assert.equal(await page.locator('#findings .chosen').count(), 0);
    const kept = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), KEY));
    assert.deepEqual(kept, { [fp]: { mark: 'dismissed' } });
    await screenshot(page, 'review-01-dismissed');

    await reload(page);
    assert.equal(await page.locator(finding(fp)).getAttribute('data-dismissed'), '');
    assert.equal(await page.locator('#dismissed-count').innerText(), '已忽略 1 项');

    // An edit elsewhere (a sentence in section 1): every span moves, the mark stays.
    await pasteReport(page, seedWithSentence());
    assert.match(await page.locator('#report-input').inputValue(), /进一步规范了办理流程/);
    assert.equal(await page.locator(finding(fp)).getAttribute('data-dismissed'), '');
    assert.equal(await page.locator('#dismissed-count').innerText(), '已忽略 1 项');
    assert.match(await page.locator('#summary').innerText(), /错误 3/);

    // Undone with the same button, by keyboard.
    await page.locator(`${finding(fp)} [data-action=dismiss]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => !document.querySelector(s).hasAttribute('data-dismissed'), finding(fp));
    assert.equal(await page.locator('#dismissed-count').count(), 0);
    assert.match(await page.locator('#summary').innerText(), /错误 4/);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('confirm a finding with a note: kept across a reload', T, async () => {
    const page = await openWithSeed();
    const fp = 'L-AMBIGUOUS:t2/政府集中采购';
    assert.equal(await page.locator(`${finding(fp)} [data-action=note]`).count(), 0, 'no note before a mark');
    await click(page, `${finding(fp)} [data-action=confirm]`);
    assert.equal(await page.locator(finding(fp)).getAttribute('data-review'), 'confirmed');
    assert.equal(await page.locator(finding(fp)).getAttribute('data-dismissed'), null);
    assert.match(await page.locator(finding(fp)).innerText(), /已核实/);
    // Typing a space in the note neither chooses the finding nor is swallowed.
    await page.locator(`${finding(fp)} [data-action=note]`).pressSequentially('采购 金额已向财政局核实');
    assert.equal(await page.locator('#findings .chosen').count(), 0);
    // Confirmed findings still count.
    assert.match(await page.locator('#summary').innerText(), /警告 1/);
    await reload(page);
    assert.equal(await page.locator(finding(fp)).getAttribute('data-review'), 'confirmed');
    assert.equal(await page.locator(`${finding(fp)} [data-action=note]`).inputValue(), '采购 金额已向财政局核实');
    // The note input has a visible label.
    assert.match(await page.locator(`${finding(fp)} label.f-note`).innerText(), /备注/);
    assertNoPageErrors(page);
    await page.context().close();
  });
});

describe('exports', () => {
  test('the marks file, read by nianbao check --ignore: the formats match', T, async () => {
    const page = await openWithSeed();
    for (const fp of ERRORS) await click(page, `${finding(fp)} [data-action=dismiss]`);
    await click(page, `${finding(ERRORS[0])} [data-action=dismiss]`); // undone …
    await click(page, `${finding(ERRORS[0])} [data-action=dismiss]`); // … and done again
    await page.locator(`${finding(ERRORS[0])} [data-action=note]`).fill('已与申请台账核对，报告无误');
    await click(page, `${finding('L-AMBIGUOUS:t2/政府集中采购')} [data-action=confirm]`);
    assert.equal(await page.locator('#dismissed-count').innerText(), '已忽略 4 项');
    const { name, bytes } = await download(page, '#export-marks');
    assert.equal(name, '复核记录-漳州市工业和信息化局-2020.txt');
    const text = bytes.toString('utf8');
    assert.match(text, /# 机关：漳州市工业和信息化局；年度：2020；共 5 项（忽略 4 项，已核实 1 项）/);
    const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
    assert.deepEqual(lines.map((l) => l.split('\t')[0]).sort(), [...ERRORS, 'L-AMBIGUOUS:t2/政府集中采购'].sort());
    assert.ok(lines.includes(`${ERRORS[0]}\t忽略\t已与申请台账核对，报告无误`), text);

    mkdirSync(OUTPUT, { recursive: true });
    const file = join(OUTPUT, 'review-marks.txt');
    writeFileSync(file, bytes);
    const cli = (args) => spawnSync('cargo', ['run', '--quiet', '--bin', 'nianbao', '--', 'check', ...args], {
      cwd: ROOT, encoding: 'utf8',
    });
    const without = cli([seedFile('001')]);
    assert.equal(without.status, 1, without.stderr);
    const withMarks = cli(['--ignore', file, seedFile('001')]);
    assert.equal(withMarks.status, 0, withMarks.stderr + withMarks.stdout);
    assert.match(withMarks.stdout, /错误 0、警告 1、提示 0 · 已忽略 4 项/);
    assert.match(withMarks.stdout, /忽略 错误\[T3-BALANCE\] 表三 \/ 自然人: .*（备注：已与申请台账核对，报告无误）/);
    assertNoPageErrors(page);
    await page.context().close();
  });

  test('#export-csv: BOM, header, a line a finding with its mark; #export-json: the contract with the marks', T, async () => {
    const page = await openWithSeed();
    await click(page, `${finding(ERRORS[1])} [data-action=dismiss]`);
    await page.locator(`${finding(ERRORS[1])} [data-action=note]`).fill('说明, 带逗号');
    await click(page, `${finding(ERRORS[2])} [data-action=confirm]`);

    const csv = await download(page, '#export-csv');
    assert.equal(csv.name, '检查结果-漳州市工业和信息化局-2020.csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const rows = csv.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    assert.equal(rows[0], '规则,级别,表,行,列,问题,应为,实为,最可能出错的格,复核,备注,问题编号');
    assert.equal(rows.length - 1, await page.locator('#findings [data-rule]').count());
    const row = (fp) => rows.find((r) => r.endsWith(`,${fp}`));
    assert.match(row(ERRORS[1]), /^T3-BALANCE,错误,表三,,总计,.*,忽略,"说明, 带逗号",/);
    assert.match(row(ERRORS[2]), /^T3-RESULT-TOTAL,错误,表三,（七）总计,自然人,.*,表三 （七）总计 × 自然人,已核实,,/);
    assert.match(row('L-AMBIGUOUS:t2/政府集中采购'), /^L-AMBIGUOUS,警告,表二,政府集中采购,,.*,,,/);

    const json = await download(page, '#export-json');
    assert.equal(json.name, '检查结果-漳州市工业和信息化局-2020.json');
    const j = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(j.agency, '漳州市工业和信息化局');
    assert.equal(j.findings.length, 5);
    const by = Object.fromEntries(j.findings.map((f) => [f.fingerprint, f]));
    assert.deepEqual(by[ERRORS[1]].review, { mark: 'dismissed', note: '说明, 带逗号' });
    assert.deepEqual(by[ERRORS[2]].review, { mark: 'confirmed' });
    assert.equal(by[ERRORS[0]].review, undefined);
    assert.equal(j.summary.ignored, 1);
    assert.equal(j.summary.errors, 4);
    // The same JSON as the CLI's, but for the marks and the file name.
    const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'nianbao', '--', 'check', '--format', 'json', seedFile('001')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const cli = JSON.parse(run.stdout);
    for (const f of j.findings) delete f.review;
    delete j.summary.ignored;
    assert.deepEqual({ ...j, file: cli.file }, cli);
    assertNoPageErrors(page);
    await page.context().close();
  });
});
