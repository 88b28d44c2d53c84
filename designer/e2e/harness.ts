// Shared helpers of the browser tests: the REAL server (Release build, demo county, test clock,
// a temp data folder) and Debian's chromium through playwright-core. Nothing is mocked.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const webRoot = path.join(repoRoot, 'server', 'Workflows.Server', 'wwwroot');
export const serverDll = path.join(repoRoot, 'server', 'Workflows.Server', 'bin', 'Release', 'net10.0', 'Workflows.Server.dll');
export const screenshotsRoot = path.join(repoRoot, '.test-results', 'screenshots');
export const password = 'demo2026';
/** What the SPA sends with every write; the server refuses writes without it (see docs/security.md). */
export const writeHeaders = { 'X-Workflows-Request': '1' } as const;

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** The server's console output so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A free port in [WF_E2E_PORT, WF_E2E_PORT + 9] (default 5400), shifted by 10 per vitest worker:
 * test files run on two workers at once, and two probes of the same port could both find it free
 * before either server binds it. Suites started with WF_E2E_PORT values 20 apart never collide.
 */
export async function freePort(): Promise<number> {
  const worker = Math.max(1, Number(process.env.VITEST_POOL_ID ?? 1));
  const base = Number(process.env.WF_E2E_PORT ?? 5400) + 10 * (worker - 1);
  for (let port = base; port < base + 10; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false)).once('listening', () => probe.close(() => resolve(true)));
      probe.listen(port, '127.0.0.1');
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${base}..${base + 9} (set WF_E2E_PORT)`);
}

/**
 * Starts `Workflows.Server.dll serve --demo --test-clock` on a temp data folder (the demo county
 * with its demo cases unless `demoCases: false`) and waits for /health.
 */
/**
 * Seeds data/county the way the server does on first start (the sample definitions and templates in
 * a fresh git repository), after <paramref name="change"/> edited the copy: a county with its own settings.
 */
function seedCounty(dataDir: string, change: (definitions: string) => void): void {
  const root = path.join(dataDir, 'county');
  cpSync(path.join(repoRoot, 'definitions'), path.join(root, 'definitions'), { recursive: true });
  cpSync(path.join(repoRoot, 'templates'), path.join(root, 'templates'), { recursive: true });
  writeFileSync(path.join(root, '.gitattributes'), 'definitions/**/*.yaml diff=workflows\n');
  change(path.join(root, 'definitions'));
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['-c', 'user.name=Workflows', '-c', 'user.email=workflows@localhost', 'commit', '-q', '-m', '导入示例县定义 (import the sample county)']]) {
    const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  }
}

export async function startServer(options: { demoCases?: boolean; port?: number; env?: Record<string, string>; county?: (definitions: string) => void } = {}): Promise<RunningServer> {
  if (!existsSync(serverDll)) throw new Error(`server not built: ${serverDll} (dotnet build server/Workflows.Server -c Release)`);
  if (!existsSync(path.join(webRoot, 'index.html'))) throw new Error(`web UI not built: ${webRoot} (cd designer && npm run build)`);
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wf-e2e-'));
  if (options.county) seedCounty(dataDir, options.county);
  const url = `http://127.0.0.1:${port}`;
  const args = [serverDll, 'serve', '--demo', '--test-clock', '--data', dataDir, '--urls', url, '--web-root', webRoot];
  if (options.demoCases === false) args.push('--no-demo-cases');
  // The repository root as working directory: the demo seeds the county from definitions/ and templates/.
  const child: ChildProcess = spawn('dotnet', args, { cwd: repoRoot, env: { ...process.env, DOTNET_NOLOGO: '1', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d) => { log += d; });
  child.stderr?.on('data', (d) => { log += d; });
  let exited = false;
  child.on('exit', () => { exited = true; });

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`server exited before it was ready:\n${log}`);
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGTERM'); throw new Error(`server not ready after 120 s:\n${log}`); }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url, port, dataDir,
    output: () => log,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 10_000);
          child.once('exit', () => { clearTimeout(t); resolve(); });
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's chromium, headless. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=zh-CN'],
  });
}

/** A fresh browser context (own cookies) on the server, zh-CN, a desk-sized window. */
export async function newPage(browser: Browser, server: RunningServer): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/**
 * Signs in through the sign-in page with a demo account (password demo2026): admin, supervisor,
 * clerk-<window>, <department>-reviewer, <department>-head, <department>-editor.
 */
export async function signIn(page: Page, user: string, pass = password): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(pass);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await page.waitForURL('**/login**');
}

/** Moves the server's clock forward by whole days (GET then POST /api/test/clock; the server runs with --test-clock). */
export async function moveClock(server: RunningServer, days: number): Promise<string> {
  const current = (await (await fetch(`${server.url}/api/test/clock`)).json()) as { now: string };
  const next = new Date(Date.parse(current.now) + days * 86_400_000);
  return setClock(server, next.toISOString());
}

/** Sets the server's clock to an ISO instant; the answer comes once the timers due by then have fired. */
export async function setClock(server: RunningServer, now: string): Promise<string> {
  const r = await fetch(`${server.url}/api/test/clock`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', ...writeHeaders }, body: JSON.stringify({ now }),
  });
  if (!r.ok) throw new Error(`moving the clock failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { now: string }).now;
}

/** Saves a full-page PNG under .test-results/screenshots/<suite>/<name>.png and returns its path. */
export async function shot(page: Page, suite: string, name: string): Promise<string> {
  const dir = path.join(screenshotsRoot, suite);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Saves a PDF the browser was served (a notice, a certificate) beside the screenshots, and its first
 * page as PNG (pdftoppm from poppler-utils), since headless chromium shows no PDF viewer.
 */
export async function savePdf(page: Page, suite: string, name: string, url: string): Promise<Buffer> {
  const response = await page.request.get(url);
  if (!response.ok()) throw new Error(`GET ${url}: ${response.status()}`);
  const bytes = await response.body();
  const dir = path.join(screenshotsRoot, suite);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  spawnSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, path.join(dir, name)], { stdio: 'ignore' });
  return bytes;
}

/** A JSON call to the server as a signed-in page (shares the page's cookies). */
export async function apiAs<T = unknown>(page: Page, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const response = method === 'GET'
    ? await page.request.get(url)
    : await page.request.post(url, { data: body ?? {}, headers: { 'Idempotency-Key': crypto.randomUUID(), ...writeHeaders } });
  if (!response.ok()) throw new Error(`${method} ${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}
