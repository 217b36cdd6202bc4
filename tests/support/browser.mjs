// Browser-test support: start Harbour on a fresh SQLite demo database and Debian's chromium
// (playwright-core, never a downloaded browser), and open pages that record every console error,
// uncaught exception, CSP violation and failed asset of Harbour's own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, prepareDatabase, startServer } from './harbour.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Starts a server on a new demo database and a headless browser; returns them with stop().
export async function startBrowserHarness({ children = 20, seed = 7 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'harbour-e2e-'));
  const url = `sqlite:///${join(dir, 'harbour.db')}`;
  prepareDatabase(url, { children, seed });
  const server = await startServer(url);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const harness = {
    base: server.base,
    server,
    browser,
    url,
    // A fresh browser context whose page records every problem the page reports. Chromium logs
    // "Failed to load resource" for any 4xx document; `expectedErrors` lists the URLs where that
    // is the point of the test.
    openPage: (expectedErrors = new Set()) => openPage(browser, server.base, expectedErrors),
    signIn: (page, username) => signIn(page, server.base, username),
    async stop() {
      if (process.env.HARBOUR_TEST_LOG === '1') process.stderr.write(server.output());
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

async function openPage(browser, base, expectedErrors) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const expected = message.text().startsWith('Failed to load resource') &&
                     expectedErrors.has(message.location().url);
    if (!expected) problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
  page.on('response', (response) => {
    const url = response.url();
    if (url.startsWith(base) && url.includes('/assets/') && response.status() >= 400) {
      problems.push(`asset ${url} answered ${response.status()}`);
    }
  });
  page.on('requestfailed', (request) => {
    // ERR_ABORTED is the browser dropping a request because the page navigated on.
    const reason = request.failure()?.errorText ?? '';
    if (request.url().startsWith(base) && reason !== 'net::ERR_ABORTED') {
      problems.push(`request failed: ${request.url()} ${reason}`);
    }
  });
  // CSP violations are also reported as console errors; this catches any that are not.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  return { context, page, problems };
}

async function signIn(page, base, username) {
  await page.goto(`${base}/sign-in`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/`);
}
