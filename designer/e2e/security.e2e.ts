// Security in a real browser: a signed-in supervisor visits a hostile page, on another port of the same
// host (same site: SameSite=Strict does not help) and on another host name (another site), whose forms
// and scripts post a 催办 to the server. Nothing may change. Then the headers, and the UI (Monaco
// included) working under the Content-Security-Policy without a single violation.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiAs, freePort, launchBrowser, newPage, signIn, startServer, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
let hostile: Server;
let hostilePort: number;

/** A hostile page: forms in each encoding a form can send, and a no-cors fetch, all aimed at one case. */
function hostilePage(target: string): string {
  const forged = (enctype: string) => `
    <form method="POST" action="${target}" enctype="${enctype}" target="_self">
      <input type="hidden" name='{"message":"伪造催办","padding":"' value='"}'>
    </form>`;
  return `<!doctype html><html><body>
    ${['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'].map(forged).join('')}
    <script>
      const which = new URLSearchParams(location.search).get('form');
      if (which === 'fetch') {
        fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include',
          headers: { 'Content-Type': 'application/json', 'X-Workflows-Request': '1' }, body: JSON.stringify({ message: '伪造催办' }) })
          .finally(() => { document.title = 'sent'; });
      } else {
        document.forms[Number(which)].submit();
      }
    </script></body></html>`;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  hostilePort = await freePort();
  hostile = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(hostilePage(url.searchParams.get('target') ?? ''));
  });
  await new Promise<void>((resolve) => hostile.listen(hostilePort, '127.0.0.1', resolve));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => hostile?.close(resolve));
  await server?.stop();
});

interface Timeline { events: { type: string; data?: Record<string, unknown> }[] }

const urges = async (page: Page, caseId: string) =>
  (await apiAs<Timeline>(page, 'GET', `/api/cases/${caseId}/timeline`)).events.filter((e) => /urged/i.test(e.type)).length;

describe('no cross-site writes', () => {
  it('a forged form or script on another port or another site changes nothing for a signed-in supervisor', async () => {
    const { context, page } = await newPage(browser, server);
    await signIn(page, 'supervisor');
    const open = await apiAs<{ items: { id: string }[] }>(page, 'GET', '/api/cases?open=true&take=1');
    const caseId = open.items[0].id;
    const target = `${server.url}/api/cases/${caseId}/urge`;
    const before = await urges(page, caseId);

    const attacker = await context.newPage();
    const answers: string[] = [];
    for (const origin of [`http://127.0.0.1:${hostilePort}`, `http://localhost:${hostilePort}`]) {
      for (const form of ['0', '1', '2']) {
        const answer = attacker.waitForResponse((r) => r.url() === target);
        await attacker.goto(`${origin}/?target=${encodeURIComponent(target)}&form=${form}`);
        const response = await answer;
        answers.push(`${origin} form ${form}: ${response.status()}`);
        // Refused before it reaches the case: 415 (a form cannot send JSON) with the problem's code.
        expect(response.status(), answers.join('\n')).toBe(415);
        expect(await response.text()).toContain('WF9415');
      }
      await attacker.goto(`${origin}/?target=${encodeURIComponent(target)}&form=fetch`);
      await attacker.waitForFunction(() => document.title === 'sent');
    }
    expect(await urges(page, caseId)).toBe(before);

    // The same 催办 from the UI's own origin, with the UI's header, is recorded: the check above could fail.
    await apiAs(page, 'POST', `/api/cases/${caseId}/urge`, { message: '请尽快办理' });
    expect(await urges(page, caseId)).toBe(before + 1);
    await context.close();
  });
});

describe('security headers', () => {
  it('serves the UI under a CSP without inline script, and the designer with Monaco and the PDF preview still works', async () => {
    const { context, page } = await newPage(browser, server);
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy|Refused to|web worker/i.test(m.text())) violations.push(m.text()); });
    const home = await page.goto('/login');
    const csp = home?.headers()['content-security-policy'] ?? '';
    // No inline script (eval stays for the intake form's condition evaluator: see SecurityHeaders.cs).
    expect(csp).toMatch(/script-src 'self'( 'unsafe-eval')?;/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(home?.headers()['x-content-type-options']).toBe('nosniff');
    expect(home?.headers()['referrer-policy']).toBe('same-origin');

    await signIn(page, 'admin');
    await page.goto('/designer/items/teacher-qualification/guide');
    await page.getByRole('tab', { name: '文书模板' }).click();
    // The PDF preview is a blob: URL in a frame, rendered by the server from Monaco's text.
    await page.getByTestId('pdf-preview').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="template-editor"] .monaco-editor').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('{{ if holder.name }}');
    // The error comes from the server's check of what was typed: Monaco took the keys.
    await page.getByTestId('template-error').waitFor({ timeout: 45_000 });
    // Monaco starts its editor worker on load; one the CSP refused would be logged ("Could not create
    // web worker", "Refused to ...") and caught above, like any blocked script, style or frame.
    expect(violations).toEqual([]);

    const api = await page.request.get('/api/auth/me');
    expect(api.headers()['cache-control']).toBe('no-store');
    await context.close();
  });
});
