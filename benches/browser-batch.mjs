// Benchmark of the 批量检查 pane (src/bin/nianbao-web/batch.rs) in headless chromium:
//   node benches/browser-batch.mjs [N] [RUNS]     (default 200 reports, 3 runs; build dist/ first)
//
// N seed-sized reports (the five seeds in turn, each agency's name numbered) are picked on
// #batch-files; the time is from the pick to "已检查 N/N" with the pairs stage over. Long tasks
// on the main thread are recorded (PerformanceObserver 'longtask') with their start relative to
// the pick, and the moment the page's `change` event fires: a long task that ends at that moment
// is playwright's setInputFiles building the N files in the page, not the app.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newPage, serveDist, SEEDS_DIR, checkedCount } from '../tests/e2e/lib.mjs';

const N = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 3);
const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
const files = Array.from({ length: N }, (_, i) => ({
  name: `r${String(i).padStart(4, '0')}.txt`,
  mimeType: 'text/plain',
  buffer: Buffer.from(seeds[i % seeds.length].replace(/局/, `局${i}`)),
}));
const server = await serveDist();
const browser = await launch();
for (let run = 0; run < RUNS; run++) {
  const page = await newPage(browser);
  await page.goto(server.url);
  await page.waitForSelector('#report-input');
  await checkedCount(page);
  await page.locator('#batch-pane > summary').click();
  await page.evaluate(() => {
    window.__long = [];
    window.__t0 = performance.now();
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push([e.duration, e.startTime - window.__t0]);
    }).observe({ type: 'longtask' });
    document.addEventListener('change', () => { window.__change = performance.now() - window.__t0; }, true);
  });
  const t0 = Date.now();
  await page.locator('#batch-files').setInputFiles(files);
  await page.waitForFunction((n) => document.querySelector('#batch-progress')?.textContent === `已检查 ${n}/${n}`,
    N, { timeout: 300_000, polling: 100 });
  await page.waitForSelector('#batch-cancel', { state: 'detached', timeout: 300_000 });
  const ms = Date.now() - t0;
  const [long, change] = await page.evaluate(() => [window.__long, window.__change]);
  const fmt = long.map(([d, t]) => `${Math.round(d)} ms at ${Math.round(t)}`).join(', ');
  console.log(`run ${run + 1}: ${N} reports in ${ms} ms; change event at ${Math.round(change)} ms; long tasks: ${fmt || 'none'}`);
  await page.context().close();
}
await browser.close();
await server.close();
