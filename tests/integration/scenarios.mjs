// Every integration scenario, written once and run on each database engine by
// sqlite.test.mjs and postgres.test.mjs: the real `harbour` binary over HTTP, with the
// synthetic demo area (20 children, seed 7). Scenarios that change shared state (lockout,
// audit tampering) use their own users or databases, or run last.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertJsonError,
  ApiClient,
  DEMO_PASSWORD,
  WebClient,
  createToken,
  csrfOf,
  harbour,
  harbourOk,
  inputValue,
  pastDate,
  prepareDatabase,
  rawHttp,
  startServer,
  statusOf,
  syntheticNhsNumber,
  uniqueName,
} from '../support/harbour.mjs';
import { entryHash } from '../support/audit_chain.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';

const ID = /^[0-9a-f]{32}$/;

// A complete, valid new-child form (the page's field names).
function childForm(overrides = {}) {
  return {
    given_name: uniqueName('Wren'),
    family_name: uniqueName('Testfield'),
    dob_day: '14',
    dob_month: '3',
    dob_year: String(new Date().getUTCFullYear() - 13),
    sex: 'female',
    ethnicity: '',
    nhs_number: syntheticNhsNumber(),
    postcode: 'HB1 2AB',
    ...overrides,
  };
}

// A complete, valid API child.
function childJson(overrides = {}) {
  return {
    given_name: uniqueName('Juno'),
    family_name: uniqueName('Apifield'),
    date_of_birth: `${new Date().getUTCFullYear() - 14}-06-02`,
    sex: 'male',
    nhs_number: syntheticNhsNumber(),
    postcode: 'HB2 3DE',
    ...overrides,
  };
}

function concernJson(overrides = {}) {
  return {
    observed_at: new Date(Date.now() - 3 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    category: 'criminal_exploitation',
    indicators: ['ws.unexplained_gifts', 'ws.missing_school'],
    narrative: 'Seen near the station with older youths; new trainers and phone.',
    first_hand: true,
    immediate_danger: false,
    location: 'the railway station',
    ...overrides,
  };
}

function assertSecurityHeaders(headers, what) {
  const csp = headers.get('content-security-policy') ?? '';
  assert.ok(csp.length > 0, `${what}: Content-Security-Policy is missing`);
  assert.ok(!csp.includes("'unsafe-inline'"), `${what}: CSP allows 'unsafe-inline': ${csp}`);
  assert.ok(!csp.includes("'unsafe-eval'"), `${what}: CSP allows 'unsafe-eval': ${csp}`);
  assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP lacks frame-ancestors 'none'`);
  assert.match(csp, /default-src 'self'/, `${what}: CSP lacks default-src 'self'`);
  assert.equal(headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.equal(headers.get('referrer-policy'), 'no-referrer', `${what}: Referrer-Policy`);
  assert.equal(headers.get('cache-control'), 'no-store', `${what}: Cache-Control`);
}


// The sign-in page with what varies per attempt (the CSRF token and the typed username)
// replaced, so that two failed attempts can be compared byte for byte.
function normalisedSignIn(res, username) {
  const token = csrfOf(res.text);
  let text = res.text;
  if (token) text = text.split(token).join('CSRF');
  text = text.split(`value="${username}"`).join('value="USERNAME"');
  return text;
}

const decodeHtml = (text) =>
  text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

// The entries listed on an audit page: { seq, action, username, agency, refused, html }.
function auditRows(html) {
  return [...html.matchAll(/<tr class="govuk-table__row" id="entry-(\d+)">([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = [...m[2].matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]);
    return {
      seq: Number(m[1]),
      action: (m[2].match(/<code[^>]*>([^<]*)<\/code>/) ?? [])[1],
      username: decodeHtml(cells[1].split('<br>')[0].trim()),
      agency: (cells[1].match(/· ([^<]*)<\/span>/) ?? [])[1],
      refused: /Refused<\/strong>/.test(m[2]),
      html: m[2],
    };
  });
}

// The audit page's link to the newer ('prev') or older ('next') page, decoded.
function pagingLink(html, rel) {
  const m = html.match(new RegExp(`href="([^"]*)" rel="${rel}"`));
  return m ? decodeHtml(m[1]) : undefined;
}

export function defineScenarios(engine) {
  // Generous limits: the whole file takes about 15 s; these only stop a hung server or
  // database from hanging the run.
  describe(`Harbour on ${engine.name}`, { timeout: 180_000 }, () => {
    let url;
    let server;
    let base;
    const tokens = {};
    const api = (username) => new ApiClient(base, tokens[username]);

    before(async () => {
      await engine.start();
      url = await engine.newDatabase();
      prepareDatabase(url, { children: 20, seed: 7 });
      for (const u of ['demo.practitioner', 'demo.voluntary', 'demo.analyst', 'demo.coordinator']) {
        tokens[u] = createToken(url, u);
      }
      server = await startServer(url);
      base = server.base;
    }, { timeout: 90_000 });

    after(async () => {
      if (process.env.HARBOUR_TEST_LOG === '1' && server) process.stderr.write(server.output());
      await server?.stop();
      await engine.stop();
    }, { timeout: 30_000 });

    // --- basics --------------------------------------------------------------------------

    describe('basics', () => {
      test('GET /healthz is 200 with the database status', async () => {
        const res = await fetch(`${base}/healthz`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type'), /^application\/json/);
        assert.deepEqual(await res.json(), { status: 'ok', database: 'ok' });
      });

      test('an unknown page is a 404 HTML page', async () => {
        const res = await new WebClient(base).get('/no/such/page');
        assert.equal(res.status, 404);
        assert.match(res.headers.get('content-type'), /^text\/html/);
        assert.match(res.text, /Page not found/);
      });

      test('an unknown API route is a 404 JSON error', async () => {
        const res = await new ApiClient(base).get('/api/v1/nope');
        assertJsonError(res, 404, 'GET /api/v1/nope');
        assert.equal(res.json.error.code, 'not_found');
      });

      test('GET /api/v1/openapi.yaml serves the API description', async () => {
        const res = await fetch(`${base}/api/v1/openapi.yaml`);
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type'), /yaml/);
        const text = await res.text();
        assert.match(text, /^openapi:\s*["']?3\./m, 'the document starts with an openapi: 3.x version');
      });
    });

    // --- security headers and cookies --------------------------------------------------------

    describe('headers and cookies', () => {
      test('pages, API errors and redirects carry the security headers', async () => {
        const anonymous = new WebClient(base);
        assertSecurityHeaders((await anonymous.get('/sign-in')).headers, 'GET /sign-in');
        assertSecurityHeaders((await anonymous.get('/no/such/page')).headers, 'a 404 page');
        const redirect = await anonymous.get('/children');
        assert.equal(redirect.status, 303);
        assertSecurityHeaders(redirect.headers, 'the redirect to sign in');
        const web = new WebClient(base);
        await web.signInOk('demo.practitioner');
        assertSecurityHeaders((await web.get('/children/new')).headers, 'GET /children/new');
        assertSecurityHeaders((await web.get('/')).headers, 'GET /');
        const apiRes = await api('demo.practitioner').get('/api/v1/children?q=smith');
        assertSecurityHeaders(apiRes.headers, 'GET /api/v1/children');
      });

      test('cookies are HttpOnly and SameSite=Strict', async () => {
        const web = new WebClient(base);
        const form = await web.get('/sign-in');
        const signinCookie = form.setCookies.find((c) => c.startsWith('harbour_signin='));
        assert.ok(signinCookie, `GET /sign-in sets harbour_signin (got ${form.setCookies})`);
        const res = await web.signIn('demo.practitioner');
        assert.equal(res.status, 303);
        const session = res.setCookies.find((c) => c.startsWith('harbour_session='));
        assert.ok(session, `sign-in sets harbour_session (got ${res.setCookies})`);
        for (const cookie of [signinCookie, session]) {
          const attrs = cookie.split(';').map((a) => a.trim().toLowerCase());
          assert.ok(attrs.includes('httponly'), `HttpOnly: ${cookie}`);
          assert.ok(attrs.includes('samesite=strict'), `SameSite=Strict: ${cookie}`);
          assert.ok(attrs.includes('path=/'), `Path=/: ${cookie}`);
        }
        assert.ok(session.split(';')[0].length > 'harbour_session='.length + 20, 'a long session id');
      });
    });

    // --- sign-in ---------------------------------------------------------------------------

    describe('sign-in', () => {
      const password = 'a-long-enough-test-password';
      before(() => {
        for (const u of ['same.message', 'lock.out', 'fail.closed']) {
          harbourOk(['user', 'add', '--db', url, '--username', u, '--name', 'Test User', '--agency', 'HACAD',
                     '--role', 'practitioner', '--password-stdin'], { input: `${password}\n` });
        }
      });

      test('a wrong password and an unknown user get the same message and status', async () => {
        const wrong = await new WebClient(base).signIn('same.message', 'not-the-password-at-all');
        const unknown = await new WebClient(base).signIn('no.such.user', 'not-the-password-at-all');
        assert.ok(wrong.status >= 400 && wrong.status < 500, `wrong password: ${wrong.status}`);
        assert.equal(unknown.status, wrong.status, 'same status');
        assert.match(wrong.text, /Enter a correct username and password/);
        assert.equal(normalisedSignIn(unknown, 'no.such.user'), normalisedSignIn(wrong, 'same.message'),
                     'the two pages differ only in the typed username');
        assert.ok(!wrong.setCookies.some((c) => c.startsWith('harbour_session=')));
        assert.ok(!unknown.setCookies.some((c) => c.startsWith('harbour_session=')));
      });

      test('five failures lock the account: the right password then fails the same way', async () => {
        let wrong;
        for (let i = 0; i < 5; ++i) {
          wrong = await new WebClient(base).signIn('lock.out', `wrong-password-${i}-xxxxxx`);
          assert.ok(wrong.status >= 400 && wrong.status < 500, `attempt ${i + 1}: ${wrong.status}`);
        }
        const client = new WebClient(base);
        const right = await client.signIn('lock.out', password);
        assert.equal(right.status, wrong.status, 'a locked account answers like a wrong password');
        assert.equal(normalisedSignIn(right, 'lock.out'), normalisedSignIn(wrong, 'lock.out'));
        assert.ok(!client.cookies.has('harbour_session'), 'no session for a locked account');
        // The other account is unaffected.
        await new WebClient(base).signInOk('same.message', password);
        const audited = engine.sql(url, "SELECT outcome || ':' || detail FROM audit_log WHERE username = 'lock.out' " +
                                        "AND action = 'sign-in' ORDER BY seq").trim().split('\n');
        assert.equal(audited.length, 6, `every attempt is audited: ${audited}`);
        assert.ok(audited.every((line) => line.startsWith('refused:')), audited.join('; '));
        assert.match(audited[4], /locked/, 'the fifth failure locks');
        assert.match(audited[5], /locked/, 'the sixth is refused as locked');
      });

      test('lockout can silently fail: when the sign-in state cannot be saved, sign-in fails closed and is logged', async () => {
        // Every write of fail.closed's sign-in state now fails, as on a full disk.
        const block = engine.name === 'PostgreSQL'
          ? "CREATE FUNCTION harbour_test_block() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ " +
            "LANGUAGE plpgsql; CREATE TRIGGER harbour_test_block BEFORE UPDATE ON users FOR EACH ROW " +
            "WHEN (OLD.username = 'fail.closed') EXECUTE FUNCTION harbour_test_block();"
          : "CREATE TRIGGER harbour_test_block BEFORE UPDATE OF failed_sign_ins ON users " +
            "WHEN OLD.username = 'fail.closed' BEGIN SELECT RAISE(ABORT, 'disk full'); END;";
        engine.sql(url, block);
        try {
          const wrong = await new WebClient(base).signIn('fail.closed', 'not-the-password-at-all');
          assert.equal(wrong.status, 422);
          assert.match(wrong.text, /Enter a correct username and password/);
          const client = new WebClient(base);
          const right = await client.signIn('fail.closed', password);
          assert.equal(right.status, 422, 'the right password is refused while the state cannot be saved');
          assert.equal(normalisedSignIn(right, 'fail.closed'), normalisedSignIn(wrong, 'fail.closed'), 'the usual message');
          assert.ok(!client.cookies.has('harbour_session'), 'no session');
          assert.match(server.output(), /sign-in refused for user [0-9a-f]{32}: the sign-in state could not be saved/);
          const audited = engine.sql(url, "SELECT detail FROM audit_log WHERE username = 'fail.closed' " +
                                          "AND action = 'sign-in' ORDER BY seq").trim().split('\n');
          assert.deepEqual(audited, ['sign-in state could not be saved', 'sign-in state could not be saved']);
        } finally {
          engine.sql(url, engine.name === 'PostgreSQL'
            ? 'DROP TRIGGER harbour_test_block ON users; DROP FUNCTION harbour_test_block();'
            : 'DROP TRIGGER harbour_test_block;');
        }
        await new WebClient(base).signInOk('fail.closed', password);
      });

      test('an audit entry that cannot be written: no personal data, refusals stand, no sign-in', async () => {
        // Every audit append for demo.practitioner now fails, as on a full disk.
        const block = engine.name === 'PostgreSQL'
          ? "CREATE FUNCTION harbour_test_block() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ " +
            "LANGUAGE plpgsql; CREATE TRIGGER harbour_test_block BEFORE INSERT ON audit_log FOR EACH ROW " +
            "WHEN (NEW.username = 'demo.practitioner') EXECUTE FUNCTION harbour_test_block();"
          : "CREATE TRIGGER harbour_test_block BEFORE INSERT ON audit_log " +
            "WHEN NEW.username = 'demo.practitioner' BEGIN SELECT RAISE(ABORT, 'disk full'); END;";
        const web = new WebClient(base);
        await web.signInOk('demo.practitioner');
        engine.sql(url, block);
        try {
          const home = await web.get('/');
          assert.equal(home.status, 503, 'the home page lists recent children: not without its entry');
          assert.doesNotMatch(home.text, /Your recent children/);
          const refused = await web.get('/audit');
          assert.equal(refused.status, 403, 'a refusal shows nothing, so it stands');
          const again = new WebClient(base);
          const signIn = await again.signIn('demo.practitioner');
          assert.equal(signIn.status, 503, 'a sign-in the trail cannot show does not happen');
          assert.ok(!again.cookies.has('harbour_session'), 'no session cookie');
          const out = await web.postWithCsrf('/sign-out', {});
          assert.equal(out.status, 303, 'signing out always works');
          assert.equal((await web.get('/')).status, 303, 'and the session is gone');
          assert.match(server.output(), /audit append failed \(home\.view allowed for user [0-9a-f]{32}\)/);
          assert.match(server.output(), /audit append failed \(sign-in allowed for user [0-9a-f]{32}\)/);
        } finally {
          engine.sql(url, engine.name === 'PostgreSQL'
            ? 'DROP TRIGGER harbour_test_block ON audit_log; DROP FUNCTION harbour_test_block();'
            : 'DROP TRIGGER harbour_test_block;');
        }
        const signedIn = new WebClient(base);
        await signedIn.signInOk('demo.practitioner');
        assert.equal((await signedIn.get('/')).status, 200, 'all works again once the trail can be written');
      });

      test('signing in sets a session that signing out ends on the server', async () => {
        const web = new WebClient(base);
        const res = await web.signIn('demo.practitioner');
        assert.equal(res.status, 303);
        assert.equal(res.location, '/');
        const sessionCookie = web.cookies.get('harbour_session');
        assert.ok(sessionCookie);
        const home = await web.get('/');
        assert.notEqual(home.status, 303, 'signed in: no redirect to sign in');
        assert.match((await web.get('/no-such-page')).text, /Alex Morgan/, 'the layout names the user');

        const out = await web.postWithCsrf('/sign-out', {});
        assert.equal(out.status, 303);
        assert.equal(out.location, '/sign-in');
        assert.ok(!web.cookies.has('harbour_session'), 'the cookie is cleared');
        // Replaying the old cookie must not work: the session is gone on the server.
        const replay = await new WebClient(base).get('/', { headers: { cookie: `harbour_session=${sessionCookie}` } });
        assert.equal(replay.status, 303);
        assert.match(replay.location, /^\/sign-in/);
      });

      test('sign-in keeps a local next path and refuses an open redirect', async () => {
        const local = new WebClient(base);
        const form = await local.get('/sign-in?next=%2Fchildren%2Fnew');
        const res = await local.post('/sign-in', { _csrf: csrfOf(form.text), username: 'demo.practitioner',
                                                   password: DEMO_PASSWORD, next: '/children/new' });
        assert.equal(res.status, 303);
        assert.equal(res.location, '/children/new');
        const evil = new WebClient(base);
        const form2 = await evil.get('/sign-in');
        const res2 = await evil.post('/sign-in', { _csrf: csrfOf(form2.text), username: 'demo.practitioner',
                                                   password: DEMO_PASSWORD, next: '//evil.example/' });
        assert.equal(res2.status, 303);
        assert.equal(res2.location, '/');
      });

      test('a sign-in POST without the sign-in CSRF token is refused', async () => {
        const web = new WebClient(base);
        await web.get('/sign-in');
        const res = await web.post('/sign-in', { username: 'demo.practitioner', password: DEMO_PASSWORD });
        assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
        assert.ok(!web.cookies.has('harbour_session'));
        const forged = await web.post('/sign-in', { _csrf: 'forged-token-value', username: 'demo.practitioner',
                                                    password: DEMO_PASSWORD });
        assert.ok(forged.status >= 400 && forged.status < 500, `status ${forged.status}`);
        assert.ok(!web.cookies.has('harbour_session'));
      });

      test("one session's CSRF token does not work for another session", async () => {
        const alex = new WebClient(base);
        await alex.signInOk('demo.practitioner');
        const sam = new WebClient(base);
        await sam.signInOk('demo.practitioner');
        const samToken = await sam.csrf();
        assert.notEqual(await alex.csrf(), samToken, 'each session has its own token');
        const form = childForm();
        const res = await alex.post('/children', { _csrf: samToken, ...form });
        assert.equal(res.status, 403);
        const count = engine.sql(url, `SELECT count(*) FROM children WHERE given_name = '${form.given_name}'`);
        assert.equal(count.trim(), '0');
        assert.notEqual(alex.cookies.get('harbour_session'), sam.cookies.get('harbour_session'));
      });

      test('a page POST without or with a wrong _csrf is refused with 403 and changes nothing', async () => {
        const web = new WebClient(base);
        await web.signInOk('demo.practitioner');
        const form = childForm();
        const none = await web.post('/children', form);
        assert.equal(none.status, 403, 'no _csrf');
        const wrong = await web.post('/children', { _csrf: 'x'.repeat(43), ...form });
        assert.equal(wrong.status, 403, 'wrong _csrf');
        const count = engine.sql(url, `SELECT count(*) FROM children WHERE given_name = '${form.given_name}'`);
        assert.equal(count.trim(), '0', 'no child was created');
        const signOut = await web.post('/sign-out', {});
        assert.equal(signOut.status, 403, 'sign-out without _csrf');
        assert.notEqual((await web.get('/')).status, 303, 'still signed in');
      });
    });

    // --- the practitioner's web flow ----------------------------------------------------------

    describe('web flow as a practitioner', () => {
      const web = new WebClient(base);
      const form = childForm();
      let childId;
      let concernId;
      const narrative = `Observed ${uniqueName('Marker')} outside school getting into a car with two adults.`;
      before(async () => {
        web.base = base;
        await web.signInOk('demo.practitioner');
      });

      test('the new-child form is served with its fields', async () => {
        const page = await web.get('/children/new');
        assert.equal(page.status, 200);
        for (const name of ['_csrf', 'given_name', 'family_name', 'dob_day', 'dob_month', 'dob_year', 'nhs_number']) {
          assert.match(page.text, new RegExp(`name="${name}"`), `field ${name}`);
        }
        assert.match(page.text, /name="sex"/);
      });

      test('POST /children creates the child and redirects to the record', async () => {
        const res = await web.postWithCsrf('/children', form);
        assert.equal(res.status, 303, `body: ${res.text.slice(0, 800)}`);
        const m = res.location?.match(/^\/children\/([0-9a-f]{32})\?created=1$/);
        assert.ok(m, `Location ${res.location}`);
        childId = m[1];
      });

      test("the child's page shows their name", async () => {
        assert.ok(childId, 'needs the child from the previous test');
        const page = await web.get(`/children/${childId}`);
        assert.equal(page.status, 200);
        assert.ok(page.text.includes(form.given_name), 'given name shown');
        assert.ok(page.text.includes(form.family_name), 'family name shown');
      });

      test('an invalid NHS number shows the form again with what was typed', async () => {
        const bad = childForm({ given_name: 'Zed', family_name: 'Quillon', nhs_number: '123' });
        const res = await web.postWithCsrf('/children', bad);
        assert.equal(res.status, 422);
        assert.match(res.text, /value="Zed"/);
        assert.match(res.text, /value="Quillon"/);
        assert.match(res.text, /value="123"/);
        assert.match(res.text, /href="#nhs_number"/, 'the error summary links to the NHS number');
        assert.match(res.text, /NHS number/);
        assert.ok(csrfOf(res.text), 'the form keeps its _csrf');
        const count = engine.sql(url, "SELECT count(*) FROM children WHERE family_name = 'Quillon'");
        assert.equal(count.trim(), '0');
      });

      test('logging a concern with indicators leads to the chronology', async () => {
        assert.ok(childId, 'needs the child');
        const newForm = await web.get(`/children/${childId}/concerns/new`);
        assert.equal(newForm.status, 200);
        assert.match(newForm.text, /value="ws\.unexplained_gifts"/);
        const when = pastDate(2);
        const res = await web.postWithCsrf(`/children/${childId}/concerns`, [
          ['observed_day', String(when.day)],
          ['observed_month', String(when.month)],
          ['observed_year', String(when.year)],
          ['observed_time', '16:45'],
          ['location', 'Outside the school gates'],
          ['category', 'sexual_exploitation'],
          ['indicators', 'ws.unexplained_gifts'],
          ['indicators', 'ws.cars_with_unknown_adults'],
          ['narrative', narrative],
          ['first_hand', 'yes'],
          ['immediate_danger', 'no'],
        ]);
        assert.equal(res.status, 303, `body: ${res.text.slice(0, 800)}`);
        assert.equal(res.location, `/children/${childId}/chronology?logged=1`);
        const chronology = await web.get(res.location);
        assert.equal(chronology.status, 200);
        assert.ok(chronology.text.includes(narrative), 'the narrative is on the chronology');
        const entries = await api('demo.practitioner').get(`/api/v1/children/${childId}/chronology?type=concern`);
        assert.equal(entries.status, 200);
        assert.equal(entries.json.entries.length, 1);
        assert.deepEqual(entries.json.entries[0].indicators, ['ws.cars_with_unknown_adults', 'ws.unexplained_gifts']);
        concernId = entries.json.entries[0].id;
      });

      test('an invalid concern shows the form again, keeping the ticked indicators', async () => {
        assert.ok(childId, 'needs the child');
        const res = await web.postWithCsrf(`/children/${childId}/concerns`, [
          ['category', 'missing'],
          ['indicators', 'ws.missing_school'],
          ['narrative', 'Not seen since Friday.'],
          ['first_hand', 'no'],
        ]);
        assert.equal(res.status, 422);
        assert.match(res.text, /href="#observed_/, 'the summary links to the date');
        const ticked = [...res.text.matchAll(/<input\b[^>]*>/g)].map((m) => m[0])
          .filter((tag) => tag.includes('value="ws.missing_school"'));
        assert.equal(ticked.length, 1, 'one checkbox for the indicator');
        assert.match(ticked[0], /\bchecked\b/, 'the indicator stays ticked');
        assert.ok(res.text.includes('Not seen since Friday.'));
      });

      test('an addendum is added to the concern', async () => {
        assert.ok(concernId, 'needs the concern');
        const text = `Addendum ${uniqueName('Note')}: the car was a blue hatchback.`;
        const res = await web.postWithCsrf(`/children/${childId}/concerns/${concernId}/addenda`, { text });
        assert.equal(res.status, 303);
        assert.equal(res.location, `/children/${childId}/chronology#concern-${concernId}`);
        const page = await web.get(`/children/${childId}/chronology`);
        assert.equal(page.status, 200);
        assert.ok(page.text.includes(text), 'the addendum is on the chronology');
        const entries = await api('demo.practitioner').get(`/api/v1/children/${childId}/chronology?type=addendum`);
        assert.equal(entries.json.entries.length, 1);
        assert.equal(entries.json.entries[0].concern_id, concernId);
      });

      test('free text is escaped on the page, never run as markup', async () => {
        assert.ok(childId, 'needs the child');
        const when = pastDate(4);
        const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
        const res = await web.postWithCsrf(`/children/${childId}/concerns`, {
          observed_day: String(when.day), observed_month: String(when.month), observed_year: String(when.year),
          category: 'online_harm', narrative: `Messages said ${script} then stopped.`, first_hand: 'no',
        });
        assert.equal(res.status, 303, res.text.slice(0, 500));
        const page = await web.get(`/children/${childId}/chronology`);
        assert.equal(page.status, 200);
        assert.ok(!page.text.includes(script), 'the markup is not echoed raw');
        assert.ok(page.text.includes('&lt;script&gt;'), 'it is shown escaped');
      });

      test('a concern reporting immediate danger alerts the coordinator', async () => {
        assert.ok(childId, 'needs the child');
        const when = pastDate(1);
        const res = await web.postWithCsrf(`/children/${childId}/concerns`, {
          observed_day: String(when.day), observed_month: String(when.month), observed_year: String(when.year),
          observed_time: '00:01', category: 'missing', narrative: 'Said they are being held at a flat and cannot leave.',
          first_hand: 'yes', immediate_danger: 'yes',
        });
        assert.equal(res.status, 200, 'the immediate-danger page is shown instead of a redirect');
        assert.match(res.text, /999/, 'it tells the practitioner to call 999');
        const alerts = engine.sql(url, `SELECT count(*) FROM alerts WHERE child_id = '${childId}' AND kind = 'immediate_danger'`);
        assert.equal(alerts.trim(), '1');
        const coordinator = new WebClient(base);
        await coordinator.signInOk('demo.coordinator');
        const home = await coordinator.get('/');
        assert.equal(home.status, 200);
        assert.ok(home.text.includes(`/children/${childId}/chronology`), "the coordinator's home links to the child");
        assert.ok(home.text.includes(form.family_name));
      });

      test('the child search finds the new child', async () => {
        assert.ok(childId, 'needs the child');
        const page = await web.get(`/children?q=${encodeURIComponent(`${form.given_name} ${form.family_name}`)}`);
        assert.equal(page.status, 200);
        assert.ok(page.text.includes(`/children/${childId}`), 'a link to the child');
      });
    });

    // --- access control and its audit -----------------------------------------------------------

    describe('access between agencies and roles', () => {
      let child;
      before(async () => {
        const res = await api('demo.practitioner').post('/api/v1/children', childJson());
        assert.equal(res.status, 201, res.text);
        child = res.json;
      });

      test("another agency's practitioner gets 404 for the child's page", async () => {
        const web = new WebClient(base);
        await web.signInOk('demo.voluntary');
        for (const path of [`/children/${child.id}`, `/children/${child.id}/chronology`,
                            `/children/${child.id}/concerns/new`]) {
          const res = await web.get(path);
          assert.equal(res.status, 404, path);
          assert.match(res.text, /Page not found/, path);
          assert.ok(!res.text.includes(child.family_name), `${path} does not reveal the name`);
        }
        const post = await web.postWithCsrf(`/children/${child.id}/concerns`, {
          category: 'other', narrative: 'x', first_hand: 'yes',
        });
        assert.equal(post.status, 404, 'logging a concern is refused as not found');
      });

      test("another agency's API token gets a 404 JSON error for the child", async () => {
        const res = await api('demo.voluntary').get(`/api/v1/children/${child.id}`);
        assertJsonError(res, 404, 'voluntary GET child');
        assert.ok(!res.text.includes(child.family_name));
        const chronology = await api('demo.voluntary').get(`/api/v1/children/${child.id}/chronology`);
        assertJsonError(chronology, 404, 'voluntary GET chronology');
        const concern = await api('demo.voluntary').post(`/api/v1/children/${child.id}/concerns`, concernJson());
        assertJsonError(concern, 404, 'voluntary POST concern');
      });

      test('an analyst gets 403 for a child through the API', async () => {
        const res = await api('demo.analyst').get(`/api/v1/children/${child.id}`);
        assertJsonError(res, 403, 'analyst GET child');
        assert.ok(!res.text.includes(child.family_name));
      });

      test('the coordinator sees every child', async () => {
        const res = await api('demo.coordinator').get(`/api/v1/children/${child.id}`);
        assert.equal(res.status, 200);
        assert.equal(res.json.id, child.id);
      });

      test('a search outside access shows no result but counts it', async () => {
        const q = encodeURIComponent(`${child.given_name} ${child.family_name}`);
        const res = await api('demo.voluntary').get(`/api/v1/children?q=${q}`);
        assert.equal(res.status, 200);
        assert.deepEqual(res.json.children, []);
        assert.ok(res.json.outside_access >= 1, `outside_access ${res.json.outside_access}`);
        const own = await api('demo.practitioner').get(`/api/v1/children?q=${q}`);
        assert.deepEqual(own.json.children.map((c) => c.id), [child.id]);
        assert.equal(own.json.outside_access, 0);
        const web = new WebClient(base);
        await web.signInOk('demo.voluntary');
        const page = await web.get(`/children?q=${q}`);
        assert.equal(page.status, 200);
        assert.ok(!page.text.includes(`/children/${child.id}`), 'no link to the child');
      });

      test('the refusals are in the audit trail', async () => {
        const rows = engine.sql(url, `SELECT username, action, outcome FROM audit_log WHERE record_id = '${child.id}' ` +
                                     `AND outcome = 'refused' ORDER BY seq`);
        const lines = rows.trim().split('\n').filter(Boolean);
        assert.ok(lines.some((l) => l.startsWith('demo.voluntary|child.view|refused')), rows);
        assert.ok(lines.some((l) => l.startsWith('demo.analyst|child.view|refused')), rows);
        const verify = harbour(['audit', 'verify', '--db', url]);
        assert.equal(verify.status, 0, verify.stdout + verify.stderr);
      });

      test("the auditor's page lists the refusal", async () => {
        const web = new WebClient(base);
        await web.signInOk('demo.auditor');
        const page = await web.get(`/audit?record=${child.id}`);
        assert.equal(page.status, 200);
        assert.match(page.text, /refused/i);
        assert.match(page.text, /demo\.voluntary/);
        const practitioner = new WebClient(base);
        await practitioner.signInOk('demo.practitioner');
        assert.equal((await practitioner.get('/audit')).status, 403, 'only auditors read the trail');
      });

      test('an access request granted by the coordinator opens the record (runs last here)', async () => {
        const terms = `${child.given_name} ${child.family_name}`;
        const voluntary = new WebClient(base);
        await voluntary.signInOk('demo.voluntary');
        const search = await voluntary.get(`/children?q=${encodeURIComponent(terms)}`);
        assert.match(search.text, /action="\/access-requests"/, 'the search offers to ask for access');
        // Regression: an over-long reason came back as an error page that lost what was typed.
        const tooLong = 'Too long. '.repeat(201);
        const refused = await voluntary.postWithCsrf('/access-requests', { q: terms, reason: tooLong });
        assert.equal(refused.status, 422);
        assert.match(refused.text, /2,000 characters or fewer/);
        assert.ok(refused.text.includes(tooLong.trim()), 'the reason as typed is shown again');
        assert.equal(engine.sql(url, `SELECT COUNT(*) FROM access_requests WHERE search_terms = '${terms}'`).trim(), '0');
        const asked = await voluntary.postWithCsrf('/access-requests',
                                                   { q: terms, reason: 'Working with her at our drop-in' });
        assert.equal(asked.status, 200);
        assert.ok(!asked.text.includes(`/children/${child.id}`), 'asking reveals nothing about the child');
        const requestId = engine.sql(url, `SELECT id FROM access_requests WHERE search_terms = '${terms}' AND status = 'open'`).trim();
        assert.match(requestId, ID);

        const practitioner = new WebClient(base);
        await practitioner.signInOk('demo.practitioner');
        assert.equal((await practitioner.get('/access-requests')).status, 403, 'only the coordinator decides');
        const notCoordinator = await practitioner.postWithCsrf(`/access-requests/${requestId}`,
                                                               { decision: 'grant', child_id: child.id });
        assert.equal(notCoordinator.status, 403);

        const coordinator = new WebClient(base);
        await coordinator.signInOk('demo.coordinator');
        const list = await coordinator.get('/access-requests');
        assert.equal(list.status, 200);
        assert.ok(list.text.includes('Working with her at our drop-in'));
        assert.ok(list.text.includes(`value="${child.id}"`), 'the matching record can be chosen');
        const unchosen = await coordinator.postWithCsrf(`/access-requests/${requestId}`, { decision: 'grant' });
        assert.ok(unchosen.status >= 400 && unchosen.status < 500, `a grant without a record: ${unchosen.status}`);
        assert.equal((await voluntary.get(`/children/${child.id}`)).status, 404, 'still closed');
        const granted = await coordinator.postWithCsrf(`/access-requests/${requestId}`,
                                                       { decision: 'grant', child_id: child.id });
        assert.equal(granted.status, 303);
        assert.equal(granted.location, '/access-requests');

        const page = await voluntary.get(`/children/${child.id}`);
        assert.equal(page.status, 200, 'the grant opens the page');
        assert.ok(page.text.includes(child.family_name));
        const viaApi = await api('demo.voluntary').get(`/api/v1/children/${child.id}`);
        assert.equal(viaApi.status, 200, 'and the API');
        const again = await coordinator.postWithCsrf(`/access-requests/${requestId}`, { decision: 'refuse' });
        assert.equal(again.status, 404, 'a decided request cannot be decided again');
        const audited = engine.sql(url, `SELECT count(*) FROM audit_log WHERE action = 'access.grant' AND record_id = '${child.id}'`);
        assert.equal(audited.trim(), '1', 'the grant is audited');
      });
    });

    // --- the team around the child --------------------------------------------------------------

    describe('adding an agency to the team around the child', () => {
      test('gives that agency access, is audited, and refuses an unknown agency', async () => {
        const created = await api('demo.practitioner').post('/api/v1/children', childJson());
        assert.equal(created.status, 201, created.text);
        const child = created.json;
        const voluntary = new WebClient(base);
        await voluntary.signInOk('demo.voluntary');
        assert.equal((await voluntary.get(`/children/${child.id}`)).status, 404, 'not on the team yet');

        const practitioner = new WebClient(base);
        await practitioner.signInOk('demo.practitioner');
        const record = await practitioner.get(`/children/${child.id}`);
        assert.match(record.text, new RegExp(`action="/children/${child.id}/team"`));
        const safe = engine.sql(url, "SELECT id FROM agencies WHERE code = 'SAFE'").trim();
        assert.match(safe, ID);

        const unknown = await practitioner.postWithCsrf(`/children/${child.id}/team`, { agency: '0'.repeat(32) });
        assert.equal(unknown.status, 422, 'an agency that does not exist is refused');

        const outsider = await voluntary.postWithCsrf(`/children/${child.id}/team`, { agency: safe });
        assert.equal(outsider.status, 404, 'an agency cannot add itself to a child it cannot see');

        const added = await practitioner.postWithCsrf(`/children/${child.id}/team`, { agency: safe });
        assert.equal(added.status, 303);
        assert.equal(added.location, `/children/${child.id}?team=added`);
        const page = await voluntary.get(`/children/${child.id}`);
        assert.equal(page.status, 200, 'the agency now sees the child');
        assert.match(page.text, /Added to the team/);
        const audited = engine.sql(url, `SELECT count(*) FROM audit_log WHERE action = 'team.add' AND record_id = '${child.id}' AND detail = 'agency SAFE'`).trim();
        assert.equal(audited, '1');
      });
    });

    // --- the JSON API ---------------------------------------------------------------------------

    describe('API v1', () => {
      test('POST /api/v1/children creates a child (201, Location, snake_case JSON)', async () => {
        const input = childJson({ aliases: ['Jay'] });
        const res = await api('demo.practitioner').post('/api/v1/children', input);
        assert.equal(res.status, 201, res.text);
        assert.match(res.headers.get('content-type'), /^application\/json/);
        assert.match(res.json.id, ID);
        assert.equal(res.headers.get('location'), `/api/v1/children/${res.json.id}`);
        for (const key of Object.keys(res.json)) assert.match(key, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, key);
        assert.equal(res.json.given_name, input.given_name);
        assert.equal(res.json.family_name, input.family_name);
        assert.equal(res.json.date_of_birth, input.date_of_birth);
        assert.match(res.json.date_of_birth, /^\d{4}-\d{2}-\d{2}$/);
        assert.equal(res.json.nhs_number, input.nhs_number);
        assert.equal(res.json.sex, 'male');
        assert.deepEqual(res.json.aliases, ['Jay']);
        assert.match(res.json.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        const again = await api('demo.practitioner').get(res.headers.get('location'));
        assert.equal(again.status, 200);
        // GET adds the child's active warning flags (none yet) to what POST returned.
        assert.deepEqual(again.json, { ...res.json, flags: [] });
      });

      test('invalid input is 422 with a message per field', async () => {
        const res = await api('demo.practitioner').post('/api/v1/children', { given_name: '', nhs_number: '123' });
        assertJsonError(res, 422, 'invalid child');
        assert.equal(typeof res.json.error.fields.given_name, 'string');
        assert.equal(typeof res.json.error.fields.nhs_number, 'string');
        const typed = await api('demo.practitioner').post('/api/v1/children', childJson({ given_name: 7, colour: 'blue' }));
        assertJsonError(typed, 422, 'wrong types');
        assert.ok(typed.json.error.fields.given_name, 'a number for a string');
        assert.ok(typed.json.error.fields.colour, 'an unknown member');
      });

      test('malformed JSON is 400, and a body that is not JSON is refused', async () => {
        const res = await api('demo.practitioner').request('POST', '/api/v1/children', {
          body: '{"given_name": "Ann", ', headers: { 'content-type': 'application/json' },
        });
        assertJsonError(res, 400, 'malformed JSON');
        const form = await api('demo.practitioner').request('POST', '/api/v1/children', {
          body: 'given_name=Ann', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        assert.ok(form.status === 400 || form.status === 415, `form body: ${form.status}`);
        const array = await api('demo.practitioner').request('POST', '/api/v1/children', {
          body: '[1,2]', headers: { 'content-type': 'application/json' },
        });
        assert.ok(array.status === 400 || array.status === 422, `array body: ${array.status}`);
      });

      test('no token or a bad token is 401 with WWW-Authenticate', async () => {
        for (const client of [new ApiClient(base), new ApiClient(base, 'not-a-real-token')]) {
          const res = await client.get('/api/v1/children?q=smith');
          assertJsonError(res, 401, 'unauthenticated');
          assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
        }
        const session = new WebClient(base);
        await session.signInOk('demo.practitioner');
        const cookieOnly = await new ApiClient(base).get('/api/v1/children?q=smith', {
          headers: { cookie: session.cookieHeader() },
        });
        assert.equal(cookieOnly.status, 401, 'a session cookie is not an API credential');
      });

      test('a duplicate NHS number is 409', async () => {
        const nhs = syntheticNhsNumber();
        const first = await api('demo.practitioner').post('/api/v1/children', childJson({ nhs_number: nhs }));
        assert.equal(first.status, 201, first.text);
        const second = await api('demo.practitioner').post('/api/v1/children', childJson({ nhs_number: nhs }));
        assertJsonError(second, 409, 'duplicate NHS number');
        assert.ok(second.json.error.fields.nhs_number);
        const spaced = `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;
        const third = await api('demo.voluntary').post('/api/v1/children', childJson({ nhs_number: spaced }));
        assertJsonError(third, 409, 'the same number with spaces, from another agency');
      });

      test('a 2 MiB body is 413', async () => {
        const big = JSON.stringify({ ...childJson(), address: 'x'.repeat(2 * 1024 * 1024) });
        const res = await api('demo.practitioner').request('POST', '/api/v1/children', {
          body: big, headers: { 'content-type': 'application/json' },
        });
        assertJsonError(res, 413, '2 MiB body');
        // The server is still healthy afterwards.
        assert.equal((await fetch(`${base}/healthz`)).status, 200);
      });

      test('concerns: a future observed_at is 422; a valid concern is 201', async () => {
        const created = await api('demo.practitioner').post('/api/v1/children', childJson());
        assert.equal(created.status, 201);
        const id = created.json.id;
        const future = new Date(Date.now() + 2 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        const bad = await api('demo.practitioner').post(`/api/v1/children/${id}/concerns`, concernJson({ observed_at: future }));
        assertJsonError(bad, 422, 'future observed_at');
        assert.ok(bad.json.error.fields.observed_at);
        const unknown = await api('demo.practitioner').post(`/api/v1/children/${id}/concerns`,
                                                          concernJson({ indicators: ['ws.no_such_indicator'] }));
        assertJsonError(unknown, 422, 'unknown indicator');
        assert.ok(unknown.json.error.fields.indicators);
        const ok = await api('demo.practitioner').post(`/api/v1/children/${id}/concerns`, concernJson());
        assert.equal(ok.status, 201, ok.text);
        assert.match(ok.json.id, ID);
        assert.equal(ok.json.child_id, id);
        assert.equal(ok.json.category, 'criminal_exploitation');
        assert.deepEqual([...ok.json.indicators].sort(), ['ws.missing_school', 'ws.unexplained_gifts']);
        assert.equal(ok.json.first_hand, true);
        assert.equal(ok.headers.get('location'), `/api/v1/children/${id}/chronology`);
      });

      test('the chronology is newest first and filters by type', async () => {
        const created = await api('demo.practitioner').post('/api/v1/children', childJson());
        const id = created.json.id;
        const at = (days) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
        for (const [days, category] of [[10, 'missing'], [1, 'online_harm'], [5, 'other']]) {
          const res = await api('demo.practitioner').post(`/api/v1/children/${id}/concerns`,
                                                        concernJson({ observed_at: at(days), category }));
          assert.equal(res.status, 201, res.text);
        }
        const res = await api('demo.practitioner').get(`/api/v1/children/${id}/chronology`);
        assert.equal(res.status, 200);
        const { entries } = res.json;
        assert.equal(entries.length, 4, 'three concerns and the record');
        for (const e of entries) {
          for (const key of ['type', 'at', 'agency', 'summary', 'id']) assert.ok(key in e, `entry has ${key}`);
          assert.match(e.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        }
        const times = entries.map((e) => e.at);
        assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
        assert.equal(entries[0].type, 'record', 'the record was made just now');
        assert.equal(entries[0].agency, 'Harbourside Academy');
        const concerns = await api('demo.practitioner').get(`/api/v1/children/${id}/chronology?type=concern`);
        assert.equal(concerns.json.entries.length, 3);
        assert.ok(concerns.json.entries.every((e) => e.type === 'concern'));
        assert.deepEqual(concerns.json.entries.map((e) => e.summary.toLowerCase().split(':')[0]),
                         ['online harm', 'other', 'missing'], 'each summary starts with its category');
        const badType = await api('demo.practitioner').get(`/api/v1/children/${id}/chronology?type=nonsense`);
        assertJsonError(badType, 422, 'unknown type');
      });

      test('search matches accents, NHS numbers with spaces and dates of birth', async () => {
        const family = uniqueName('Ångström');
        const nhs = syntheticNhsNumber();
        const created = await api('demo.practitioner').post('/api/v1/children',
                                                           childJson({ given_name: 'Zoë', family_name: family,
                                                                       nhs_number: nhs, date_of_birth: '2013-02-28' }));
        assert.equal(created.status, 201, created.text);
        const ids = async (q) => {
          const res = await api('demo.practitioner').get(`/api/v1/children?q=${encodeURIComponent(q)}`);
          assert.equal(res.status, 200, `${q}: ${res.text}`);
          return res.json.children.map((c) => c.id);
        };
        const plain = family.replace('Å', 'A').replace('ö', 'o');
        assert.ok((await ids(`zoe ${plain}`)).includes(created.json.id), 'name without accents');
        assert.ok((await ids(`Zoë ${family}`)).includes(created.json.id), 'name with accents');
        assert.ok((await ids(`${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`)).includes(created.json.id), 'NHS number');
        assert.ok((await ids('2013-02-28')).includes(created.json.id), 'ISO date of birth');
        assert.ok((await ids('28/2/2013')).includes(created.json.id), 'UK date of birth');
        assert.ok(!(await ids('zoe zzzzzzunknown')).includes(created.json.id), 'another family name');
      });

      test('a method the route does not have is 405 with Allow', async () => {
        const created = await api('demo.practitioner').post('/api/v1/children', childJson());
        const res = await api('demo.practitioner').request('DELETE', `/api/v1/children/${created.json.id}`);
        assertJsonError(res, 405, 'DELETE a child');
        assert.equal(res.json.error.code, 'method_not_allowed');
        assert.match(res.headers.get('allow') ?? '', /\bGET\b/);
        assert.equal((await api('demo.practitioner').get(`/api/v1/children/${created.json.id}`)).status, 200, 'still there');
      });

      test('concurrent writes all succeed, duplicates conflict, and the audit chain holds', async () => {
        const client = api('demo.practitioner');
        const nhs = syntheticNhsNumber();
        const distinct = Array.from({ length: 12 }, () => client.post('/api/v1/children', childJson()));
        const same = Array.from({ length: 6 }, () => client.post('/api/v1/children', childJson({ nhs_number: nhs })));
        const reads = Array.from({ length: 8 }, () => client.get('/api/v1/children?q=smith'));
        const [a, b, c] = await Promise.all([Promise.all(distinct), Promise.all(same), Promise.all(reads)]);
        assert.deepEqual(a.map((r) => r.status), Array(12).fill(201), a.map((r) => r.text).join('\n').slice(0, 2000));
        assert.deepEqual(b.map((r) => r.status).sort(), [201, 409, 409, 409, 409, 409],
                         b.map((r) => r.text).join('\n').slice(0, 2000));
        assert.deepEqual(c.map((r) => r.status), Array(8).fill(200));
        const id = a[0].json.id;
        const concerns = await Promise.all(Array.from({ length: 10 }, (_, i) =>
          client.post(`/api/v1/children/${id}/concerns`, concernJson({ narrative: `Concurrent concern ${i}.` }))));
        assert.deepEqual(concerns.map((r) => r.status), Array(10).fill(201));
        const verify = harbour(['audit', 'verify', '--db', url]);
        assert.equal(verify.status, 0, verify.stdout + verify.stderr);
      });

      test('search needs a term', async () => {
        const res = await api('demo.practitioner').get('/api/v1/children');
        assertJsonError(res, 422, 'search without q');
        assert.ok(res.json.error.fields.q);
      });
    });

    // --- malformed HTTP -----------------------------------------------------------------------

    describe('malformed HTTP', () => {
      test('a malformed request line is 400', async () => {
        for (const line of ['THIS IS NOT HTTP\r\n\r\n', 'GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n',
                            'GET\r\n\r\n']) {
          const response = await rawHttp(server.port, line);
          assert.equal(statusOf(response), 400, `${JSON.stringify(line)} → ${response.slice(0, 200)}`);
        }
        const noHost = await rawHttp(server.port, 'GET /healthz HTTP/1.1\r\n\r\n');
        assert.equal(statusOf(noHost), 400, 'HTTP/1.1 without Host');
      });

      test('static assets are served, and paths outside the assets folder are not', async () => {
        const css = await fetch(`${base}/assets/harbour.css`);
        assert.equal(css.status, 200);
        assert.match(css.headers.get('content-type'), /^text\/css/);
        assert.equal(css.headers.get('x-content-type-options'), 'nosniff');
        for (const target of ['/assets/../CMakeCache.txt', '/assets/%2e%2e/%2e%2e/CMakeLists.txt',
                              '/assets/..%2f..%2fCMakeLists.txt', '/assets/.hidden.css', '/assets//etc/passwd']) {
          const response = await rawHttp(server.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
          const status = statusOf(response);
          assert.ok(status === 404 || status === 400, `${target} → ${status}`);
          assert.ok(!/cmake_minimum_required|CMAKE_/i.test(response), `${target} leaked a file`);
        }
      });

      test('a query string with bad percent-encoding is 400', async () => {
        const response = await rawHttp(server.port, 'GET /children?q=%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
        assert.equal(statusOf(response), 400, response.slice(0, 200));
      });

      test('a 10 KiB header is 431', async () => {
        const response = await rawHttp(server.port,
                                       `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(10 * 1024)}\r\n\r\n`);
        assert.equal(statusOf(response), 431, response.slice(0, 200));
        assert.equal((await fetch(`${base}/healthz`)).status, 200, 'still serving');
      });
    });

    // --- CLI ------------------------------------------------------------------------------------

    describe('CLI', () => {
      test('agency add, user add --password-stdin and token create make a working user', async () => {
        const code = `T${Math.floor(Math.random() * 1e6)}`;
        const agency = harbour(['agency', 'add', '--db', url, '--code', code, '--name', 'Test Youth Project',
                                '--sector', 'voluntary', '--type', 'voluntary']);
        assert.equal(agency.status, 0, agency.stderr);
        const again = harbour(['agency', 'add', '--db', url, '--code', code, '--name', 'Test Youth Project',
                               '--sector', 'voluntary', '--type', 'voluntary']);
        assert.notEqual(again.status, 0, 'a duplicate agency code is refused');
        const bad = harbour(['agency', 'add', '--db', url, '--code', 'BADSECT', '--name', 'X', '--sector', 'nonsense',
                             '--type', 'voluntary']);
        assert.notEqual(bad.status, 0, 'an unknown sector is refused');

        const password = 'another-long-test-password';
        const user = harbour(['user', 'add', '--db', url, '--username', 'cli.worker', '--name', 'Cli Worker',
                              '--agency', code, '--role', 'practitioner', '--password-stdin'], { input: `${password}\n` });
        assert.equal(user.status, 0, user.stderr);
        await new WebClient(base).signInOk('cli.worker', password);

        const token = harbour(['token', 'create', '--db', url, '--username', 'cli.worker']);
        assert.equal(token.status, 0, token.stderr);
        const secret = token.stdout.trim();
        const created = await new ApiClient(base, secret).post('/api/v1/children', childJson());
        assert.equal(created.status, 201, created.text);
        const seen = await api('demo.practitioner').get(`/api/v1/children/${created.json.id}`);
        assert.equal(seen.status, 404, 'a child made by the new agency is hidden from HACAD');
      });

      test('user add refuses a short password with a message', () => {
        const out = harbour(['user', 'add', '--db', url, '--username', 'short.pw', '--name', 'Short Password',
                             '--agency', 'HACAD', '--role', 'practitioner', '--password-stdin'], { input: 'short\n' });
        assert.notEqual(out.status, 0);
        assert.match(out.stderr, /password/i);
        const count = engine.sql(url, "SELECT count(*) FROM users WHERE username = 'short.pw'");
        assert.equal(count.trim(), '0');
      });

      test('user add refuses an unknown agency and role; token create an unknown user', () => {
        const agency = harbour(['user', 'add', '--db', url, '--username', 'no.agency', '--name', 'No Agency',
                                '--agency', 'NOPE', '--role', 'practitioner', '--password-stdin'],
                               { input: 'a-perfectly-fine-password\n' });
        assert.notEqual(agency.status, 0);
        assert.match(agency.stderr, /agency/i);
        const role = harbour(['user', 'add', '--db', url, '--username', 'no.role', '--name', 'No Role',
                              '--agency', 'HACAD', '--role', 'overlord', '--password-stdin'],
                             { input: 'a-perfectly-fine-password\n' });
        assert.notEqual(role.status, 0);
        assert.match(role.stderr, /role/i);
        const token = harbour(['token', 'create', '--db', url, '--username', 'nobody.here']);
        assert.notEqual(token.status, 0);
        assert.equal(token.stdout.trim(), '', 'no token printed');
      });
    });

    // --- the auditor's trail: every entry about a child, filters, pages, the export ---------------

    describe("the auditor's audit trail", () => {
      let child;
      let auditor;
      const isoDay = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
      const londonDay = (days = 0) =>
        new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
      const trail = async (query) => {
        const res = await auditor.get(`/audit${query ? `?${query}` : ''}`);
        assert.equal(res.status, 200, `GET /audit?${query}: ${res.text.slice(0, 600)}`);
        return { ...res, rows: auditRows(res.text) };
      };
      const sql = (query) => engine.sql(url, query).trim();

      before(async () => {
        // A practitioner logs a concern, submits an assessment and refers; the coordinator
        // accepts the referral, puts the child on a panel agenda and records the decision.
        const practitioner = api('demo.practitioner');
        const coordinator = api('demo.coordinator');
        const made = await practitioner.post('/api/v1/children', childJson());
        assert.equal(made.status, 201, made.text);
        child = made.json;
        const concern = await practitioner.post(`/api/v1/children/${child.id}/concerns`, concernJson());
        assert.equal(concern.status, 201, concern.text);
        const assessed = await practitioner.post(`/api/v1/children/${child.id}/assessments`, {
          tool_id: 'harbour-screening',
          answers: [
            { indicator: 'ws.older_relationship', last_seen: isoDay(-3) },
            { indicator: 'ws.going_missing', last_seen: isoDay(-5), earlier_seen: isoDay(-200) },
            { indicator: 'vu.no_trusted_adult', recency: 'current' },
          ],
          judged_level: 'significant_risk',
        });
        assert.equal(assessed.status, 201, assessed.text);
        const referral = await practitioner.post(`/api/v1/children/${child.id}/referrals`, {
          assessment_id: assessed.json.id, reason: 'Seen getting into cars with older men.', sharing: 'consent',
        });
        assert.equal(referral.status, 201, referral.text);
        for (const to of ['screening', 'accepted']) {
          const moved = await coordinator.post(`/api/v1/referrals/${referral.json.id}/transitions`, { to });
          assert.equal(moved.status, 200, moved.text);
        }
        const meeting = await coordinator.post('/api/v1/panel/meetings', {
          date: londonDay(-1), time: '15:00', place: 'Room 4', online: false, recorded_afterwards: true,
        });
        assert.equal(meeting.status, 201, meeting.text);
        const item = await coordinator.post(`/api/v1/panel/meetings/${meeting.json.id}/agenda`,
          { child_id: child.id, referral_id: referral.json.id });
        assert.equal(item.status, 201, item.text);
        const decided = await coordinator.post(`/api/v1/panel/meetings/${meeting.json.id}/items/${item.json.id}/decision`,
          { category: '2', models: ['peer'], plan: 'Disruption visits.', next_review: londonDay(42) });
        assert.equal(decided.status, 200, decided.text);
        const seen = await coordinator.get(`/api/v1/panel/meetings/${meeting.json.id}`);
        assert.equal(seen.status, 200, seen.text);
        // A refusal about the child.
        assertJsonError(await api('demo.voluntary').get(`/api/v1/children/${child.id}`), 404, 'another agency');
        auditor = new WebClient(base);
        await auditor.signInOk('demo.auditor');
      });

      test('audit trail lists every action about a child, whatever record the entry names (regression)', async () => {
        // Every entry naming the child in the database, sealed or inferred (before the page adds
        // its own).
        const expected = sql(`SELECT seq FROM audit_log WHERE child_id = '${child.id}' OR inferred_child_id = '${child.id}' ` +
                             'ORDER BY seq DESC').split('\n').map(Number);
        const page = await trail(`child=${child.id}`);
        const actions = new Set(page.rows.map((r) => r.action));
        for (const action of ['child.create', 'concern.create', 'assessment.submit', 'referral.create',
                              'referral.move', 'panel.agenda', 'panel.decide', 'panel.view', 'child.view']) {
          assert.ok(actions.has(action), `${action} is listed for the child: ${[...actions].join(', ')}`);
        }
        assert.deepEqual(page.rows.map((r) => r.seq), expected.slice(0, 50));
        assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'concern.create' AND child_id = '${child.id}'`), '1',
                     'the concern.create entry names the child in its sealed column');
        assert.match(page.text, new RegExp(`Entries about child record ${child.id}`));
        // Actions in words, with the code beside them.
        const concernRow = page.rows.find((r) => r.action === 'concern.create');
        assert.match(concernRow.html, /Logged a concern<br><code[^>]*>concern\.create<\/code>/);
        assert.match(page.rows.find((r) => r.action === 'panel.decide').html, /Recorded the panel&#39;s decision|Recorded the panel's decision/);
        assert.ok(page.rows.some((r) => r.refused && r.username === 'demo.voluntary'), 'the refusal is listed');
        // The old parameter name still works.
        const again = (await trail(`record=${child.id}`)).rows;
        assert.deepEqual(again.slice(1).map((r) => r.seq), page.rows.slice(0, 49).map((r) => r.seq),
                         'the same entries, after the first view of them');
        assert.equal(again[0].action, 'audit.view', "the auditor's view of the child's trail is about the child");
        const verify = harbour(['audit', 'verify', '--db', url]);
        assert.equal(verify.status, 0, verify.stdout + verify.stderr);
      });

      test('audit filters by user, agency, action, refusals and dates each narrow the entries (regression)', async () => {
        // The auditor's own views of the child's trail are about the child too; leave them out.
        const notViews = (rows) => rows.filter((r) => r.action !== 'audit.view');
        const all = notViews((await trail(`child=${child.id}`)).rows);
        const byUser = (await trail(`child=${child.id}&user=demo.coordinator`)).rows;
        assert.ok(byUser.length > 0 && byUser.length < all.length, `${byUser.length} of ${all.length}`);
        assert.ok(byUser.every((r) => r.username === 'demo.coordinator'), 'only the coordinator');
        const byAgency = (await trail(`child=${child.id}&agency=hacad`)).rows;
        assert.ok(byAgency.length > 0 && byAgency.every((r) => r.agency === 'HACAD'), 'only HACAD, typed in lower case');
        const byAction = (await trail(`child=${child.id}&action=assessment.submit`)).rows;
        assert.deepEqual(byAction.map((r) => r.action), ['assessment.submit']);
        const refused = (await trail(`child=${child.id}&outcome=refused`)).rows;
        assert.ok(refused.length >= 1 && refused.every((r) => r.refused), 'refusals only');
        const today = londonDay(0).split('-').map(Number);
        const dated = await trail(`child=${child.id}&from_day=${today[2]}&from_month=${today[1]}&from_year=${today[0]}` +
                                  `&to=${londonDay(0)}`);
        assert.deepEqual(notViews(dated.rows).map((r) => r.seq), all.map((r) => r.seq), 'everything happened today');
        assert.equal((await trail(`child=${child.id}&from=${londonDay(1)}`)).rows.length, 0, 'nothing from tomorrow');
        // The typed dates are kept, and the page's links carry the filters as ISO dates.
        assert.equal(inputValue(dated.text, 'from_day'), String(today[2]));
        assert.equal(inputValue(dated.text, 'to_year'), String(today[0]));
        assert.match(dated.text, new RegExp(`href="/audit\\.csv\\?child=${child.id}&amp;from=${londonDay(0)}&amp;to=${londonDay(0)}"`));
        // Filters combine; the action select lists actions in words.
        const both = (await trail(`user=demo.practitioner&action=concern.create&child=${child.id}`)).rows;
        assert.deepEqual(both.map((r) => r.action), ['concern.create']);
        assert.match(dated.text, /<option value="concern\.create">Logged a concern \(concern\.create\)<\/option>/);
      });

      test('a bad filter is 422 naming each field, keeping what was typed (regression)', async () => {
        const res = await auditor.get('/audit?child=nope&user=two%20words&action=concern.delete' +
                                      '&from_day=31&from_month=2&from_year=2026&to_day=1&to_month=1&to_year=2026');
        assert.equal(res.status, 422);
        assert.match(res.text, /<title>Error: Audit trail/);
        for (const message of ['Enter a child record ID', 'Enter a username', 'Choose an action from the list',
                               'Date from must be a real date']) {
          assert.match(res.text, new RegExp(`href="#[a-z]+">${message}`), message);
        }
        assert.equal(inputValue(res.text, 'child'), 'nope');
        assert.equal(inputValue(res.text, 'user'), 'two words');
        assert.equal(inputValue(res.text, 'from_day'), '31');
        assert.equal(inputValue(res.text, 'from_month'), '2');
        assert.doesNotMatch(res.text, /id="audit-entries"/, 'no entries under a broken filter');
        const backwards = await auditor.get('/audit?from=2026-03-02&to=2026-03-01');
        assert.equal(backwards.status, 422);
        assert.match(backwards.text, /Date to must be the same as or after date from/);
        assert.equal(inputValue(backwards.text, 'to_day'), '1');
      });

      test('audit pages go newest first, 50 to a page, with previous and next links that keep the filters (regression)', async () => {
        // Enough reads of the child for two pages (with the practitioner's earlier entries).
        for (let i = 0; i < 50; ++i) {
          assert.equal((await api('demo.practitioner').get(`/api/v1/children/${child.id}`)).status, 200);
        }
        const expected = sql(`SELECT seq FROM audit_log WHERE (child_id = '${child.id}' OR inferred_child_id = '${child.id}') ` +
                             "AND username = 'demo.practitioner' ORDER BY seq DESC").split('\n').map(Number);
        assert.ok(expected.length > 50 && expected.length <= 100, `${expected.length} entries`);
        const first = await trail(`child=${child.id}&user=demo.practitioner`);
        assert.deepEqual(first.rows.map((r) => r.seq), expected.slice(0, 50));
        assert.equal(pagingLink(first.text, 'prev'), undefined, 'no newer page');
        const older = pagingLink(first.text, 'next');
        assert.equal(older, `/audit?child=${child.id}&user=demo.practitioner&before=${expected[49]}`);
        const second = await auditor.get(older);
        assert.equal(second.status, 200);
        assert.deepEqual(auditRows(second.text).map((r) => r.seq), expected.slice(50));
        assert.equal(pagingLink(second.text, 'next'), undefined, 'no older page');
        const newer = pagingLink(second.text, 'prev');
        assert.equal(newer, `/audit?child=${child.id}&user=demo.practitioner&after=${expected[50]}`);
        const back = await auditor.get(newer);
        assert.deepEqual(auditRows(back.text).map((r) => r.seq), expected.slice(0, 50));
        assert.match(back.text, /aria-label="Pages of audit entries"/);
      });

      test('the CSV export downloads the filtered entries with guarded cells and is itself audited (regression)', async () => {
        // An entry whose username starts with '-': a failed sign-in records the name as typed.
        const stranger = new WebClient(base);
        assert.equal((await stranger.signIn('-cmd-x', 'not-the-password-at-all')).status, 422);
        // The bytes, not fetch's text(), which drops a leading byte order mark.
        const res = await fetch(`${base}/audit.csv?child=${child.id}&action=concern.create`,
                                { headers: { cookie: auditor.cookieHeader() }, redirect: 'manual' });
        const raw = Buffer.from(await res.arrayBuffer());
        assert.equal(res.status, 200, raw.toString('utf8', 0, 500));
        assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
        assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}\.csv"$/);
        assert.equal(res.headers.get('cache-control'), 'no-store');
        assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark');
        const lines = raw.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
        assert.equal(lines[0], 'seq,at,username,role,agency,action,action_words,record_type,record_id,child_id,' +
                               'inferred_child_id,purpose,outcome,detail,request_id,hash');
        assert.equal(lines.length, 2, `one concern.create about the child: ${lines.join(' / ')}`);
        const cells = lines[1].split(',');
        assert.equal(cells[5], 'concern.create');
        assert.equal(cells[6], 'Logged a concern');
        assert.equal(cells[9], child.id);
        // Every cell that could start a formula is guarded.
        const guarded = await auditor.get('/audit.csv?user=-cmd-x');
        const rows = guarded.text.split('\r\n').filter(Boolean).slice(1);
        assert.equal(rows.length, 1, guarded.text);
        const [, , username, role, agency] = rows[0].split(',');
        assert.deepEqual([username, role, agency], ["'-cmd-x", "'-", "'-"]);
        for (const row of guarded.text.split('\r\n').filter(Boolean)) {
          for (const cell of row.split(',')) assert.doesNotMatch(cell, /^"?[=+\-@\t\r]/, `unguarded cell ${cell}`);
        }
        // The export is in the trail, with its filter, about the child.
        const exported = sql(`SELECT username || '|' || outcome || '|' || child_id || '|' || detail FROM audit_log ` +
                             `WHERE action = 'audit.export' AND child_id = '${child.id}'`);
        assert.equal(exported, `demo.auditor|allowed|${child.id}|child ${child.id}; action concern.create; 1 rows`);
        const page = await trail(`action=audit.export`);
        assert.ok(page.rows.length >= 2 && page.rows.every((r) => r.action === 'audit.export'));
        assert.match(page.rows[0].html, /Exported the audit trail/);
      });

      test('a non-auditor is refused the trail and its export, and the refusals are audited (regression)', async () => {
        const practitioner = new WebClient(base);
        await practitioner.signInOk('demo.practitioner');
        const page = await practitioner.get(`/audit?child=${child.id}`);
        assert.equal(page.status, 403);
        const csv = await practitioner.get(`/audit.csv?child=${child.id}`);
        assert.equal(csv.status, 403);
        assert.match(csv.headers.get('content-type'), /^text\/html/);
        assert.ok(!csv.text.includes(child.id), 'nothing of the trail is shown');
        const admin = new WebClient(base);
        await admin.signInOk('demo.admin');
        assert.equal((await admin.get('/audit.csv')).status, 403, 'administrators do not read the trail');
        const refusals = sql("SELECT username || ' ' || action FROM audit_log WHERE outcome = 'refused' " +
                             "AND action IN ('audit.view', 'audit.export') AND username IN ('demo.practitioner', 'demo.admin') " +
                             'ORDER BY seq').split('\n');
        for (const line of ['demo.practitioner audit.view', 'demo.practitioner audit.export', 'demo.admin audit.export']) {
          assert.ok(refusals.includes(line), `${line} in ${refusals.join('; ')}`);
        }
        assert.equal((await new WebClient(base).get('/audit.csv')).status, 303, 'signed out: to the sign-in page');
      });

      test('every audit entry the flows made about a child names it (regression)', () => {
        assertEntriesNameTheirChild(engine, url);
        const named = Number(sql("SELECT count(*) FROM audit_log WHERE child_id <> ''"));
        assert.ok(named > 20, `${named} entries name a child`);
      });
    });

    // --- the audit chain (last: it tampers with the trail) -----------------------------------

    describe('audit trail integrity', () => {
      test('audit verify passes after the flows and fails after tampering, naming the entry', () => {
        const total = Number(engine.sql(url, 'SELECT count(*) FROM audit_log').trim());
        assert.ok(total > 50, `the flows were audited (${total} entries)`);
        const ok = harbour(['audit', 'verify', '--db', url]);
        assert.equal(ok.status, 0, ok.stdout + ok.stderr);
        assert.match(ok.stdout, new RegExp(`\\b${total}\\b`), 'reports how many entries were checked');
        engine.sql(url, "UPDATE audit_log SET detail = 'x' WHERE seq = 3");
        const broken = harbour(['audit', 'verify', '--db', url]);
        assert.notEqual(broken.status, 0, 'tampering is detected');
        assert.match(broken.stdout + broken.stderr, /entry 3\b/);
      });

      test('old entries get their child in a separate column, sealed ones are never rewritten, and verify passes after the migration (regression)', async () => {
        const fresh = await engine.newDatabase();
        prepareDatabase(fresh, { children: 2, seed: 3 });
        const q = (query) => engine.sql(fresh, query).trim();
        const child = q('SELECT id FROM children ORDER BY id LIMIT 1');
        const concern = q(`SELECT id FROM concerns WHERE child_id = '${child}' ORDER BY id LIMIT 1`);
        assert.match(concern, ID, 'the demo child has a concern');
        // The database as the release before migration 10 left it.
        q(['audit_log_child', 'audit_log_inferred_child', 'audit_log_username', 'audit_log_agency',
           'audit_log_action', 'audit_log_outcome', 'audit_log_at'].map((i) => `DROP INDEX ${i};`).join(' ') +
          ' ALTER TABLE audit_log DROP COLUMN child_id; ALTER TABLE audit_log DROP COLUMN inferred_child_id;' +
          ' DELETE FROM schema_migrations WHERE version = 10;');
        // Entries that release sealed: about the child, through its concern, in the detail, and none.
        let [seq, prev] = q('SELECT seq || \'|\' || hash FROM audit_log ORDER BY seq DESC LIMIT 1').split('|');
        seq = Number(seq);
        const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        const old = [
          { action: 'child.view', record_type: 'child', record_id: child, detail: 'agency involved' },
          { action: 'concern.create', record_type: 'concern', record_id: concern, detail: `child ${child}` },
          { action: 'concern.addendum', record_type: 'concern', record_id: concern, detail: 'addendum 1' },
          { action: 'panel.agenda', record_type: 'panel_meeting', record_id: '0'.repeat(32), detail: `child ${child} (review)` },
          { action: 'sign-in', record_type: 'user', record_id: 'u1', detail: '' },
        ].map((e) => {
          const entry = { seq: ++seq, at, user_id: 'u1', username: 'old.worker', role: 'practitioner', agency: 'HACAD',
                          purpose: 'safeguarding', outcome: 'allowed', request_id: 'r1', prev_hash: prev, ...e };
          entry.hash = prev = entryHash(entry);
          return entry;
        });
        const columns = ['seq', 'at', 'user_id', 'username', 'role', 'agency', 'action', 'record_type', 'record_id',
                         'purpose', 'outcome', 'detail', 'request_id', 'prev_hash', 'hash'];
        q(old.map((e) => `INSERT INTO audit_log (${columns.join(', ')}) VALUES (` +
                         `${columns.map((c) => (c === 'seq' ? e.seq : `'${e[c]}'`)).join(', ')});`).join(' '));
        // The old chain verifies, checked independently (this release's `harbour audit verify`
        // needs the migrated schema): every stored entry's hash, and each link to the one before.
        const stored = q(`SELECT ${columns.join(" || '~|~' || ")} FROM audit_log ORDER BY seq`).split('\n')
          .map((line) => Object.fromEntries(line.split('~|~').map((v, i) => [columns[i], v])));
        stored.forEach((e, i) => {
          assert.equal(entryHash(e), e.hash, `entry ${e.seq} as sealed`);
          assert.equal(e.prev_hash, i === 0 ? '0'.repeat(64) : stored[i - 1].hash, `entry ${e.seq} follows the one before`);
        });
        assert.equal(stored.at(-1).hash, old.at(-1).hash);

        const migrated = harbourOk(['migrate', '--db', fresh]);
        assert.match(migrated, /Applied migrations: 10\b/);
        const rows = q(`SELECT seq || '|' || child_id || '|' || inferred_child_id || '|' || hash FROM audit_log ` +
                       `WHERE seq >= ${old[0].seq} AND seq <= ${seq} ORDER BY seq`).split('\n');
        const inferred = [child, child, child, child, ''];
        assert.deepEqual(rows, old.map((e, i) => `${e.seq}||${inferred[i]}|${e.hash}`),
                         'the child is inferred into its own column; the sealed columns are as they were');
        const verify = harbour(['audit', 'verify', '--db', fresh]);
        assert.equal(verify.status, 0, verify.stdout + verify.stderr);
        assert.match(verify.stdout, /intact/);
      });

      test('audit verify fails when a middle entry is deleted', async () => {
        const fresh = await engine.newDatabase();
        harbourOk(['migrate', '--db', fresh]);
        harbourOk(['demo-data', '--db', fresh, '--children', '2', '--seed', '3']);
        createToken(fresh, 'demo.practitioner');
        createToken(fresh, 'demo.voluntary');
        assert.equal(harbour(['audit', 'verify', '--db', fresh]).status, 0);
        const before = Number(engine.sql(fresh, 'SELECT count(*) FROM audit_log').trim());
        assert.ok(before >= 4, `${before} entries`);
        engine.sql(fresh, 'DELETE FROM audit_log WHERE seq = 2');
        const broken = harbour(['audit', 'verify', '--db', fresh]);
        assert.notEqual(broken.status, 0, 'a deleted entry is detected');
        assert.match(broken.stdout + broken.stderr, /BROKEN|broken/);
      });
    });
  });
}
