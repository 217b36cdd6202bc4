// Missing episodes and return interviews (issue 4; DOMAIN.md §5) through the JSON API and the
// web pages, on SQLite and on PostgreSQL: the real `harbour` binary with the synthetic demo area
// (10 children, seed 7). Every child here is made by the test itself.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiClient,
  assertJsonError,
  harbour,
  serveDemoArea,
  syntheticNhsNumber,
  uniqueName,
  WebClient,
} from '../support/harbour.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const ID = /^[0-9a-f]{32}$/;
const USERS = ['demo.practitioner', 'demo.voluntary', 'demo.coordinator', 'demo.analyst'];
const HOUR = 3_600_000;

const decode = (html) =>
  html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

// Whole-second RFC 3339 in UTC, `hoursAgo` before now.
const ago = (hoursAgo) => new Date(Date.now() - hoursAgo * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');
const plus72 = (instant) => new Date(Date.parse(instant) + 72 * HOUR).toISOString().replace(/\.\d{3}Z$/, 'Z');

// The GOV.UK date boxes and a 24-hour time, in Europe/London, for an instant.
function boxes(prefix, instant) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    [`${prefix}_day`]: parts.day, [`${prefix}_month`]: parts.month, [`${prefix}_year`]: parts.year,
    [`${prefix}_time`]: `${parts.hour}:${parts.minute}`,
  };
}

function childJson(extra = {}) {
  return {
    given_name: uniqueName('Robin'),
    family_name: uniqueName('Missfield'),
    date_of_birth: `${new Date().getUTCFullYear() - 14}-03-11`,
    sex: 'male',
    nhs_number: syntheticNhsNumber(),
    ...extra,
  };
}

function defineMissingTests(engine) {
  describe(`Missing episodes and return interviews on ${engine.name}`, { timeout: 300_000 }, () => {
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

    async function newChild(extra = {}, username = 'demo.practitioner') {
      const res = await api(username).post('/api/v1/children', childJson(extra));
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    async function record(child, body = {}, username = 'demo.practitioner') {
      const res = await api(username).post(`/api/v1/children/${child.id}/missing-episodes`, {
        kind: 'missing', started_at: ago(30), reported_by: 'Foster carer', ...body,
      });
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    serveDemoArea(engine, {
      children: 10, seed: 7, users: USERS, tokens,
      ready: (live) => ({ url, server, base } = live),
    });

    test('API: record an episode, its return and a completed interview; the clock follows', async () => {
      const child = await newChild();
      const started = ago(30);
      const res = await api('demo.practitioner').post(`/api/v1/children/${child.id}/missing-episodes`, {
        kind: 'away', started_at: started, reported_by: '  Residential home manager ',
        police_reference: 'HP-2026-0142', risk_grade: 'medium', carer_name: 'Pat Carer',
      });
      assert.equal(res.status, 201, res.text);
      const e = res.json;
      assert.match(e.id, ID);
      assert.equal(res.headers.get('location'), `/api/v1/missing-episodes/${e.id}`);
      for (const key of Object.keys(e)) assert.match(key, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, key);
      assert.equal(e.child_id, child.id);
      assert.equal(e.kind, 'away');
      assert.equal(e.started_at, started);
      assert.equal(e.returned_at, null);
      assert.equal(e.reported_by, 'Residential home manager');
      assert.equal(e.risk_grade, 'medium');
      assert.equal(e.interview_state, 'still_missing');
      assert.equal(e.interview_due, null);
      assert.equal(e.strategy_task_created, false);
      assert.deepEqual(e.interviews, []);

      const returned = ago(20);
      const back = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/return`, {
        returned_at: returned, where_found: 'Railway station', found_with: 'Two older males',
      });
      assert.equal(back.status, 200, back.text);
      assert.equal(back.json.returned_at, returned);
      assert.equal(back.json.interview_due, plus72(returned), '72 calendar hours from the return');
      assert.equal(back.json.interview_state, 'due');
      assert.match(back.json.interview_clock, /^Due in (51|52) hours$/);
      assert.equal(back.json.where_found, 'Railway station');

      const again = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/return`, { returned_at: ago(19) });
      assertJsonError(again, 409, 'a second return');
      assert.equal(again.json.error.code, 'already_returned');

      const held = ago(2);
      const interview = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/interview`, {
        status: 'completed', held_at: held, place: 'Youth centre', interviewer_name: 'Sam Independent',
        interviewer_agency: 'SAFE',
        findings: { reasons: 'Went to see friends', pull_factors: 'Offered lifts and alcohol' },
      });
      assert.equal(interview.status, 201, interview.text);
      assert.equal(interview.json.status, 'completed');
      assert.equal(interview.json.interviewer_agency, 'Safe Harbour Project');
      assert.equal(interview.json.findings.pull_factors, 'Offered lifts and alcohol');
      assert.deepEqual(interview.json.concern_ids, []);

      const read = await api('demo.practitioner').get(`/api/v1/missing-episodes/${e.id}`);
      assert.equal(read.status, 200, read.text);
      assert.equal(read.json.interview_state, 'completed_in_time');
      assert.equal(read.json.interviews.length, 1);
      const concluded = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/interview`, {
        status: 'refused', offered_at: held, reason: 'Did not want to',
      });
      assertJsonError(concluded, 409, 'a second conclusion');
      assert.equal(concluded.json.error.code, 'interview_concluded');

      const list = await api('demo.practitioner').get(`/api/v1/children/${child.id}/missing-episodes`);
      assert.equal(list.status, 200);
      assert.deepEqual(list.json.episodes.map((x) => x.id), [e.id]);

      const chronology = await api('demo.practitioner').get(`/api/v1/children/${child.id}/chronology`);
      const types = chronology.json.entries.map((x) => x.type);
      assert.ok(types.includes('missing') && types.includes('return_interview'), types.join(','));

      const audited = sql(`SELECT action || '|' || outcome FROM audit_log WHERE record_id = '${e.id}' ORDER BY seq`).split('\n');
      assert.deepEqual(audited, ['missing.create|allowed', 'missing.return|allowed', 'missing.return|refused',
                                 'missing.view|allowed', 'interview.record|refused']);
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'interview.record' AND outcome = 'allowed' ` +
                       `AND detail LIKE 'episode ${e.id}%'`), '1');
      const verify = harbour(['audit', 'verify', '--db', url]);
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    });

    test('API: bad bodies are 422 naming every field; found before missing is explained; nothing stored', async () => {
      const child = await newChild();
      const path = `/api/v1/children/${child.id}/missing-episodes`;
      const shape = await api('demo.practitioner').post(path, { kind: 3, urgent: true, started_at: 'x'.repeat(101) });
      assertJsonError(shape, 422, 'shape');
      assert.deepEqual(Object.keys(shape.json.error.fields).sort(), ['kind', 'started_at', 'urgent']);
      const values = await api('demo.practitioner').post(path, {
        kind: 'runaway', started_at: '2026-03-03T22:10:00Z', returned_at: '2026-03-03T21:00:00Z', risk_grade: 'severe',
      });
      assertJsonError(values, 422, 'values');
      assert.deepEqual(values.json.error.fields, {
        kind: 'Select whether the child was missing or away without authorisation',
        returned_at: 'The return must be after the child went missing (went missing 3 March 2026 at 10:10pm)',
        reported_by: 'Enter who reported the child missing',
        risk_grade: 'Select the police risk grade: no apparent risk, low, medium or high',
      });
      const future = await api('demo.practitioner').post(path, { kind: 'missing', started_at: new Date(Date.now() + 2 * HOUR).toISOString(), reported_by: 'Mum' });
      assertJsonError(future, 422, 'future');
      assert.equal(future.json.error.fields.started_at, 'The time the child went missing must be in the past');
      assertJsonError(await api('demo.practitioner').post(path, [1, 2]), 422, 'not an object');
      assertJsonError(await api('demo.practitioner').request('POST', path, { body: '{"kind":', headers: { 'content-type': 'application/json' } }), 400, 'malformed');
      assert.equal(sql(`SELECT count(*) FROM missing_episodes WHERE child_id = '${child.id}'`), '0', 'nothing stored');

      const e = await record(child);
      const early = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/interview`, {
        status: 'completed', held_at: ago(1), place: 'Home', interviewer_name: 'Sam', interviewer_agency: 'SAFE',
      });
      assertJsonError(early, 409, 'interview before the return');
      assert.equal(early.json.error.code, 'not_returned');
      const backBefore = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/return`, { returned_at: ago(31) });
      assertJsonError(backBefore, 422, 'return before start');
      assert.match(backBefore.json.error.fields.returned_at, /^The return must be after the child went missing \(went missing \d+ \w+ \d{4} at [\d:]+(am|pm)\)$/);
      await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/return`, { returned_at: ago(20) });
      const incomplete = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/interview`, {
        status: 'not_done', findings: { secrets: 'x', reasons: 'Went out' },
        concerns: [{ finding: 'reasons', category: 'missing', colour: 'red' }],
      });
      assertJsonError(incomplete, 422, 'interview shape');
      assert.deepEqual(Object.keys(incomplete.json.error.fields).sort(), ['concerns[0].colour', 'findings.secrets']);
      const notDone = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/interview`, { status: 'not_done' });
      assertJsonError(notDone, 422, 'not done without its decision');
      assert.deepEqual(notDone.json.error.fields, {
        decision_by: 'Enter who decided not to hold the interview',
        reason: 'Give the reason the interview was not done',
      });
      assert.equal(sql(`SELECT count(*) FROM return_interviews WHERE episode_id = '${e.id}'`), '0');
    });

    test("the interviewer cannot be the child's allocated worker or carer", async () => {
      const child = await newChild({ allocated_worker: 'Dana Social' });
      const e = await record(child, { returned_at: ago(10), carer_name: 'Pat Carer' });
      const body = {
        status: 'completed', held_at: ago(1), place: 'School', interviewer_agency: 'HCSC',
      };
      const worker = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/interview`,
        { ...body, interviewer_name: '  dana SOCIAL ' });
      assertJsonError(worker, 422, 'allocated worker');
      assert.equal(worker.json.error.fields.interviewer_name,
        "The interviewer must be independent of the child's care: dana SOCIAL is the child's allocated worker. " +
        'Ask someone independent to hold the interview');
      const carer = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/interview`,
        { ...body, interviewer_name: 'pat carer' });
      assertJsonError(carer, 422, 'carer');
      assert.match(carer.json.error.fields.interviewer_name, /is the child's carer/);
      assert.equal(sql(`SELECT count(*) FROM return_interviews WHERE episode_id = '${e.id}'`), '0');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'interview.record' AND record_id = '${e.id}' AND outcome = 'refused'`), '2');
      const ok = await api('demo.practitioner').post(`/api/v1/missing-episodes/${e.id}/interview`,
        { ...body, interviewer_name: 'Chris Independent' });
      assert.equal(ok.status, 201, ok.text);
    });

    test('the repeat rule: one coordinator task at the third episode in 30 days, not the second, never two', async () => {
      const child = await newChild();
      const taskCount = () => sql(`SELECT count(*) FROM tasks WHERE child_id = '${child.id}' AND source_type = 'missing'`);
      const first = await record(child, { started_at: ago(24 * 29), returned_at: ago(24 * 29 - 5) });
      assert.equal(first.strategy_task_created, false);
      const second = await record(child, { started_at: ago(24 * 10) });
      assert.equal(second.strategy_task_created, false, 'two are not enough');
      assert.equal(taskCount(), '0');
      const third = await record(child, { started_at: ago(3) });
      assert.equal(third.strategy_task_created, true, 'the third in 30 days');
      assert.equal(sql(`SELECT title || '|' || assigned_role || '|' || status || '|' || source_id FROM tasks ` +
                       `WHERE child_id = '${child.id}' AND source_type = 'missing'`),
                   `Consider a strategy discussion: 3 missing episodes in 30 days|coordinator|open|${third.id}`);
      const fourth = await record(child, { started_at: ago(2) });
      assert.equal(fourth.strategy_task_created, false, 'not a duplicate while one is open');
      assert.equal(taskCount(), '1');

      const coordinator = await webAs('demo.coordinator');
      const tasksPage = await coordinator.get('/tasks');
      assert.equal(tasksPage.status, 200);
      assert.match(decode(tasksPage.text), /Consider a strategy discussion: 3 missing episodes in 30 days/);

      // Spread over more than 30 days, three are not enough.
      const spread = await newChild();
      await record(spread, { started_at: ago(24 * 40) });
      await record(spread, { started_at: ago(24 * 20) });
      const late = await record(spread, { started_at: ago(5) });
      assert.equal(late.strategy_task_created, false, '40 days apart');
    });

    test('a child outside the caller\'s access: 404 for episodes and interviews, audited as refused', async () => {
      const child = await newChild();
      const e = await record(child, { returned_at: ago(10) });
      const outsider = api('demo.voluntary');
      assertJsonError(await outsider.get(`/api/v1/missing-episodes/${e.id}`), 404, 'read');
      assertJsonError(await outsider.get(`/api/v1/children/${child.id}/missing-episodes`), 404, 'list');
      assertJsonError(await outsider.post(`/api/v1/missing-episodes/${e.id}/return`, { returned_at: ago(1) }), 404, 'return');
      assertJsonError(await outsider.post(`/api/v1/missing-episodes/${e.id}/interview`, { status: 'offered' }), 404, 'interview');
      assertJsonError(await outsider.post(`/api/v1/children/${child.id}/missing-episodes`, { kind: 'missing' }), 404, 'record');
      const unknown = await outsider.get(`/api/v1/missing-episodes/${'0'.repeat(32)}`);
      assertJsonError(unknown, 404, 'unknown');
      assert.deepEqual((await outsider.get(`/api/v1/missing-episodes/${e.id}`)).json, unknown.json,
                       'hidden and absent answer alike');
      const web = await webAs('demo.voluntary');
      assert.equal((await web.get(`/children/${child.id}/missing`)).status, 404);
      assert.equal((await web.get(`/children/${child.id}/missing/${e.id}`)).status, 404);
      assert.equal((await web.postWithCsrf(`/children/${child.id}/missing/${e.id}/return`, {})).status, 404);
      const refusals = sql(`SELECT action || '|' || outcome FROM audit_log a JOIN users u ON u.id = a.user_id ` +
                           `WHERE u.username = 'demo.voluntary' AND a.record_id = '${child.id}' ORDER BY a.seq`).split('\n');
      assert.deepEqual(refusals, ['chronology.view|refused', 'chronology.view|refused', 'missing.record|refused',
                                  'missing.record|refused', 'missing.record|refused', 'chronology.view|refused',
                                  'chronology.view|refused', 'chronology.view|refused', 'missing.record|refused']);
      assert.equal(sql(`SELECT count(*) FROM return_interviews WHERE episode_id = '${e.id}'`), '0');
      assertJsonError(await api('demo.analyst').get('/api/v1/return-interviews/due'), 403, 'analyst');
    });

    test('the web form keeps what was typed on 422; a valid episode goes to its page', async () => {
      const child = await newChild();
      const web = await webAs('demo.practitioner');
      const childPage = await web.get(`/children/${child.id}`);
      assert.match(childPage.text, new RegExp(`href="/children/${child.id}/missing"`));
      const form = await web.get(`/children/${child.id}/missing`);
      assert.equal(form.status, 200);
      assert.match(form.text, /Record a missing episode/);
      const started = Date.now() - 6 * HOUR;
      const refused = await web.postWithCsrf(`/children/${child.id}/missing`, {
        kind: 'away', ...boxes('started', started), ...boxes('returned', started - 2 * HOUR),
        reported_by: 'Typed reporter to keep', police_reference: 'HP-77', risk_grade: 'high',
        where_found: 'Typed place to keep', found_with: '',
      });
      assert.equal(refused.status, 422, refused.text.slice(0, 400));
      const text = decode(refused.text);
      assert.match(text, /The return must be after the child went missing \(went missing /);
      assert.match(text, /name="reported_by" type="text" value="Typed reporter to keep"/);
      assert.match(text, />Typed place to keep<\/textarea>/);
      assert.match(text, /id="kind-away"[^>]*checked/);
      assert.match(text, /<option value="high" selected>/);
      assert.match(text, new RegExp(`name="started_time" type="text" inputmode="numeric" value="${boxes('s', started).s_time}"`));
      assert.equal(sql(`SELECT count(*) FROM missing_episodes WHERE child_id = '${child.id}'`), '0', 'nothing stored');

      const badBoxes = await web.postWithCsrf(`/children/${child.id}/missing`, {
        kind: 'missing', started_day: '31', started_month: '2', started_year: '2026', started_time: '10:00',
        reported_by: 'Mum',
      });
      assert.equal(badBoxes.status, 422);
      assert.match(decode(badBoxes.text), /must be a real date/);

      const made = await web.postWithCsrf(`/children/${child.id}/missing`, {
        kind: 'away', ...boxes('started', started), reported_by: 'Typed reporter to keep', risk_grade: 'high',
      });
      assert.equal(made.status, 303, made.text.slice(0, 300));
      const id = made.location?.match(new RegExp(`^/children/${child.id}/missing/([0-9a-f]{32})\\?recorded=1$`))?.[1];
      assert.ok(id, `redirect to the episode: ${made.location}`);
      const page = await web.get(made.location);
      assert.equal(page.status, 200);
      assert.match(page.text, /Missing episode recorded/);
      assert.match(page.text, /Record the return/);
      assert.equal(sql(`SELECT kind || '|' || risk_grade || '|' || reported_by FROM missing_episodes WHERE id = '${id}'`),
                   'away|high|Typed reporter to keep');
    });

    test('a finding raises a concern with indicators, recorded by the interviewer\'s agency, in the chronology', async () => {
      const child = await newChild({ allocated_worker: 'Dana Social' });
      const web = await webAs('demo.practitioner');
      const e = await record(child, { started_at: ago(30) });
      const returned = Date.now() - 20 * HOUR;
      const back = await web.postWithCsrf(`/children/${child.id}/missing/${e.id}/return`, {
        ...boxes('returned', returned), where_found: 'Bus station',
      });
      assert.equal(back.status, 303, back.text.slice(0, 300));
      const episodePage = decode((await web.get(back.location)).text);
      assert.match(episodePage, /Return recorded: the return interview is due by/);
      assert.match(episodePage, /Record the return interview/);

      const interview = {
        status: 'completed', ...boxes('held', Date.now() - HOUR), place: 'Youth centre',
        interviewer_name: 'Dana Social', interviewer_agency: 'SAFE',
        finding_exploitation_concerns: 'An older man gave vodka and a phone at a flat',
        concern_finding: 'exploitation_concerns', concern_category: 'sexual_exploitation',
        concern_indicators: ['ws.given_drugs_or_alcohol', 'ws.unexplained_gifts'],
      };
      const refused = await web.postWithCsrf(`/children/${child.id}/missing/${e.id}/interview`, interview);
      assert.equal(refused.status, 422, refused.text.slice(0, 300));
      const kept = decode(refused.text);
      assert.match(kept, /is the child's allocated worker/);
      assert.match(kept, />An older man gave vodka and a phone at a flat<\/textarea>/);
      assert.match(kept, /value="ws.unexplained_gifts" checked/);
      assert.match(kept, /id="status-completed"[^>]*checked/);
      assert.equal(sql(`SELECT count(*) FROM concerns WHERE child_id = '${child.id}'`), '0', 'no concern yet');

      const done = await web.postWithCsrf(`/children/${child.id}/missing/${e.id}/interview`,
        { ...interview, interviewer_name: 'Sam Okafor' });
      assert.equal(done.status, 303, done.text.slice(0, 300));
      const safe = sql("SELECT id FROM agencies WHERE code = 'SAFE'");
      const concern = sql(`SELECT id || '|' || category || '|' || recorded_by_agency FROM concerns WHERE child_id = '${child.id}'`).split('|');
      assert.equal(concern[1], 'sexual_exploitation');
      assert.equal(concern[2], safe, "recorded by the interviewer's agency");
      assert.equal(sql(`SELECT indicator_code FROM concern_indicators WHERE concern_id = '${concern[0]}' ORDER BY indicator_code`),
                   'ws.given_drugs_or_alcohol\nws.unexplained_gifts');
      assert.equal(sql(`SELECT count(*) FROM return_interview_concerns WHERE concern_id = '${concern[0]}'`), '1', 'linked back');

      const chronology = decode((await web.get(`/children/${child.id}/chronology`)).text);
      assert.match(chronology, /Return interview: Completed \(Sam Okafor\)/);
      assert.match(chronology, /From the return interview \(Exploitation concerns\): An older man gave vodka/);
      assert.match(chronology, /Raised 1 concern from its findings/);
      const entry = chronology.match(new RegExp(`id="concern-${concern[0]}"[\\s\\S]*?</ul>`))?.[0] ?? '';
      assert.match(entry, /Given drugs or alcohol by adults or older young people/, 'its indicators show');
      assert.match(entry, /Unexplained gifts, money, phones, clothes or other possessions/);
      assert.match(chronology, new RegExp(`href="/children/${child.id}/missing/${e.id}"`));
      // The interviewer's agency now works with the child: its practitioner can open the record.
      assert.equal((await api('demo.voluntary').get(`/api/v1/children/${child.id}`)).status, 200);
    });

    test('"Return interviews due": soonest first, overdue highlighted, only children the caller can see', async () => {
      const mine = await newChild();
      const overdue = await record(mine, { started_at: ago(24 * 5), returned_at: ago(24 * 4) });
      const soon = await record(mine, { started_at: ago(12), returned_at: ago(6) });
      const still = await record(mine, { started_at: ago(3) });
      const hidden = await newChild({}, 'demo.voluntary');
      const theirs = await record(hidden, { started_at: ago(12), returned_at: ago(7) }, 'demo.voluntary');

      const web = await webAs('demo.practitioner');
      assert.match((await web.get('/')).text, /href="\/return-interviews"/);
      const page = await web.get('/return-interviews');
      assert.equal(page.status, 200);
      const rows = [...page.text.matchAll(/data-episode="([0-9a-f]{32})"/g)].map((m) => m[1]);
      assert.ok(rows.includes(overdue.id) && rows.includes(soon.id), 'both of mine');
      assert.ok(rows.indexOf(overdue.id) < rows.indexOf(soon.id), 'the soonest due first');
      assert.ok(!rows.includes(still.id), 'still missing: no clock yet');
      assert.ok(!rows.includes(theirs.id), "another agency's child is not listed");
      const overdueRow = page.text.match(new RegExp(`<tr[^>]*data-episode="${overdue.id}"[\\s\\S]*?</tr>`))[0];
      assert.match(overdueRow, /govuk-tag--red">Overdue by \d+ hours/);

      const due = await api('demo.practitioner').get('/api/v1/return-interviews/due');
      assert.equal(due.status, 200);
      const ids = due.json.episodes.map((x) => x.id);
      assert.ok(ids.includes(overdue.id) && !ids.includes(theirs.id));
      const dues = due.json.episodes.map((x) => x.interview_due);
      assert.deepEqual(dues, [...dues].sort(), 'soonest first');
      assert.equal(due.json.episodes.find((x) => x.id === overdue.id).interview_state, 'overdue');

      const coordinator = await api('demo.coordinator').get('/api/v1/return-interviews/due');
      const all = coordinator.json.episodes.map((x) => x.id);
      assert.ok(all.includes(overdue.id) && all.includes(theirs.id), 'the coordinator sees every child');

      const analyst = await webAs('demo.analyst');
      assert.doesNotMatch((await analyst.get('/')).text, /href="\/return-interviews"/);
      assert.equal((await analyst.get('/return-interviews')).status, 403);
      assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'return_interviews.list' AND outcome = 'refused'"), '2');
      assert.ok(Number(sql("SELECT count(*) FROM audit_log WHERE action = 'return_interviews.list' AND outcome = 'allowed'")) >= 3);
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

defineMissingTests(sqliteEngine());
defineMissingTests(postgresEngine());
