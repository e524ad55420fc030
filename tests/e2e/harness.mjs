// Shared plumbing for the browser tests: the built app served in-process, Debian's Chromium driven by
// playwright-core, and watchers that fail a test on any CSP violation or request to another origin.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

export const SCREENSHOTS = 'test-results/screenshots';

export async function startServer() {
  // E2E_DIST serves another build folder (`vite build --outDir …`), so two builds never clobber each other.
  const server = await preview({
    build: { outDir: process.env.E2E_DIST ?? 'dist' },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address');
  return { url, close: () => server.close() };
}

export async function openBrowser(baseUrl) {
  const profile = mkdtempSync(join(tmpdir(), 'rw-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
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
  context.setDefaultTimeout(15_000);
  const origin = new URL(baseUrl).origin;
  const problems = { cspViolations: [], foreignRequests: [], pageErrors: [] };
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI} ${e.sample ?? ''}`);
    });
  });
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.text().startsWith('CSP-VIOLATION')) problems.cspViolations.push(msg.text());
    });
    page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.foreignRequests.push(url);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, problems, close };
}

export function expectTrue(condition, message) {
  if (!condition) throw new Error(message);
}

export function expectEqual(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** The page has its heading and nothing is still loading (within `timeout` ms, or the page's default). */
export async function settle(page, timeout = undefined) {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout });
  await page.waitForFunction(
    () => !document.querySelector('[role="status"]')?.textContent?.includes('Loading'),
    undefined,
    { timeout },
  );
}

/** Loads the example council from the self-assessment page, as a new user would, and waits for its cycle. */
export async function loadExample(page, baseUrl) {
  await page.goto(`${baseUrl}#/self-assessment`);
  await settle(page);
  await page.getByRole('button', { name: 'Load example' }).click();
  await page.getByRole('heading', { name: /^Self-assessment 20\d\d–\d\d$/ }).waitFor();
}
