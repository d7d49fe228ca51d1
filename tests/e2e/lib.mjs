// Shared by the browser tests (app.test.mjs) and the benchmark (bench.mjs): a static server for
// dist/ on a free localhost port, and Debian's chromium driven by playwright-core (never a
// downloaded browser).
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve, extname, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { after } from 'node:test';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const OUTPUT = join(ROOT, 'tests', 'output');
export const SEEDS_DIR = join(ROOT, 'tests', 'seeds');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

/** The text of seed `n` ("000" … "004") from tests/seeds/. */
export function seed(n) {
  const name = readdirSync(SEEDS_DIR).find((f) => f.startsWith(`${n}_`) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${n} in ${SEEDS_DIR}`);
  return readFileSync(join(SEEDS_DIR, name), 'utf8');
}
export const SEEDS = ['000', '001', '002', '003', '004'];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dir` on 127.0.0.1 on a free port, under `prefix` (default "/": a sub-path such as
 * "/some/path/" serves the app there and nothing elsewhere). Returns { url, origin, close() }.
 */
export async function serveDist(dir = DIST, { prefix = '/' } = {}) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html not found: build first (. scripts/web-env.sh && trunk build --release --offline)`);
  }
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      path = '/' + path.slice(prefix.length);
      if (path.endsWith('/')) path += 'index.html';
      const file = resolve(root, '.' + path);
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      const s = await stat(file).catch(() => null);
      if (!s || !s.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}

/** Debian's chromium: $CHROMIUM, else `chromium` on PATH. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium not found: bash scripts/setup-web.sh installs it (apt-get install chromium)');
  }
}

/**
 * Headless chromium. Playwright gives each launch a fresh, empty profile (user data dir) and,
 * with chromiumSandbox false (its default), --no-sandbox (needed as root). The other flags keep
 * chromium off the network: this machine's network is closed.
 */
export async function launch() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    chromiumSandbox: false,
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * A page that records uncaught errors and console errors (a Rust panic shows up here).
 * `options` go to the new context (e.g. `{ bypassCSP: true }`, `{ reducedMotion: 'reduce' }`).
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  // The browser asks for /favicon.ico by itself; its 404 is no error of the app.
  const isFavicon = (url) => new URL(url).pathname === '/favicon.ico';
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const url = m.location()?.url;
    if (url && isFavicon(url)) return;
    page.errors.push(`console.error: ${m.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && !isFavicon(r.url())) page.errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return page;
}

/** Saves tests/output/<name>.png (the whole page unless { fullPage: false }). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * The render counter the app sets on <body data-checked="N"> after each render of results.
 * The checks run in a worker, so the first result comes a moment after the page mounts: this
 * waits for it (up to 15 s; a page that never renders results gives null), so that a count
 * taken before a paste is never the first result's.
 */
export async function checkedCount(page) {
  await page
    .waitForFunction(() => document.body.dataset.checked !== undefined, null, { timeout: 15_000 })
    .catch(() => {});
  return page.evaluate(() => document.body.dataset.checked ?? null);
}

/**
 * Waits until <body data-checked> differs from `before` (the app rendered results again).
 * Fails with a message naming the contract when the app never sets it.
 */
export async function waitForRender(page, before, timeout = 10_000) {
  try {
    await page.waitForFunction(
      (b) => document.body.dataset.checked !== undefined && document.body.dataset.checked !== b,
      before,
      { timeout, polling: 'raf' },
    );
  } catch (e) {
    throw new Error(
      `the app did not render results within ${timeout} ms ` +
        `(<body data-checked> is ${JSON.stringify(await checkedCount(page))}, was ${JSON.stringify(before)}): ${e.message}`,
    );
  }
}

/** Replaces the textarea's text the way a paste does (one input event) and waits for the render. */
export async function pasteReport(page, text) {
  const before = await checkedCount(page);
  await page.locator('#report-input').fill(text);
  await waitForRender(page, before);
}

/**
 * One test file's browser and servers. They start with the first test that needs them — not in
 * a `before` hook: a failing hook reports its tests as "cancelled", and CI counts "# fail N" —
 * and close after the file's last test. Call it once, at the top of a test file:
 *
 *   const h = harness();
 *   test('…', async () => { const page = await h.openApp(); … });
 *
 * - `h.browser()`: the shared Chromium;
 * - `h.serve(dir = DIST, opts)`: a new server of `dir` (see serveDist), closed after the file;
 * - `h.server(dir = DIST)`: the file's one server of `dir`, started on first use;
 * - `h.openApp({ dir, init, context })`: a fresh page (fresh context and storage, `context` its
 *   options; `init`, a function, runs in the page before the app's scripts) with the app
 *   loaded, mounted and its first check drawn (the checks run in a worker, so that comes a
 *   moment after the page mounts).
 */
export function harness() {
  let browser; // a promise of the browser, so that tests starting together share one
  const closers = [];
  const servers = new Map();
  after(async () => {
    for (const close of closers.reverse()) await close();
    await (await browser)?.close();
  });
  const h = {
    browser() {
      browser ??= launch();
      return browser;
    },
    async serve(dir = DIST, opts) {
      const s = await serveDist(dir, opts);
      closers.push(() => s.close());
      return s;
    },
    server(dir = DIST) {
      if (!servers.has(dir)) servers.set(dir, h.serve(dir));
      return servers.get(dir);
    },
    async openApp({ dir = DIST, init, context } = {}) {
      const [b, s] = await Promise.all([h.browser(), h.server(dir)]);
      const page = await newPage(b, context);
      if (init) await page.addInitScript(init);
      await page.goto(s.url);
      await page.waitForSelector('#report-input', { timeout: 15_000 });
      await checkedCount(page);
      return page;
    },
  };
  return h;
}
