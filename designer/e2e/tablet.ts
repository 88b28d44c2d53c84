// The window's rating tablet (评价器) for browser tests that need an applicant's rating: a browser of
// its own, paired as a device with the window (kiosk.e2e.ts clicks the admin's pairing screen; here the
// admin's API does it), so the rating never runs in a clerk's session. Waits are on labels and answers.
import type { Browser, Page } from 'playwright-core';
import { apiAs, newPage, signIn, type RunningServer } from './harness';

/** A tablet paired with `window`: its page shows /kiosk with the device session, idle or rating. */
export async function pairTablet(browser: Browser, server: RunningServer, window: string): Promise<Page> {
  const { context, page: admin } = await newPage(browser, server);
  let code: string;
  try {
    await signIn(admin, 'admin');
    ({ pairingCode: code } = await apiAs<{ pairingCode: string }>(admin, 'POST', '/api/kiosk/devices', { name: `${window} 评价器`, window, pin: '482915' }));
  } finally {
    await context.close();
  }
  const { page: tablet } = await newPage(browser, server);
  await tablet.goto('/kiosk');
  await tablet.getByTestId('kiosk-pairing').waitFor();
  await tablet.getByLabel('配对码').fill(code);
  await tablet.getByRole('button', { name: /配\s*对/ }).click();
  await tablet.locator('[data-testid="kiosk-idle"], [data-testid="kiosk-rating"]').first().waitFor();
  return tablet;
}

/**
 * The applicant rates the case the tablet shows once the window closed it (or pushed it): waits until
 * the tablet shows that case number (it polls; a thank-you screen for the previous applicant may still
 * be up), taps the level, writes the comment, submits and waits for the server's answer and the thanks.
 */
export async function rateOnTablet(tablet: Page, number: string, level: string, comment?: string): Promise<string> {
  const rating = tablet.getByTestId('kiosk-rating').filter({ hasText: `办件编号 ${number}` });
  await rating.waitFor({ timeout: 60_000 });
  await tablet.getByRole('radio', { name: level, exact: true }).click();
  if (comment) await tablet.getByLabel('意见和建议').fill(comment);
  const answer = tablet.waitForResponse((r) => r.url().endsWith('/api/kiosk/evaluate') && r.request().method() === 'POST');
  await tablet.getByRole('button', { name: '提交评价' }).click();
  const response = await answer;
  if (response.status() !== 200) throw new Error(`rating ${number}: ${response.status()} ${await response.text()}`);
  const thanks = tablet.getByTestId('kiosk-thanks');
  await thanks.waitFor();
  return thanks.innerText();
}
