// Referrals to the exploitation panel and the feedback loop (issue 4) through the JSON API and
// the web pages, on SQLite and on PostgreSQL: the real `harbour` binary with the synthetic demo
// area (10 children, seed 7). The first test counts the practitioner's unread messages, so it
// runs before any other referral by them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ApiClient,
  assertJsonError,
  harbour,
  repoRoot,
  serveDemoArea,
  syntheticNhsNumber,
  uniqueName,
  WebClient,
} from '../support/harbour.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const ID = /^[0-9a-f]{32}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const USERS = ['demo.practitioner', 'demo.voluntary', 'demo.lead', 'demo.coordinator', 'demo.analyst', 'worker.hacad'];

const decode = (html) =>
  html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

// --- the screening clock, worked out independently of the server -------------------------------

const bankHolidays = new Set(
  [...readFileSync(join(repoRoot, 'config/reference/bank-holidays.toml'), 'utf8')
    .matchAll(/^date\s*=\s*(\d{4}-\d{2}-\d{2})\s*$/gm)].map((m) => m[1]));

const londonDate = (instant) => new Date(instant).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

function nextWorkingDay(isoDate) {
  let d = new Date(`${isoDate}T12:00:00Z`);
  for (;;) {
    d = new Date(d.getTime() + 86_400_000);
    const iso = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !bankHolidays.has(iso)) return iso;
  }
}

// 23:59 Europe/London on `isoDate`, in UTC.
function londonEndOfDay(isoDate) {
  const noonHour = new Date(`${isoDate}T12:00:00Z`)
    .toLocaleString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hour12: false });
  return Number(noonHour) === 13 ? `${isoDate}T22:59:00Z` : `${isoDate}T23:59:00Z`;
}

const expectedScreeningDue = (submittedAt) => londonEndOfDay(nextWorkingDay(londonDate(submittedAt)));

function childJson() {
  return {
    given_name: uniqueName('Robin'),
    family_name: uniqueName('Referfield'),
    date_of_birth: `${new Date().getUTCFullYear() - 14}-03-11`,
    sex: 'male',
    nhs_number: syntheticNhsNumber(),
    postcode: 'HB2 3DE',
  };
}


// The <tr> of a table that links to `href`, or undefined.
const rowLinking = (html, href) => [...html.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((m) => m[0])
  .find((row) => row.includes(`href="${href}"`));

const unreadBadge = (html) => html.match(/id="unread-messages"[^>]*>(\d+) unread/)?.[1];

function defineReferralTests(engine) {
  describe(`Referrals and feedback on ${engine.name}`, { timeout: 300_000 }, () => {
    let url;
    let server;
    let base;
    const tokens = {};
    const api = (username) => new ApiClient(base, tokens[username]);
    const sql = (query) => engine.sql(url, query).trim();
    const webAs = async (username) => {
      const web = new WebClient(base);
      await web.signInOk(username);
      return web;
    };

    async function newChild(username = 'demo.practitioner') {
      const res = await api(username).post('/api/v1/children', childJson());
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    async function refer(child, username = 'demo.practitioner', body = {}) {
      const res = await api(username).post(`/api/v1/children/${child.id}/referrals`, {
        no_assessment_reason: 'First seen this week.',
        reason: 'Seen getting into cars with older men after school.',
        sharing: 'consent',
        ...body,
      });
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    async function move(id, to, extra = {}, username = 'demo.coordinator') {
      return api(username).post(`/api/v1/referrals/${id}/transitions`, { to, ...extra });
    }

    serveDemoArea(engine, {
      children: 10, seed: 7, users: USERS, tokens,
      ready: (live) => ({ url, server, base } = live),
    });

    test('a practitioner refers: 201, submitted, screened by the next working day; the lead is told', async () => {
      const child = await newChild();
      const res = await api('demo.practitioner').post(`/api/v1/children/${child.id}/referrals`, {
        no_assessment_reason: '  First seen this week; no assessment yet.  ',
        reason: 'Seen getting into cars with older men after school.\nMissing twice this month.',
        sharing: 'consent',
      });
      assert.equal(res.status, 201, res.text);
      const r = res.json;
      assert.match(r.id, ID);
      assert.equal(res.headers.get('location'), `/api/v1/referrals/${r.id}`);
      for (const key of Object.keys(r)) assert.match(key, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, key);
      assert.equal(r.child_id, child.id);
      assert.equal(r.child_name, `${child.given_name} ${child.family_name}`);
      assert.equal(r.state, 'submitted');
      assert.equal(r.state_label, 'Submitted');
      assert.equal(r.reason, 'Seen getting into cars with older men after school.\nMissing twice this month.');
      assert.equal(r.sharing, 'consent');
      assert.equal(r.sharing_reason, '');
      assert.equal(r.assessment_id, null);
      assert.equal(r.no_assessment_reason, 'First seen this week; no assessment yet.');
      assert.equal(r.referred_by, 'Alex Morgan');
      assert.equal(r.agency, 'Harbourside Academy');
      assert.match(r.submitted_at, INSTANT);
      assert.ok(Math.abs(Date.parse(r.submitted_at) - Date.now()) < 120_000, r.submitted_at);
      assert.equal(r.screening_due, expectedScreeningDue(r.submitted_at), 'the next working day, 23:59 London');
      assert.equal(r.overdue, false);
      assert.deepEqual(r.transitions, []);
      assert.equal(r.messages.length, 1);
      const received = r.messages[0];
      assert.equal(received.title, `Your referral of ${r.child_name} to the exploitation panel was received`);
      assert.match(received.next_steps, /^The exploitation coordinator will screen it by \d{1,2} \w+ \d{4} at 11:59pm/);
      assert.equal(received.contact, 'the exploitation coordinator, through Harbour');
      assert.equal(received.read, false);
      assert.match(received.at, INSTANT);

      assert.equal(sql(`SELECT state || '|' || sharing || '|' || screening_due FROM referrals WHERE id = '${r.id}'`),
                   `submitted|consent|${r.screening_due}`);
      const told = sql(`SELECT u.username || '|' || m.title FROM messages m JOIN users u ON u.id = m.recipient ` +
                       `WHERE m.subject_type = 'referral' AND m.subject_id = '${r.id}' ORDER BY u.username`).split('\n');
      assert.deepEqual(told, [
        `demo.lead|Alex Morgan referred ${r.child_name} to the exploitation panel`,
        `demo.practitioner|${received.title}`,
      ], 'the referrer and their agency\'s safeguarding lead, nobody else');
      assert.match(sql(`SELECT body FROM messages m JOIN users u ON u.id = m.recipient WHERE u.username = 'demo.lead' ` +
                       `AND m.subject_id = '${r.id}'`), /^Reason: Seen getting into cars/);
      assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'referral.create' AND record_id = '${r.id}'`),
                   new RegExp(`child ${child.id}; sharing consent; 1 leads told`));

      // The header counts unread messages until the referrer has seen them.
      const web = await webAs('demo.practitioner');
      const home = await web.get('/');
      assert.equal(home.status, 200);
      assert.equal(unreadBadge(home.text), '1', 'the header shows "1 unread"');
      assert.match(home.text, /1 unread <span class="govuk-visually-hidden">feedback <\/span>message</);
      const lead = await webAs('demo.lead');
      assert.equal(unreadBadge((await lead.get('/')).text), '1', 'the lead has the notice');
      const mine = await web.get('/my/referrals');
      assert.equal(mine.status, 200);
      assert.ok(decode(mine.text).includes(received.title), 'My referrals shows the message');
      assert.equal(unreadBadge((await web.get('/')).text), undefined, 'seen: no unread count any more');
      const again = await api('demo.practitioner').get(`/api/v1/referrals/${r.id}`);
      assert.equal(again.json.messages[0].read, true);
    });

    test('the referral form on the child page refers too, and keeps what was typed on 422', async () => {
      const child = await newChild();
      const web = await webAs('demo.practitioner');
      const form = await web.get(`/children/${child.id}/referrals/new`);
      assert.equal(form.status, 200);
      assert.match(form.text, /name="reason"/);
      const refused = await web.postWithCsrf(`/children/${child.id}/referrals`, {
        assessment_id: '', no_assessment_reason: 'Not assessed yet', reason: 'Typed reason to keep',
        sharing: 'without_consent', sharing_reason: '',
      });
      assert.equal(refused.status, 422, refused.text.slice(0, 300));
      assert.match(refused.text, /Say why the information is shared without consent/);
      assert.match(refused.text, />Typed reason to keep<\/textarea>/);
      assert.match(refused.text, /id="sharing-without_consent"[^>]*checked/);
      assert.equal(sql(`SELECT count(*) FROM referrals WHERE child_id = '${child.id}'`), '0', 'nothing stored');

      const made = await web.postWithCsrf(`/children/${child.id}/referrals`, {
        assessment_id: '', no_assessment_reason: 'Not assessed yet', reason: 'Typed reason to keep',
        sharing: 'without_consent', sharing_reason: 'DPA 2018 Schedule 1 paragraph 18',
      });
      assert.equal(made.status, 303, made.text.slice(0, 300));
      const id = made.location?.match(/^\/referrals\/([0-9a-f]{32})\?made=1$/)?.[1];
      assert.ok(id, `redirect to the referral: ${made.location}`);
      const page = await web.get(made.location);
      assert.equal(page.status, 200);
      assert.match(page.text, /Referral sent/);
      assert.match(page.text, /Without consent: DPA 2018 Schedule 1 paragraph 18/);
      assert.equal(sql(`SELECT sharing || '|' || sharing_reason FROM referrals WHERE id = '${id}'`),
                   'without_consent|DPA 2018 Schedule 1 paragraph 18');
    });

    test('a voluntary-sector referral goes to closed; the referrer sees every step without record access', async () => {
      const child = await newChild('demo.voluntary');
      const web = await webAs('demo.voluntary');
      const made = await web.postWithCsrf(`/children/${child.id}/referrals`, {
        assessment_id: '', no_assessment_reason: 'We do not use risk tools.',
        reason: 'He said he is paid to carry packages for older boys.', sharing: 'consent',
      });
      assert.equal(made.status, 303, made.text.slice(0, 300));
      const id = made.location.match(/^\/referrals\/([0-9a-f]{32})/)[1];
      const name = `${child.given_name} ${child.family_name}`;

      // The voluntary agency loses access to the record (as when a grant lapses).
      sql(`DELETE FROM child_agencies WHERE child_id = '${child.id}'`);
      assert.equal((await web.get(`/children/${child.id}`)).status, 404, 'the record is out of reach');
      assertJsonError(await api('demo.voluntary').get(`/api/v1/children/${child.id}`), 404, 'API record');

      const coordinator = await webAs('demo.coordinator');
      const steps = [
        { to: 'screening', via: 'api', title: `The coordinator is screening your referral of ${name}`, label: 'Being screened' },
        { to: 'accepted', via: 'web', title: `Your referral of ${name} was accepted for a forthcoming exploitation panel meeting`, label: 'Accepted for a meeting' },
        { to: 'discussed', via: 'api', title: `The exploitation panel discussed ${name}`, label: 'Discussed at the panel' },
        { to: 'under_review', via: 'web', title: `The exploitation panel is reviewing ${name}'s plan`, label: 'Under review' },
        { to: 'closed', via: 'api', title: `The exploitation panel closed the referral of ${name}`, label: 'Closed',
          reason: 'Plan complete; no exploitation concerns for three months.' },
      ];
      const titles = [`Your referral of ${name} to the exploitation panel was received`];
      let previous = 'submitted';
      for (const step of steps) {
        if (step.to === 'closed') {
          const refused = await move(id, 'closed');
          assertJsonError(refused, 422, 'closing without a reason');
          assert.deepEqual(Object.keys(refused.json.error.fields), ['reason']);
          assert.equal(sql(`SELECT state FROM referrals WHERE id = '${id}'`), 'under_review', 'not moved');
        }
        if (step.via === 'api') {
          const res = await move(id, step.to, step.reason ? { reason: step.reason } : {});
          assert.equal(res.status, 200, `${step.to}: ${res.text}`);
          assert.equal(res.json.state, step.to);
          assert.equal(res.json.state_label, step.label);
          assert.deepEqual(res.json.transitions.at(-1).from, previous);
          assert.deepEqual(res.json.messages, [], 'the coordinator gets no message about it');
        } else {
          const res = await coordinator.postWithCsrf(`/referrals/${id}/transitions`, { to: step.to, reason: '', signposting: '' });
          assert.equal(res.status, 303, `${step.to}: ${res.text.slice(0, 500)}`);
          assert.equal(res.location, `/referrals/${id}?moved=1`);
        }
        previous = step.to;
        titles.push(step.title);
        const seen = await api('demo.voluntary').get(`/api/v1/referrals/${id}`);
        assert.equal(seen.status, 200, seen.text);
        assert.equal(seen.json.state, step.to);
        assert.deepEqual(seen.json.transitions, [], 'the referrer gets no transition list');
        assert.deepEqual(seen.json.messages.map((m) => m.title), titles, `after ${step.to}`);
        assert.ok(seen.json.messages.every((m) => m.read === false), 'unread until seen on a page');
      }
      const closed = (await api('demo.voluntary').get(`/api/v1/referrals/${id}`)).json;
      assert.equal(closed.messages.at(-1).body, 'Reason: Plan complete; no exploitation concerns for three months.');
      assert.match(closed.messages.at(-1).next_steps, /Nothing more happens/);

      // My referrals: the whole timeline, and the header's count falls to nothing.
      assert.equal(unreadBadge((await web.get('/')).text), '6');
      const mine = await web.get('/my/referrals');
      assert.equal(mine.status, 200);
      const text = decode(mine.text);
      for (const title of titles) assert.ok(text.includes(title), `My referrals shows "${title}"`);
      assert.match(mine.text, new RegExp(`id="referral-${id}"[\\s\\S]*?<strong class="govuk-tag">Closed</strong>`));
      assert.equal(unreadBadge((await web.get('/')).text), undefined);
      const page = await web.get(`/referrals/${id}`);
      assert.equal(page.status, 200, 'the referral page works without record access');
      assert.match(page.text, /id="referral-state">Closed</);
      assert.equal((await web.get(`/children/${child.id}`)).status, 404, 'the record is still out of reach');

      // The coordinator sees every recorded move, attributed and timestamped.
      const full = await api('demo.coordinator').get(`/api/v1/referrals/${id}`);
      assert.equal(full.status, 200);
      assert.deepEqual(full.json.transitions.map((t) => `${t.from}>${t.to}`),
                       ['submitted>screening', 'screening>accepted', 'accepted>discussed', 'discussed>under_review',
                        'under_review>closed']);
      assert.equal(full.json.transitions.at(-1).reason, 'Plan complete; no exploitation concerns for three months.');
      for (const t of full.json.transitions) assert.match(t.at, INSTANT);
      const coordinatorId = sql("SELECT id FROM users WHERE username = 'demo.coordinator'");
      assert.equal(sql(`SELECT count(*) FROM referral_transitions WHERE referral_id = '${id}' AND moved_by = '${coordinatorId}'`), '5');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'referral.move' AND record_id = '${id}' AND outcome = 'allowed'`), '5');

      // Nothing follows closed.
      const reopen = await move(id, 'screening');
      assertJsonError(reopen, 409, 'closed to screening');
      assert.equal(reopen.json.error.code, 'invalid_transition');
      assert.match(reopen.json.error.message, /The referral is closed/);
      const withdraw = await move(id, 'withdrawn', { reason: 'Changed my mind' }, 'demo.voluntary');
      assertJsonError(withdraw, 409, 'the referrer withdrawing a closed referral');
      assert.match(withdraw.json.error.message, /closed/);
    });

    test('invalid moves are 409 naming the current state; missing reasons are 422; the page keeps what was typed', async () => {
      const child = await newChild();
      const r = await refer(child);
      const early = await move(r.id, 'accepted');
      assertJsonError(early, 409, 'submitted to accepted');
      assert.equal(early.json.error.code, 'invalid_transition');
      assert.match(early.json.error.message, /^The referral is submitted: it cannot become accepted for a meeting\./);
      for (const to of ['accepted', 'screening']) {
        const byReferrer = await move(r.id, to, {}, 'demo.practitioner');
        assertJsonError(byReferrer, 409, `the referrer asking for ${to}`);
        assert.match(byReferrer.json.error.message, /The referral is submitted.*The referrer may only withdraw it/);
      }
      const unknown = await move(r.id, 'approved');
      assertJsonError(unknown, 422, 'an unknown state');
      assert.match(unknown.json.error.fields.to, /^Must be one of submitted, screening/);
      const shape = await api('demo.coordinator').post(`/api/v1/referrals/${r.id}/transitions`, { to: 'screening', note: 'x' });
      assertJsonError(shape, 422, 'an unknown member');
      assert.equal(shape.json.error.fields.note, 'Is not a field of this resource');
      const form = await api('demo.coordinator').request('POST', `/api/v1/referrals/${r.id}/transitions`, {
        body: 'to=screening', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assertJsonError(form, 400, 'a form body');
      assert.equal(sql(`SELECT state FROM referrals WHERE id = '${r.id}'`), 'submitted', 'nothing moved');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'referral.move' AND record_id = '${r.id}' ` +
                       "AND outcome = 'refused'"), '3', 'each refused move is audited');

      assert.equal((await move(r.id, 'screening')).status, 200);
      const bare = await move(r.id, 'not_accepted');
      assertJsonError(bare, 422, 'not accepted without reason or signposting');
      assert.equal(bare.json.error.code, 'validation_failed');
      assert.deepEqual(Object.keys(bare.json.error.fields).sort(), ['reason', 'signposting']);

      const web = await webAs('demo.coordinator');
      const kept = await web.postWithCsrf(`/referrals/${r.id}/transitions`,
                                          { to: 'not_accepted', reason: 'Below the threshold for now', signposting: '' });
      assert.equal(kept.status, 422, kept.text.slice(0, 300));
      assert.match(kept.text, />Below the threshold for now<\/textarea>/, 'the typed reason is kept');
      assert.match(kept.text, /Say which service or team the referral was passed to/);
      assert.match(kept.text, /id="to-not_accepted"[^>]*checked/);
      const conflict = await web.postWithCsrf(`/referrals/${r.id}/transitions`, { to: 'discussed' });
      assert.equal(conflict.status, 409);
      assert.match(conflict.text, /The referral is being screened: it cannot become discussed at the panel/);
      assert.equal(sql(`SELECT state FROM referrals WHERE id = '${r.id}'`), 'screening');

      const done = await move(r.id, 'not_accepted', { reason: 'Below the threshold for now', signposting: 'Harbourside early help hub' });
      assert.equal(done.status, 200, done.text);
      assert.equal(done.json.state, 'not_accepted');
      const seen = await api('demo.practitioner').get(`/api/v1/referrals/${r.id}`);
      assert.equal(seen.json.messages.at(-1).body, 'Reason: Below the threshold for now\nPassed to: Harbourside early help hub');
      const after = await move(r.id, 'screening');
      assertJsonError(after, 409, 'not accepted is final');
      assert.match(after.json.error.message, /The referral is not accepted/);

      // The referrer may withdraw before a decision, with a reason.
      const other = await refer(await newChild());
      const noReason = await move(other.id, 'withdrawn', {}, 'demo.practitioner');
      assertJsonError(noReason, 422, 'withdrawing without a reason');
      assert.deepEqual(Object.keys(noReason.json.error.fields), ['reason']);
      const withdrawn = await move(other.id, 'withdrawn', { reason: 'Referred to the wrong area' }, 'demo.practitioner');
      assert.equal(withdrawn.status, 200, withdrawn.text);
      assert.equal(withdrawn.json.state, 'withdrawn');
      assert.deepEqual(withdrawn.json.transitions, [], 'the referrer sees messages, not transitions');
      assert.equal(withdrawn.json.messages.at(-1).title, `The referral of ${other.child_name} was withdrawn`);
    });

    test('a bad referral is 422 naming every field, and nothing is stored', async () => {
      const child = await newChild();
      const other = await newChild();
      const assessed = await api('demo.practitioner').post(`/api/v1/children/${other.id}/assessments`,
                                                          { answers: [], judged_level: 'no_current_concern' });
      assert.equal(assessed.status, 201, assessed.text);
      const path = `/api/v1/children/${child.id}/referrals`;

      const values = await api('demo.practitioner').post(path, {
        assessment_id: assessed.json.id, reason: '   ', sharing: 'sometimes',
      });
      assertJsonError(values, 422, 'bad values');
      assert.equal(values.json.error.code, 'validation_failed');
      assert.deepEqual(Object.keys(values.json.error.fields).sort(), ['assessment_id', 'reason', 'sharing']);
      assert.equal(values.json.error.fields.assessment_id, "Choose one of the child's submitted risk assessments");

      const basis = await api('demo.practitioner').post(path, {
        no_assessment_reason: 'None yet', reason: 'Worried', sharing: 'without_consent', sharing_reason: null,
      });
      assertJsonError(basis, 422, 'without consent, without a reason');
      assert.deepEqual(Object.keys(basis.json.error.fields), ['sharing_reason']);

      const none = await api('demo.practitioner').post(path, { reason: 'Worried', sharing: 'consent' });
      assertJsonError(none, 422, 'no assessment and no reason for none');
      assert.deepEqual(Object.keys(none.json.error.fields), ['no_assessment_reason']);

      const typed = await api('demo.practitioner').post(path, { reason: 5, sharing: ['consent'], urgent: true });
      assertJsonError(typed, 422, 'wrong types');
      assert.deepEqual(typed.json.error.fields, {
        reason: 'Must be a string', sharing: 'Must be a string', urgent: 'Is not a field of this resource',
      });
      const malformed = await api('demo.practitioner').request('POST', path, {
        body: '{"reason": ', headers: { 'content-type': 'application/json' },
      });
      assertJsonError(malformed, 400, 'malformed JSON');
      assert.equal(malformed.json.error.code, 'malformed_json');
      const array = await api('demo.practitioner').request('POST', path, {
        body: '[]', headers: { 'content-type': 'application/json' },
      });
      assertJsonError(array, 422, 'an array');
      assert.equal(array.json.error.code, 'not_an_object');
      assert.equal(sql(`SELECT count(*) FROM referrals WHERE child_id = '${child.id}'`), '0', 'nothing stored');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'referral.create' AND detail LIKE '%${child.id}%'`), '0');

      // The child's own assessment is accepted.
      const own = await api('demo.practitioner').post(`/api/v1/children/${child.id}/assessments`,
                                                     { answers: [], judged_level: 'no_current_concern' });
      assert.equal(own.status, 201, own.text);
      const linked = await refer(child, 'demo.practitioner', { assessment_id: own.json.id, no_assessment_reason: null });
      assert.equal(linked.assessment_id, own.json.id);
      assert.equal(linked.no_assessment_reason, '');

      // A child outside the caller's access is 404 whatever the body; an analyst is 403.
      const hidden = await api('demo.voluntary').post(path, { reason: 5 });
      assertJsonError(hidden, 404, 'an uninvolved agency');
      assertJsonError(await api('demo.analyst').post(path, { reason: 'x', sharing: 'consent' }), 403, 'an analyst');
    });

    test('anyone but the coordinator and the referrer gets 404 for a referral, audited as refused', async () => {
      const child = await newChild();
      const r = await refer(child);
      // worker.hacad works at the referrer's agency and can open the child, but not the referral.
      assert.equal((await api('worker.hacad').get(`/api/v1/children/${child.id}`)).status, 200);
      const read = await api('worker.hacad').get(`/api/v1/referrals/${r.id}`);
      assertJsonError(read, 404, 'another practitioner reading');
      assert.equal(read.json.error.code, 'not_found');
      const absent = await api('worker.hacad').get(`/api/v1/referrals/${'0'.repeat(32)}`);
      assertJsonError(absent, 404, 'no such referral');
      assert.deepEqual(absent.json, read.json, 'the same answer as for a referral that does not exist');
      assertJsonError(await api('worker.hacad').get('/api/v1/referrals/not-an-id'), 404, 'not an id');
      assertJsonError(await move(r.id, 'withdrawn', { reason: 'x' }, 'worker.hacad'), 404, 'another practitioner moving');
      const web = await webAs('worker.hacad');
      assert.equal((await web.get(`/referrals/${r.id}`)).status, 404);
      assert.equal((await web.postWithCsrf(`/referrals/${r.id}/transitions`, { to: 'withdrawn', reason: 'x' })).status, 404);
      assert.equal((await web.get('/referrals')).status, 403, 'the queue is the coordinator\'s');
      assertJsonError(await api('demo.lead').get(`/api/v1/referrals/${r.id}`), 404, 'the lead is told, not given the referral');
      assertJsonError(await api('demo.analyst').get(`/api/v1/referrals/${r.id}`), 404, 'an analyst');

      const refusals = sql(`SELECT username || '|' || action || '|' || outcome FROM audit_log ` +
                           `WHERE record_type = 'referral' AND record_id = '${r.id}' AND outcome = 'refused' ORDER BY seq`)
        .split('\n');
      assert.deepEqual(refusals, [
        'worker.hacad|referral.view|refused', 'worker.hacad|referral.view|refused', 'worker.hacad|referral.view|refused',
        'worker.hacad|referral.view|refused', 'demo.lead|referral.view|refused', 'demo.analyst|referral.view|refused',
      ]);
      assert.equal(sql(`SELECT state FROM referrals WHERE id = '${r.id}'`), 'submitted');
      const reads = sql(`SELECT count(*) FROM audit_log WHERE action = 'referral.view' AND record_id = '${r.id}' AND outcome = 'allowed'`);
      assert.equal(reads, '0', 'no allowed read was recorded for them');
    });

    test("the coordinator's queue flags a referral past its screening deadline as overdue", async () => {
      const late = await refer(await newChild());
      const fresh = await refer(await newChild());
      sql(`UPDATE referrals SET screening_due = '2020-01-06T23:59:00Z' WHERE id = '${late.id}'`);
      const web = await webAs('demo.coordinator');
      const queue = await web.get('/referrals');
      assert.equal(queue.status, 200);
      const lateRow = rowLinking(queue.text, `/referrals/${late.id}`);
      const freshRow = rowLinking(queue.text, `/referrals/${fresh.id}`);
      assert.ok(lateRow && freshRow, 'both are in the queue');
      assert.match(lateRow, /Overdue/);
      assert.doesNotMatch(freshRow, /Overdue/);
      assert.match(queue.text, /\d+ overdue<\/strong>/);
      assert.ok(queue.text.indexOf(late.id) < queue.text.indexOf(fresh.id), 'the soonest deadline first');

      assert.equal((await api('demo.coordinator').get(`/api/v1/referrals/${late.id}`)).json.overdue, true);
      assert.equal((await api('demo.coordinator').get(`/api/v1/referrals/${fresh.id}`)).json.overdue, false);
      const page = await web.get(`/referrals/${late.id}`);
      assert.match(page.text, /govuk-tag--red">Overdue/);
      // Screening stops the clock being overdue only once decided: screening still counts.
      assert.equal((await move(late.id, 'screening')).json.overdue, true);
      assert.equal((await move(late.id, 'accepted')).json.overdue, false);
    });

    test('GET /api/v1/referrals: the open queue for the coordinator, their own for everyone else', async () => {
      const queue = await api('demo.coordinator').get('/api/v1/referrals');
      assert.equal(queue.status, 200, queue.text);
      assert.equal(queue.json.scope, 'open');
      const states = new Set(queue.json.referrals.map((r) => r.state));
      for (const final of ['closed', 'not_accepted', 'withdrawn']) assert.ok(!states.has(final), `no ${final}`);
      const open = sql("SELECT count(*) FROM referrals WHERE state NOT IN ('closed', 'not_accepted', 'withdrawn')");
      assert.equal(String(queue.json.referrals.length), open);
      const due = queue.json.referrals.map((r) => r.screening_due);
      assert.deepEqual(due, [...due].sort(), 'the soonest deadline first');
      for (const r of queue.json.referrals) {
        assert.ok(!('messages' in r) && !('transitions' in r), 'a list carries no messages');
      }

      const mine = await api('demo.practitioner').get('/api/v1/referrals');
      assert.equal(mine.status, 200);
      assert.equal(mine.json.scope, 'mine');
      const ownCount = sql("SELECT count(*) FROM referrals r JOIN users u ON u.id = r.referred_by WHERE u.username = 'demo.practitioner'");
      assert.equal(String(mine.json.referrals.length), ownCount);
      assert.ok(mine.json.referrals.every((r) => r.referred_by === 'Alex Morgan'));
      assert.ok(mine.json.referrals.some((r) => r.state === 'withdrawn'), 'final ones are listed too');
      const submitted = mine.json.referrals.map((r) => r.submitted_at);
      assert.deepEqual(submitted, [...submitted].sort().reverse(), 'newest first');
      // worker.hacad made none in these tests (the demo history may hold some of theirs).
      const theirs = await api('worker.hacad').get('/api/v1/referrals');
      assert.equal(theirs.json.scope, 'mine');
      assert.equal(String(theirs.json.referrals.length),
                   sql("SELECT count(*) FROM referrals r JOIN users u ON u.id = r.referred_by WHERE u.username = 'worker.hacad'"));
      assert.ok(theirs.json.referrals.every((r) => r.referred_by === 'Harbourside Academy worker'));
      const none = await api('demo.analyst').get('/api/v1/referrals');
      assert.deepEqual(none.json, { scope: 'mine', referrals: [] }, 'someone who has referred nobody');
      assertJsonError(await new ApiClient(base).get('/api/v1/referrals'), 401, 'no token');

      const audited = sql("SELECT username || '|' || record_type || '|' || outcome FROM audit_log WHERE action = 'referral.list' ORDER BY seq")
        .split('\n');
      assert.deepEqual(audited, ['demo.coordinator|area|allowed', 'demo.practitioner|user|allowed', 'worker.hacad|user|allowed',
                                 'demo.analyst|user|allowed']);
      const verify = harbour(['audit', 'verify', '--db', url]);
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

defineReferralTests(sqliteEngine());
defineReferralTests(postgresEngine());
