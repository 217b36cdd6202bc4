// Browser-test support: start Harbour on a fresh SQLite demo database and Debian's chromium
// (playwright-core, never a downloaded browser), and open pages that record every console error,
// uncaught exception, CSP violation and failed asset of Harbour's own, and that check every
// document they show with axe-core (see "Accessibility" below).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD, prepareDatabase, startServer } from './harbour.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 900 };
// A small phone (iPhone SE size): GOV.UK Frontend's mobile styles apply below 641px.
export const PHONE = { width: 375, height: 667 };

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

// Starts a server on a new demo database and a headless browser; returns them with stop().
// `serverArgs` are more options of `harbour serve` (such as --config FILE).
export async function startBrowserHarness({ children = 20, seed = 7, serverArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'harbour-e2e-'));
  const url = `sqlite:///${join(dir, 'harbour.db')}`;
  prepareDatabase(url, { children, seed });
  const [server, browser] = await Promise.all([startServer(url, { args: serverArgs }), launchBrowser()]);
  const open = new Set();
  const harness = {
    base: server.base,
    server,
    browser,
    url,
    // A fresh browser context whose page records every problem the page reports and checks
    // every document it shows for accessibility. Chromium logs "Failed to load resource" for any
    // 4xx document; `expectedErrors` lists the URLs where that is the point of the test.
    // `viewport` defaults to DESKTOP.
    openPage: (expectedErrors = new Set(), { viewport } = {}) =>
      openPage(browser, server.base, expectedErrors, { viewport, open }),
    signIn: (page, username) => signIn(page, server.base, username),
    // Fails when a test left a context open: its last page would otherwise go unchecked.
    async stop() {
      if (process.env.HARBOUR_TEST_LOG === '1') process.stderr.write(server.output());
      const left = [...open];
      const failures = [];
      for (const context of left) await context.close().catch((e) => failures.push(e.message));
      await browser.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
      if (left.length > 0) {
        throw new Error(`${left.length} browser context(s) were never closed by their test; ` +
                        `closing them found:\n${failures.join('\n') || '(nothing)'}`);
      }
    },
  };
  return harness;
}

// A new context and page on `browser` for a server at `base`. Returns { context, page,
// problems }: `problems` collects console errors, uncaught exceptions, CSP violations and failed
// requests for `base` as they happen. `context.close()` first finishes the accessibility check of
// every document the context showed and then, if any failed, rejects with all of them (the
// context is closed either way). `open`, when given, holds the context until it is closed.
export async function openPage(browser, base, expectedErrors = new Set(), { viewport = DESKTOP, open } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const audit = new AccessibilityAudit(viewport);
  await audit.attach(context);
  const page = await context.newPage();
  await audit.watch(page);
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

  const closeContext = context.close.bind(context);
  let closing;
  context.close = (options) => {
    closing ??= (async () => {
      try {
        await audit.finish(context.pages());
      } finally {
        open?.delete(context);
        await closeContext(options);
      }
      audit.throwIfFailed();
    })();
    return closing;
  };
  open?.add(context);
  return { context, page, problems };
}

async function signIn(page, base, username) {
  await page.goto(`${base}/sign-in`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/`);
}

// --- Accessibility ---------------------------------------------------------------------------
//
// Every document a watched page shows is checked with axe-core, automatically, as soon as it has
// loaded: an init script (injected by the DevTools protocol, so the page's CSP does not apply to
// it) runs axe inside the page on its `load` event, after the page's own scripts (GOV.UK Frontend's
// components, the error summary's focus) have run, and hands the violations back through a
// binding. The test goes on meanwhile: axe yields between rules, so what the test does next may
// happen during the check, as a person's first keystrokes would. To guarantee that the check has
// finished before the document goes away, the harness holds every main-frame document request
// (the DevTools protocol's Fetch domain, for resourceType Document only, so assets and the HTTP
// cache are untouched) until the document on screen has reported, whatever starts the
// navigation: a link, a form POST (and its redirect), goto, reload, back. context.close() waits
// for the last document's result. A document replaced or closed without a result, or whose check
// failed or took too long, is itself reported, so nothing slips through silently.
//
// The in-page script only ever sends to the binding and never waits for its answer: with
// Playwright 1.65 that answer does not reach a page whose next navigation the harness is holding,
// so a check waiting for it would never report, and the navigation would wait for the check.

// The rules: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks, one
// <h1>, heading order, …), at every impact level. AAA and experimental rules are left out.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

// axe-core's minified build: the copy @axe-core/playwright itself uses (package.json pins both).
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BINDING = '__harbourAccessibilityResult';
const CHECK_TIMEOUT_MS = 30_000;

// Runs axe on the page as it is now, with @axe-core/playwright. `rules` runs only those rules
// instead of AXE_TAGS; `include` limits the check to a selector. Returns axe's results
// (violations, passes, incomplete, inapplicable). Legacy mode runs axe.run inside the page
// (Harbour's pages have no frames) instead of finishing the run in a new blank page.
export async function checkAccessibility(page, { rules, include } = {}) {
  const builder = new AxeBuilder({ page, axeSource: AXE_SOURCE }).setLegacyMode(true);
  if (rules) builder.withRules(rules);
  else builder.withTags(AXE_TAGS);
  if (include) builder.include(include);
  return builder.analyze();
}

const describeNode = (node) =>
  `    at ${node.target.join(' ')}: ${node.html}\n` +
  `      ${(node.failureSummary ?? '').trim().replace(/\n\s*/g, '\n      ')}`;

// One readable failure: the page (URL, HTTP status, title, viewport), the rule, its impact, what
// it asks for, and every offending element with axe's summary of what to fix.
function describeViolation(where, v) {
  return `accessibility: ${where}: ${v.id} (${v.impact}): ${v.help} [${v.helpUrl.replace(/\?.*$/, '')}]\n` +
         v.nodes.map(describeNode).join('\n');
}

// Runs in every document of a watched context, before the page's own scripts.
const pageScript = (options) => `
if (window.top === window && /^https?:$/.test(location.protocol)) {
${AXE_SOURCE}
;addEventListener('load', () => {
  const report = window[${JSON.stringify(BINDING)}];
  const page = () => ({
    url: location.href,
    title: document.title,
    status: performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0,
  });
  window.axe.run(document, ${JSON.stringify(options)}).then(
    (results) => report({ ...page(), violations: results.violations }),
    (error) => report({ ...page(), error: String(error?.message ?? error) }));
}, { once: true });
}`;

const withoutFragment = (url) => url.replace(/#.*$/, '');
const isChecked = (url) => /^https?:/.test(url);

// The accessibility checks of one browser context's pages.
class AccessibilityAudit {
  constructor(viewport) {
    this.viewport = viewport;
    this.failures = [];           // readable messages, one per violated rule per document
    this.watched = new WeakMap(); // page -> { ready, current }
  }

  // Before any page opens: the in-page check and the binding it reports through.
  async attach(context) {
    await context.exposeBinding(BINDING, (source, result) => this.report(source, result));
    await context.addInitScript({ content: pageScript({ runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] }) });
    // Every page of the context is watched (a popup too).
    context.on('page', (p) => this.watch(p).catch((e) => this.failures.push(`accessibility: cannot watch a new page: ${e.message}`)));
  }

  // Starts holding `page`'s navigations; resolves once the first one will be held.
  watch(page) {
    if (!this.watched.has(page)) {
      const entry = {};
      entry.ready = this.hold(page, entry);
      this.watched.set(page, entry);
    }
    return this.watched.get(page).ready;
  }

  static newDocument(url) {
    const doc = { url, result: undefined };
    doc.reported = new Promise((resolve) => { doc.resolve = resolve; });
    return doc;
  }

  async hold(page, entry) {
    const cdp = await page.context().newCDPSession(page);
    let mainFrameId;
    const unchecked = (doc, what) => {
      if (doc && isChecked(doc.url) && !doc.result) this.failures.push(`accessibility: ${doc.url} was ${what} before it was checked`);
    };
    cdp.on('Page.frameNavigated', ({ frame }) => {  // cross-document commits only
      if (frame.parentId) return;
      mainFrameId = frame.id;
      unchecked(entry.current, `replaced by ${frame.url}`);
      entry.current = AccessibilityAudit.newDocument(frame.url);
    });
    cdp.on('Fetch.requestPaused', async ({ requestId, frameId, resourceType }) => {
      try {
        if (resourceType === 'Document' && frameId === mainFrameId) await this.settled(entry.current);
      } finally {
        await cdp.send('Fetch.continueRequest', { requestId }).catch(() => {});  // gone with its page
      }
    });
    page.once('close', () => unchecked(entry.current, 'closed'));
    await cdp.send('Page.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    mainFrameId = frameTree.frame.id;
    entry.current ??= AccessibilityAudit.newDocument(frameTree.frame.url);
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', resourceType: 'Document', requestStage: 'Request' }] });
  }

  // A document's in-page check reporting.
  report(source, result) {
    if (source.frame !== source.page.mainFrame()) return;
    const doc = this.watched.get(source.page)?.current;
    if (!doc || withoutFragment(doc.url) !== withoutFragment(result.url) || doc.result) {
      this.failures.push(`accessibility: a result for ${result.url} arrived while ${doc?.url} was on screen`);
      return;
    }
    const where = `${result.url} (${result.status}, "${result.title}", ${this.viewport.width}x${this.viewport.height})`;
    if (result.error) this.failures.push(`accessibility: could not check ${where}: ${result.error}`);
    else for (const v of result.violations) this.failures.push(describeViolation(where, v));
    doc.result = result;
    doc.resolve();
  }

  // Waits until `doc` has reported (at most CHECK_TIMEOUT_MS); never rejects.
  async settled(doc) {
    if (!doc || !isChecked(doc.url) || doc.result || doc.timedOut) return;
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(resolve, CHECK_TIMEOUT_MS, 'timeout'); });
    if (await Promise.race([doc.reported, timeout]) === 'timeout') {
      doc.timedOut = true;
      this.failures.push(`accessibility: ${doc.url} gave no result in ${CHECK_TIMEOUT_MS / 1000} s (did it never finish loading?)`);
    }
    clearTimeout(timer);
  }

  // Waits for the documents still on screen in `pages`.
  async finish(pages) {
    await Promise.all(pages.map(async (p) => {
      const entry = this.watched.get(p);
      if (!entry) return;
      await entry.ready.catch(() => {});
      await this.settled(entry.current);
      entry.current.result ??= { closed: true };  // reported above if it never came
    }));
  }

  throwIfFailed() {
    if (this.failures.length === 0) return;
    const error = new Error(`${this.failures.length} accessibility failure(s):\n${this.failures.join('\n')}`);
    error.accessibilityFailures = [...this.failures];
    throw error;
  }
}
