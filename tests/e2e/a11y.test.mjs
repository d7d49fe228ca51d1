// Accessibility of the web app in Debian's headless chromium:
//
// - axe-core (every rule it runs by default: WCAG 2.x A/AA and best practices, colour contrast
//   included) finds nothing on the page with seed 001 loaded as a .docx (the text, the
//   template tables, the source tables; before and after a finding is chosen), with the pair
//   pane comparing two reports, with the batch view after a few files are checked, in the
//   widget (?embed=1) and in a phone-sized window;
// - every control is reached by Tab, each with a visible focus ring;
// - the findings list is one Tab stop, walked with ArrowUp/ArrowDown/Home/End; Enter on a
//   finding moves focus to its culprit cell, whose accessible description (aria-describedby,
//   as Chromium's accessibility tree computes it) is the finding's message; keys typed into a
//   control inside a finding stay that control's;
// - a marked source-table cell and the batch table's sort headers work from the keyboard;
// - the scroll to a finding's cell is smooth, and instant with prefers-reduced-motion.
//
// axe runs injected into the page: the built page's Content-Security-Policy allows no script
// but its own, so these pages are opened with the context option bypassCSP (tests only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SEEDS, harness, newPage, seed, checkedCount, waitForRender, pasteReport, screenshot } from './lib.mjs';

const T = { timeout: 120_000 };
const h = harness();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const OFFICE = join(FIXTURES, 'office');

/** The app with axe-core's script allowed in (see the file's comment). */
const openApp = (context = {}) => h.openApp({ context: { bypassCSP: true, ...context } });

/** The app with seed 001 picked as a .docx: its text, template tables and source tables. */
async function openSeed001(context) {
  const page = await openApp(context);
  const before = await checkedCount(page);
  await page.setInputFiles('#file-input', join(OFFICE, '001.docx'));
  await waitForRender(page, before);
  await page.waitForSelector('#source-tables table[data-source-table] td[data-culprit]');
  return page;
}

/** axe-core's violations on the page as it is now, one line each (empty: none). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
  return violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.slice(0, 3).join(' | ')}`);
}

/** The rules axe ran on the page (to show the run covered what it should). */
const axeRules = (page) => page.evaluate(async () => (await window.axe.run(document)).passes.map((p) => p.id));

/** Focus on the finding of `rule` (the first), the way the keyboard reaches it. */
async function focusFinding(page, rule) {
  await page.locator(`#findings [data-rule="${rule}"]`).first().focus();
}

test('axe: no violations with seed 001 loaded (text, tables, source tables), before and after choosing a finding', T, async () => {
  const page = await openSeed001();
  assert.deepEqual(await axeViolations(page), []);
  const rules = await axeRules(page);
  for (const id of ['color-contrast', 'list', 'region', 'landmark-one-main', 'scrollable-region-focusable', 'empty-table-header', 'aria-allowed-role']) {
    assert.ok(rules.includes(id), `axe did not check ${id}: ${rules}`);
  }
  // The live regions announce a line, never the findings list (which a choice redraws).
  const live = await page.evaluate(() => [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')]
    .map((e) => ({ id: e.id, list: !!e.querySelector('#findings, .finding') })));
  assert.ok(live.some((l) => l.id === 'summary'), JSON.stringify(live));
  assert.deepEqual(live.filter((l) => l.list), [], 'a live region holds the findings list');
  // A finding chosen (its explanation open, its cells marked) and a cell focused (its note shown).
  await focusFinding(page, 'T3-BALANCE');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('td[data-culprit]'));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('axe: no violations with the pair pane comparing two reports', T, async () => {
  const page = await openApp();
  await pasteReport(page, seed('000'));
  // Seed 000 made into the same agency's report of the year before, which carried 2 forward.
  const lastYear = seed('000')
    .replace('2020 年政府信息公开工作年度报告', '2019 年政府信息公开工作年度报告')
    .replace('从 2020 年 1 月 1 日至 2020 年 12 月 31 日', '从 2019 年 1 月 1 日至 2019 年 12 月 31 日')
    .replace('四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0', '四、结转下年度继续办理\t\t2\t0\t0\t0\t0\t0\t2');
  await page.locator('#previous-input').fill(lastYear);
  await page.waitForSelector('#pair-findings [data-rule="P-CARRY-OVER"]');
  await page.waitForSelector('.passage');
  await page.locator('#pair-findings summary').first().click(); // one finding opened
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('axe: no violations in the widget (?embed=1) and in a phone-sized window, seed 001 pasted', T, async () => {
  const [browser, server] = await Promise.all([h.browser(), h.server()]);
  for (const query of [`?embed=1&host=${encodeURIComponent(server.origin)}`, '']) {
    const page = await newPage(browser, { bypassCSP: true, viewport: { width: 390, height: 800 } });
    await page.goto(server.url + query);
    await page.waitForSelector('#report-input');
    await pasteReport(page, seed('001'));
    await page.waitForSelector('#findings [data-rule]');
    assert.deepEqual(await axeViolations(page), [], query || 'a phone-sized window');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

/** Opens 批量检查 and picks the five seeds and a truncated .docx; waits until all are checked. */
async function checkBatch(page) {
  await page.locator('#batch-pane > summary').click();
  const files = SEEDS.map((n) => ({ name: `${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(seed(n)) }));
  files.push({ name: 'broken.docx', mimeType: 'application/octet-stream', buffer: readFileSync(join(OFFICE, '000.docx')).subarray(0, 1500) });
  await page.locator('#batch-files').setInputFiles(files);
  await page.waitForFunction((n) => document.querySelector('#batch-progress')?.textContent === `已检查 ${n}/${n}`,
    files.length, { timeout: 60_000 });
  await page.waitForSelector('#batch-cancel', { state: 'detached' });
  return files.length;
}

test('axe: no violations in the batch view with files checked; its headers sort from the keyboard', T, async () => {
  const page = await openApp();
  const n = await checkBatch(page);
  assert.equal(await page.locator('#batch tbody tr').count(), n);
  // The roll-up table too: the first report as the parent of the others.
  await page.selectOption('#batch-rollup-parent', { index: 1 });
  await page.waitForSelector('#batch-rollup');
  assert.deepEqual(await axeViolations(page), []);

  // Sorting by 错误 from the keyboard: Tab onto its header's button, Enter, Enter again.
  const header = page.locator('#batch th[data-column="错误"]');
  await header.locator('button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  const errors = () => page.locator('#batch tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.errors ?? ''));
  const numbers = async () => (await errors()).filter((e) => e !== '').map(Number);
  const up = await numbers();
  assert.deepEqual(up, [...up].sort((a, b) => a - b), 'ascending');
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  const down = await numbers();
  assert.deepEqual(down, [...up].sort((a, b) => b - a), 'descending');
  assert.ok(down[0] > down[down.length - 1], `the seeds' error counts differ: ${down}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keyboard: Tab reaches every control, each with a visible focus ring', T, async () => {
  const page = await openSeed001();
  await checkBatch(page);
  await page.locator('#previous-input').fill(seed('000'));
  await page.waitForSelector('#pair-result, #pair-problem');
  // Every control the page shows, named by a mark of its own.
  const controls = await page.evaluate(() => {
    const all = [...document.querySelectorAll('button, input, select, textarea, summary, a[href], [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({ visibilityProperty: true }));
    all.forEach((e, i) => { e.dataset.a11yMark = String(i); });
    return all.map((e) => e.id || e.dataset.rule || e.dataset.column || e.className || e.tagName);
  });
  assert.ok(controls.length > 50, `only ${controls.length} controls`);
  await page.locator('body').focus();
  await page.evaluate(() => document.activeElement?.blur());
  const reached = new Map();
  const noRing = [];
  for (let i = 0; i < 2000; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      // A file input is out of sight: its label carries the ring.
      const shown = e.matches('input[type=file]') ? e.closest('label') : e;
      const s = getComputedStyle(shown);
      const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
      return {
        mark: e.dataset.a11yMark ?? null,
        what: e.id || e.dataset.rule || e.className || e.tagName,
        finding: e.matches('#findings li.finding'),
        ring,
      };
    });
    if (!f) continue;
    if (f.mark !== null && reached.has(f.mark)) break; // round the page once
    reached.set(f.mark ?? `unmarked ${i}`, f);
    if (!f.ring) noRing.push(f.what);
  }
  const missed = controls.filter((_, i) => !reached.has(String(i)));
  assert.deepEqual(missed, [], 'controls Tab never reaches');
  assert.deepEqual(noRing, [], 'focused without a visible ring');
  // The findings list is one Tab stop, not one per finding.
  const findingStops = [...reached.values()].filter((f) => f.finding).length;
  assert.equal(findingStops, 1, 'the findings list takes one Tab stop');
  // The file pickers are among them: Tab reaches #file-input, #batch-files and #batch-folder.
  for (const id of ['file-input', 'batch-files', 'batch-folder', 'load-example', 'print', 'report-input', 'source']) {
    assert.ok([...reached.values()].some((f) => f.what === id), `Tab never reaches #${id}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keyboard: the findings list walks with the arrow keys; Enter moves focus to the culprit cell, which is described by the finding', T, async () => {
  // Seed 001 as text: five findings in two groups (表二, 表三).
  const page = await openApp();
  await pasteReport(page, seed('001'));
  const stops = () => page.locator('#findings li[tabindex="0"]').count();
  assert.equal(await stops(), 1, 'one Tab stop in the list');
  const items = await page.locator('#findings li.finding').evaluateAll((els) => els.map((e) => e.dataset.rule));
  assert.ok(items.length >= 3, items.join());
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e?.matches('#findings li.finding') ? [...document.querySelectorAll('#findings li.finding')].indexOf(e) : null;
  });
  await page.locator('#findings li[tabindex="0"]').focus();
  assert.equal(await focused(), 0);
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 1, 'ArrowDown: the next finding');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 2);
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 1, 'ArrowUp: the one before');
  await page.keyboard.press('End');
  assert.equal(await focused(), items.length - 1, 'End: the last');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), items.length - 1, 'ArrowDown on the last stays');
  await page.keyboard.press('Home');
  assert.equal(await focused(), 0, 'Home: the first');
  // Group headings are skipped: ArrowUp/ArrowDown cross them to the next finding.
  const afterHead = await page.evaluate(() => {
    const all = [...document.querySelectorAll('#findings li.finding')];
    return all.findIndex((e, i) => i > 0 && e.previousElementSibling?.classList.contains('group-head'));
  });
  assert.ok(afterHead > 0, 'seed 001 has findings in two groups');
  for (let i = 0; i < afterHead; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), afterHead, 'ArrowDown crosses a group heading');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), afterHead - 1, 'ArrowUp crosses it back');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  assert.equal(await stops(), 1, 'still one Tab stop');
  assert.equal(await page.locator('#findings li[tabindex="0"]').evaluate((e) => e === document.activeElement), true,
    'the Tab stop follows the focus');
  // Tab away and back: focus returns to the finding focused last.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focused(), 1, 'Shift+Tab comes back to the same finding');
  await screenshot(page, 'a11y-finding-focused', { fullPage: false });

  // Enter on T3-BALANCE: focus on its culprit cell, （七）总计 of table 3.
  const idx = items.indexOf('T3-BALANCE');
  await page.keyboard.press('Home');
  for (let i = 0; i < idx; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), idx);
  const message = (await page.locator('#findings li.finding').nth(idx).locator('.f-msg').innerText()).trim();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('td[data-table][data-culprit]'), null, { timeout: 5_000 });
  const cell = await page.evaluate(() => {
    const e = document.activeElement;
    return { row: e.dataset.row, table: e.dataset.table, describedby: e.getAttribute('aria-describedby') };
  });
  assert.equal(cell.table, '3');
  assert.equal(cell.row, '（七）总计');
  assert.equal(await page.locator('#findings li.finding').nth(idx).getAttribute('aria-current'), 'true');
  // What a screen reader is given: Chromium's accessibility tree for the focused cell.
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'td[data-table="3"][data-row="（七）总计"][data-culprit]:focus' });
  assert.ok(nodeId, 'the focused culprit cell in the DOM');
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const ax = nodes[0];
  assert.match(ax.name?.value ?? '', /表三 （七）总计/, JSON.stringify(ax.name));
  const description = ax.description?.value ?? '';
  assert.ok(description.startsWith(message), `the cell's description ${JSON.stringify(description)} does not begin with the finding's message ${JSON.stringify(message)}`);
  // The page scrolls there smoothly: the screenshot once it is in view.
  await page.waitForFunction(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, null, { timeout: 5_000 });
  await page.waitForTimeout(300);
  await screenshot(page, 'a11y-culprit-focused', { fullPage: false });

  // Back to the list (Shift+Tab lands somewhere before; focus the chosen finding) and Enter
  // again on the chosen finding: focus goes to the cell again.
  await page.locator('#findings li.finding').nth(idx).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.matches('td[data-table="3"][data-culprit]'), null, { timeout: 5_000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keyboard: keys typed into a control inside a finding stay that control\'s', T, async () => {
  const page = await openSeed001();
  // A text box inside the second finding (as a note field would be).
  await page.locator('#findings li.finding').nth(1).evaluate((li) => {
    const input = document.createElement('input');
    input.id = 'probe-note';
    input.setAttribute('aria-label', '备注');
    li.append(input);
  });
  await page.locator('#probe-note').focus();
  await page.keyboard.type('核实 ');
  for (const key of ['ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' ']) await page.keyboard.press(key);
  await page.keyboard.type('完');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'probe-note', 'focus left the text box');
  assert.equal(await page.inputValue('#probe-note'), '核实  完');
  assert.equal(await page.locator('#findings [aria-current]').count(), 0, 'a key in the text box chose a finding');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keyboard: Enter on a marked source-table cell chooses its finding', T, async () => {
  const page = await openSeed001();
  const src = page.locator('#source-tables td[data-culprit]').first();
  assert.equal(await src.getAttribute('tabindex'), '0');
  await src.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('#findings [data-rule="T3-BALANCE"][aria-current="true"]', { timeout: 5_000 });
  // Cells without a finding are no Tab stops (the table stays quick to pass by).
  assert.equal(await page.locator('#source-tables td:not([data-severity])[tabindex]').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/**
 * Focuses the T3-BALANCE finding from the top of the page and presses Enter; returns the page's
 * scroll position when focus reached the cell and a moment later.
 */
async function scrollOnEnter(page) {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    window.__scrollAtFocus = null;
    document.addEventListener('focusin', (e) => {
      if (e.target.matches('td[data-culprit]')) window.__scrollAtFocus ??= window.scrollY;
    });
  });
  await focusFinding(page, 'T3-BALANCE');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__scrollAtFocus !== null, null, { timeout: 5_000 });
  await page.waitForTimeout(1_500);
  return page.evaluate(() => ({ atFocus: window.__scrollAtFocus, after: window.scrollY }));
}

test('motion: the scroll to a finding\'s cell is smooth, and instant with prefers-reduced-motion', T, async () => {
  const smooth = await openSeed001({ reducedMotion: 'no-preference' });
  const s = await scrollOnEnter(smooth);
  assert.ok(s.after > 300, `the page did not scroll to the cell: ${JSON.stringify(s)}`);
  assert.ok(s.atFocus < s.after, `no smooth scroll: ${JSON.stringify(s)}`);
  await smooth.context().close();

  const still = await openSeed001({ reducedMotion: 'reduce' });
  const r = await scrollOnEnter(still);
  assert.ok(r.after > 300, `the page did not scroll to the cell: ${JSON.stringify(r)}`);
  assert.equal(r.atFocus, r.after, `it moved after focus came: ${JSON.stringify(r)}`);
  // The stylesheet's part: no animation, no transition, no smooth scrolling anywhere.
  const styles = await still.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.cssText = 'transition: opacity 1s; animation: x 2s infinite; scroll-behavior: smooth';
    document.body.append(probe);
    const s = getComputedStyle(probe);
    return [s.transitionDuration, s.animationDuration, s.animationIterationCount, s.scrollBehavior];
  });
  assert.deepEqual(styles, ['0s', '0s', '1', 'auto']);
  assert.deepEqual(still.errors, []);
  await still.context().close();
});
