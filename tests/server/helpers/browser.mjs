// Real Chromium profiles signed in to a team server through the practice identity provider, for the
// browser tests of team mode: one profile per person, each watched for CSP violations, requests to
// another origin (the identity provider's sign-in pages aside) and uncaught errors.
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/server/demo-idp.js';

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One person in a browser profile of their own. `people` collects them, to close afterwards. */
export async function openPerson(
  browser,
  fixture,
  username,
  people,
  viewport = { width: 1280, height: 900 },
) {
  const context = await browser.newContext({
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const problems = { csp: [], foreign: [], errors: [] };
  const app = new URL(fixture.baseUrl).origin;
  const idp = fixture.idp.issuer.origin;
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on('request', (request) => {
    const url = request.url();
    const allowed =
      url.startsWith(app) ||
      url.startsWith('data:') ||
      url.startsWith('blob:') ||
      (url.startsWith(idp) && request.isNavigationRequest());
    if (!allowed) problems.foreign.push(url);
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.text().startsWith('CSP-VIOLATION')) problems.csp.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  const me = { username, context, page, problems };
  people.push(me);
  return me;
}

export async function settle(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[role="status"]')?.textContent?.includes('Loading'),
  );
}

/** Settings › Team workspace: connect, sign in at the identity provider, come back signed in. */
export async function signIn(fixture, { page, username }) {
  await page.goto(`${fixture.baseUrl}#/settings`);
  await settle(page);
  await page.getByRole('button', { name: 'Connect to a team workspace on this server' }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByLabel(/Demo user/).fill(username);
  await page.getByLabel(/Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The practice provider may ask for consent once.
  for (let i = 0; i < 3 && !page.url().startsWith(fixture.baseUrl); i++) {
    const button = page.locator('button[type=submit], button[autofocus]').first();
    if (await button.count()) await button.click().catch(() => undefined);
    await page.waitForTimeout(200);
  }
  await page.waitForURL(`${fixture.baseUrl}#/settings`);
  await page.getByRole('button', { name: 'Join the team workspace' }).waitFor();
}

/** Waits for the header's team tag to read `text` (a string, or a RegExp's source). */
export async function waitForTag(page, text, ms = 15_000) {
  const source = text instanceof RegExp ? text.source : `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
  await page.waitForFunction(
    (pattern) =>
      new RegExp(pattern).test(
        document.querySelector('.app-team-status .govuk-tag')?.textContent?.trim() ?? '',
      ),
    source,
    { timeout: ms },
  );
}
