// The browser harness's accessibility check, proved on planted violations: a tiny local HTTP
// server (with Harbour's Content-Security-Policy) serves pages with known bad markup, reached by a
// link clicked at once, a form POST answered 422, a 303 redirect and a goto, and the last page is
// only left by closing the context. Every one must be reported with its page, rule, impact and
// element; a clean page must not be; nothing is let through (not even GOV.UK's conditional-reveal
// markup); axe's injection must neither be blocked by the CSP nor break it; and a test that only
// shows a page with a violation, asserting nothing, fails (run as a child `node --test` of
// tests/e2e/fixtures/planted-violation.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, PHONE } from '../support/browser.mjs';

// Harbour's policy (src/web/core/server.cc), so axe runs under the same rules as on real pages.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const page = (title, body, head = '') => `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/style.css">${head}</head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const PAGES = {
  '/clean': page('Clean', '<p>Nothing wrong here. <a href="/form">A form</a></p>'),
  // image-alt (critical)
  '/image': page('Image', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p><a id="on" href="/form">On to the form</a></p>'),
  '/form': page('Form', '<form method="post" action="/submit"><label for="name">Name</label>' +
                '<input id="name" name="name"><button>Send</button></form>'),
  // color-contrast (serious) from the stylesheet, and aria-hidden-focus (serious) added by a script
  // after load: the check sees the page after its JavaScript has run.
  '/done': page('Done', '<p class="faint">Saved.</p><button id="later" type="button">Later</button>',
                '<script type="module" src="/hide.js"></script>'),
  // aria-allowed-attr (critical) on a radio, GOV.UK's conditional-reveal markup included: nothing
  // is let through.
  '/radios': page('Radios', '<fieldset><legend>Pick one</legend>' +
                  '<input type="radio" id="plain" name="a" value="1" aria-expanded="false"><label for="plain">Plain</label>' +
                  '<input class="govuk-radios__input" type="radio" id="govuk" name="a" value="2" aria-controls="more" aria-expanded="false"><label for="govuk">GOV.UK</label>' +
                  '<div id="more"><label for="why">Why</label><input id="why" name="why"></div></fieldset>'),
  // An inline script the CSP must block (reported as a problem), on an otherwise clean page.
  '/inline': page('Inline', '<p>Inline script below.</p><script>document.title = "ran"</script>'),
};

let server;
let base;
let browser;

before(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'content-type': type, 'content-security-policy': CSP, ...headers });
      res.end(body);
    };
    if (req.method === 'POST' && path === '/submit') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        if (new URLSearchParams(body).get('name')) send(303, 'text/plain', '', { location: '/done' });
        // label (critical): the re-shown input lost its label.
        else send(422, 'text/html', page('Error: Form', '<form method="post" action="/submit">' +
                  '<p>Enter a name</p><input id="name" name="name"><button>Send</button></form>'));
      });
      return;
    }
    if (path === '/style.css') return send(200, 'text/css', '.faint { color: #bbb; background: #fff; }');
    if (path === '/hide.js') return send(200, 'text/javascript', 'document.getElementById("later").setAttribute("aria-hidden", "true")');
    if (path === '/favicon.ico') return send(204, 'image/x-icon', '');
    if (PAGES[path]) return send(200, 'text/html', PAGES[path]);
    send(404, 'text/html', page('Not found', '<p>No such page.</p>'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
}, { timeout: 60_000 });

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve) ?? resolve());
});

// The failures closing `context` reports (it must report some).
async function failuresOnClose(context) {
  let error;
  await context.close().catch((e) => { error = e; });
  assert.ok(error, 'closing the context reports the planted violations');
  assert.ok(Array.isArray(error.accessibilityFailures), error.stack);
  return error.accessibilityFailures;
}

// The one failure about `path` and `rule`, which must name the status, impact and element (axe's
// selector and the element's opening tag).
function failureFor(failures, path, rule, { status = 200, impact, element }) {
  const found = failures.filter((f) => f.startsWith(`accessibility: ${base}${path} (`) && f.includes(`: ${rule} (`));
  assert.equal(found.length, 1, `one ${rule} failure for ${path} in:\n${failures.join('\n')}`);
  const [failure] = found;
  assert.ok(failure.includes(`${base}${path} (${status}, `), `status ${status} named: ${failure}`);
  assert.ok(failure.includes(`: ${rule} (${impact}): `), `impact ${impact} named: ${failure}`);
  assert.ok(failure.includes(`    at ${element}`), `element ${element} named: ${failure}`);
  return failure;
}

test('every page a context shows is checked: a link clicked at once, a 422 POST, a redirect, a goto and the last page', { timeout: 60_000 }, async () => {
  const { context, page: tab, problems } = await openPage(browser, base, new Set([`${base}/submit`]));
  await tab.goto(`${base}/image`);
  await tab.locator('#on').click();  // no wait: the check of /image must still finish first
  await tab.waitForURL(`${base}/form`);
  await tab.getByRole('button', { name: 'Send' }).click();
  await tab.getByText('Enter a name').waitFor();
  const refused = await tab.evaluate(() => performance.getEntriesByType('navigation')[0].responseStatus);
  assert.equal(refused, 422);
  await tab.locator('#name').fill('Ada');
  await tab.getByRole('button', { name: 'Send' }).click();
  await tab.waitForURL(`${base}/done`);
  await tab.goto(`${base}/clean`);
  await tab.goto(`${base}/radios`);  // left only by closing the context
  const failures = await failuresOnClose(context);

  const image = failureFor(failures, '/image', 'image-alt', { impact: 'critical', element: 'img: <img src="data:' });
  assert.match(image, /"Image", 1280x900\)/, 'the title and viewport are named');
  failureFor(failures, '/submit', 'label', { status: 422, impact: 'critical', element: '#name: <input id="name"' });
  failureFor(failures, '/done', 'color-contrast', { impact: 'serious', element: 'p: <p class="faint">' });
  failureFor(failures, '/done', 'aria-hidden-focus', { impact: 'serious', element: '#later: <button' });
  const radio = failureFor(failures, '/radios', 'aria-allowed-attr', { impact: 'critical', element: '#plain: <input' });
  assert.ok(radio.includes('    at #govuk: <input class="govuk-radios__input"'), `GOV.UK's radio is not let through: ${radio}`);
  assert.equal(failures.filter((f) => f.includes(`${base}/clean`) || f.includes(`${base}/form (`)).length, 0,
               'clean pages are not reported');
  assert.equal(failures.length, 5, failures.join('\n'));
  assert.deepEqual(problems, [], 'axe ran under the CSP without breaking it');
});

test('a page left at once by closing its context is still checked, at the viewport it was shown in', { timeout: 30_000 }, async () => {
  const { context, page: tab } = await openPage(browser, base, new Set(), { viewport: PHONE });
  await tab.goto(`${base}/image`);
  const failures = await failuresOnClose(context);
  assert.equal(failures.length, 1, failures.join('\n'));
  assert.match(failures[0], /image-alt \(critical\)/);
  assert.match(failures[0], /, 375x667\)/);
});

test('the CSP still blocks inline script while axe is injected, and a clean context closes quietly', { timeout: 30_000 }, async () => {
  const { context, page: tab, problems } = await openPage(browser, base);
  const response = await tab.goto(`${base}/inline`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await tab.goto(`${base}/clean`);
  assert.equal(await tab.title(), 'Clean');
  await context.close();  // resolves: both pages pass
  // Chromium's own report and the harness's securitypolicyviolation listener; nothing else.
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /^console error on .*\/inline: .*violates the following Content Security Policy directive 'script-src 'self''/);
  assert.match(problems[1], /^console error on .*\/inline: CSP violation: script-src-elem blocked inline$/);
});

// The proof that a violation fails a test by itself: tests/e2e/fixtures/planted-violation.mjs has
// two tests that only open a page and close their context, asserting nothing. Run by `node --test`
// as a child process, the one shown an <img> without alt text must fail, naming the page, the rule
// and the element, and the one shown a clean page must pass.
test('an accessibility violation fails the test that showed the page', { timeout: 60_000 }, async () => {
  const fixture = fileURLToPath(new URL('fixtures/planted-violation.mjs', import.meta.url));
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;  // else the child reports to this run instead of printing
  const { code, stdout } = await new Promise((resolve) => {
    execFile(process.execPath, ['--test', '--test-reporter=tap', fixture], { env, timeout: 50_000 },
             (error, out) => resolve({ code: error ? error.code : 0, stdout: out }));
  });
  assert.equal(code, 1, `the child run fails:\n${stdout}`);
  assert.match(stdout, /^# pass 1$/m, stdout);
  assert.match(stdout, /^# fail 1$/m, stdout);
  assert.match(stdout, /^ok \d+ - a clean page passes$/m, stdout);
  assert.match(stdout, /^not ok \d+ - a page with an image without alt text fails$/m, stdout);
  assert.match(stdout, /accessibility: http:\/\/127\.0\.0\.1:\d+\/image \(200, "Image", 1280x900\): image-alt \(critical\)/, stdout);
  assert.match(stdout, /at img: <img src="data:image\/gif/, stdout);
});
