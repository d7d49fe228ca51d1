// Browser test of the two-report view (src/bin/nianbao-web/pair.rs): last year's report in the
// second box. DOM contract: #previous-input, #pair-problem, #pair-findings [data-rule],
// #copied-share[data-share], .passage rows, #pair-ok.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, screenshot, seed, pasteReport } from './lib.mjs';

const T = { timeout: 60_000 };
const h = harness();

/** Seed 000 (2020) made into a 2019 report of the same agency, carrying `carried` forward. */
function lastYearOf000(carried) {
  const forward = carried
    ? `四、结转下年度继续办理\t\t${carried}\t0\t0\t0\t0\t0\t${carried}`
    : '四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0';
  return seed('000')
    .replace('2020 年政府信息公开工作年度报告', '2019 年政府信息公开工作年度报告')
    .replace('从 2020 年 1 月 1 日至 2020 年 12 月 31 日', '从 2019 年 1 月 1 日至 2019 年 12 月 31 日')
    .replace('四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0', forward);
}

async function setPrevious(page, text) {
  await page.locator('#previous-input').fill(text);
}

test('two reports: carry-over checked per column, copied text shown side by side, order either way', T, async () => {
  const page = await h.openApp();
  await pasteReport(page, seed('000'));

  // A consistent pair: nothing between the years, but the text is last year's verbatim.
  await setPrevious(page, lastYearOf000(0));
  await page.waitForSelector('#pair-result');
  let rules = await page.locator('#pair-findings [data-rule]').evaluateAll((els) => els.map((e) => e.dataset.rule));
  assert.ok(!rules.includes('P-CARRY-OVER'), `consistent pair: ${rules}`);
  const share = Number(await page.getAttribute('#copied-share', 'data-share'));
  assert.ok(share > 0.9, `copied share ${share}`);
  assert.ok((await page.locator('.passage').count()) > 0);

  // Last year carried 2 applications forward; this year's 二、上年结转 says 0.
  await setPrevious(page, lastYearOf000(2));
  await page.waitForFunction(() => document.querySelector('#pair-findings [data-rule="P-CARRY-OVER"]'));
  const carry = await page.locator('#pair-findings [data-rule="P-CARRY-OVER"]').allTextContents();
  assert.equal(carry.length, 2, carry.join('\n'));
  assert.ok(carry.some((t) => t.includes('自然人')) && carry.some((t) => t.includes('总计')), carry.join('\n'));
  await screenshot(page, 'pair');

  // Swapped: last year's in the main box. The years decide, and the page says so.
  await pasteReport(page, lastYearOf000(2));
  await setPrevious(page, seed('000'));
  await page.waitForFunction(() => document.querySelectorAll('#pair-findings [data-rule="P-CARRY-OVER"]').length === 2);
  assert.match(await page.textContent('.pair-years'), /上面大框里的是上一年度的报告/);

  // Two reports of the same year cannot be compared: a plain message, no findings.
  await setPrevious(page, lastYearOf000(2));
  await page.waitForSelector('#pair-problem');
  assert.match(await page.textContent('#pair-problem'), /都是2019年度的报告/);

  // The second box survives a reload.
  await page.reload();
  await page.waitForSelector('#previous-input');
  assert.equal(await page.inputValue('#previous-input'), lastYearOf000(2));
  assert.deepEqual(page.errors, []);
});
