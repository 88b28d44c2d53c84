#!/usr/bin/env node
// First-load and route-change times of the web UI, measured in a real browser (Debian's chromium via
// playwright-core, as the browser tests launch it). Against a running server:
//
//   ./run.sh &                                   # or ./workflows serve --demo
//   node docs/web/measure-load.mjs --url http://127.0.0.1:5080 [--user admin] [--password demo2026] [--runs 3]
//
// First load: a fresh browser context (empty cache) opens the route and waits until the page shows
// its content (the route's marker element, no spinner). Route change: in an open page, the router
// moves to the route (history.pushState + popstate, as a menu click does) and waits the same way.
// Prints a Markdown table (median of --runs) to paste into docs/web/load-times.md.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// playwright-core is the designer's dev dependency; resolve it from there.
const require = createRequire(path.join(here, '..', '..', 'designer', 'package.json'));
const { chromium } = require('playwright-core');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const url = arg('url', 'http://127.0.0.1:5080');
const user = arg('user', 'admin');
const password = arg('password', 'demo2026');
const runs = Number(arg('runs', '3'));

// Each route and the element that says its content is there.
const routes = [
  { path: '/workbench/intake', label: '受理（收件）', marker: '[data-testid="item-search"]' },
  { path: '/workbench/tasks', label: '待办任务', marker: '[data-testid="task-table"], [data-testid="task-list"]' },
  { path: '/workbench/cases', label: '办件查询', marker: '.ant-table' },
  { path: '/workbench/supervision', label: '效能监督', marker: '[data-testid="alerts"], .ant-statistic' },
  { path: '/designer', label: '事项设计', marker: '[data-testid="catalog"]' },
];

const ready = (marker) => (m) => !!document.querySelector(m) && !document.querySelector('.ant-spin-spinning');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=zh-CN'],
});
try {
  // Sign in once; every measured context starts from these cookies but an empty cache.
  const signIn = await browser.newContext({ baseURL: url, locale: 'zh-CN' });
  const login = await signIn.request.post('/api/auth/login', { data: { userName: user, password }, headers: { 'X-Workflows-Request': '1' } });
  if (!login.ok()) throw new Error(`sign-in as ${user}: HTTP ${login.status()} ${await login.text()}`);
  const storageState = await signIn.storageState();
  await signIn.close();

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = [];
  for (const route of routes) {
    const first = [], change = [], bytes = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ baseURL: url, locale: 'zh-CN', storageState, viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      let transferred = 0;
      page.on('response', async (r) => { const length = Number(r.headers()['content-length'] ?? 0); transferred += length; });
      const started = Date.now();
      await page.goto(route.path);
      await page.waitForFunction(ready(route.marker), route.marker, { timeout: 60_000 });
      first.push(Date.now() - started);
      bytes.push(transferred);

      // Route change: from the sign-in home (another route) to this one inside the loaded app.
      const other = routes.find((r) => r !== route);
      await page.evaluate((p) => { history.pushState({}, '', p); dispatchEvent(new PopStateEvent('popstate')); }, other.path);
      await page.waitForFunction(ready(other.marker), other.marker, { timeout: 60_000 });
      const moved = Date.now();
      await page.evaluate((p) => { history.pushState({}, '', p); dispatchEvent(new PopStateEvent('popstate')); }, route.path);
      await page.waitForFunction(ready(route.marker), route.marker, { timeout: 60_000 });
      change.push(Date.now() - moved);
      await context.close();
    }
    rows.push({ ...route, first: median(first), change: median(change), kb: Math.round(median(bytes) / 1024) });
  }

  console.log(`测得 ${new Date().toISOString()}，${url}，用户 ${user}，每项 ${runs} 次取中位数 (median of ${runs})\n`);
  console.log('| 页面 (route) | 首次加载 ms (first load) | 路由切换 ms (route change) | 传输 KB (transferred, compressed) |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.label} \`${r.path}\` | ${r.first} | ${r.change} | ${r.kb} |`);
} finally {
  await browser.close();
}
