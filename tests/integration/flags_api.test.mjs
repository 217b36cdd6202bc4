// Warning flags on a child's record (issue 4) through the JSON API, on SQLite and PostgreSQL:
// GET /api/v1/children/{id}/flags lists every flag, ended ones included, for whoever may open
// the child; the coordinator adds flags (POST .../flags) and ends them (POST .../flags/{id}/end)
// with the same validation as the child's page; refusals are audited; the bodies are strict.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiClient,
  assertJsonError,
  serveDemoArea,
  syntheticNhsNumber,
  uniqueName,
} from '../support/harbour.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const ID = /^[0-9a-f]{32}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const USERS = ['demo.practitioner', 'demo.voluntary', 'demo.coordinator', 'demo.analyst'];

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
// The London date `n` days before (negative: after) today, as YYYY-MM-DD.
const daysAgo = (n) => new Date(Date.parse(`${today()}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

function defineFlagApiTests(engine) {
  describe(`Warning flags API on ${engine.name}`, { timeout: 300_000 }, () => {
    let url;
    let server;
    let base;
    const tokens = {};
    const api = (username) => new ApiClient(base, tokens[username]);
    const sql = (query) => engine.sql(url, query).trim();

    async function newChild(username = 'demo.practitioner') {
      const res = await api(username).post('/api/v1/children', {
        given_name: uniqueName('Rae'), family_name: uniqueName('Flagapi'),
        date_of_birth: `${new Date().getUTCFullYear() - 14}-02-03`, sex: 'female',
        nhs_number: syntheticNhsNumber(),
      });
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    const addFlag = (child, body, username = 'demo.coordinator') =>
      api(username).post(`/api/v1/children/${child.id}/flags`, body);
    const endFlag = (child, flagId, body, username = 'demo.coordinator') =>
      api(username).post(`/api/v1/children/${child.id}/flags/${flagId}/end`, body);
    const stored = (child) => sql(`SELECT count(*) FROM child_flags WHERE child_id = '${child.id}'`);

    serveDemoArea(engine, {
      children: 5, seed: 11, users: USERS, tokens,
      ready: (live) => ({ url, server, base } = live),
    });

    test('the coordinator adds and ends flags; whoever may open the child lists them all', async () => {
      const child = await newChild();
      const empty = await api('demo.practitioner').get(`/api/v1/children/${child.id}/flags`);
      assert.equal(empty.status, 200, empty.text);
      assert.deepEqual(empty.json, { child_id: child.id, flags: [] });

      const added = await addFlag(child, { kind: 'cse_risk', start_date: today(), panel_reference: '  CSEP 14 Nov item 3 ' });
      assert.equal(added.status, 201, added.text);
      const flag = added.json;
      for (const key of Object.keys(flag)) assert.match(key, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, key);
      assert.match(flag.id, ID);
      assert.equal(flag.child_id, child.id);
      assert.equal(flag.kind, 'cse_risk');
      assert.equal(flag.label, 'At risk of sexual exploitation');
      assert.equal(flag.start_date, today());
      assert.equal(flag.end_date, null);
      assert.equal(flag.panel_reference, 'CSEP 14 Nov item 3', 'trimmed');
      assert.equal(flag.active, true);
      assert.match(flag.added_at, INSTANT);
      const perpetrator = await addFlag(child, { kind: 'potential_perpetrator', start_date: daysAgo(30), panel_reference: 'MASE 3' });
      assert.equal(perpetrator.status, 201, perpetrator.text);

      const twice = await addFlag(child, { kind: 'cse_risk', start_date: today(), panel_reference: 'again' });
      assertJsonError(twice, 422, 'a second active flag of one kind');
      assert.deepEqual(twice.json.error.fields, { kind: "This flag is already active on the child's record" });

      const listed = await api('demo.practitioner').get(`/api/v1/children/${child.id}/flags`);
      assert.equal(listed.status, 200);
      assert.deepEqual(listed.json.flags.map((f) => f.kind), ['cse_risk', 'potential_perpetrator'], 'newest start first');
      assert.deepEqual(listed.json.flags[0], flag);
      const record = await api('demo.practitioner').get(`/api/v1/children/${child.id}`);
      assert.deepEqual(record.json.flags.map((f) => f.kind).sort(), ['cse_risk', 'potential_perpetrator']);

      const ended = await endFlag(child, flag.id, { end_date: today() });
      assert.equal(ended.status, 200, ended.text);
      assert.equal(ended.json.id, flag.id);
      assert.equal(ended.json.end_date, today());
      assert.equal(ended.json.active, false);
      const again = await endFlag(child, flag.id, { end_date: today() });
      assertJsonError(again, 409, 'ending an ended flag');
      assert.equal(again.json.error.code, 'flag_ended');
      assert.match(again.json.error.message, /already been ended/);

      const history = await api('demo.coordinator').get(`/api/v1/children/${child.id}/flags`);
      assert.equal(history.status, 200);
      assert.deepEqual(history.json.flags.map((f) => [f.kind, f.active, f.end_date]),
                       [['cse_risk', false, today()], ['potential_perpetrator', true, null]], 'the ended flag is kept');
      assert.deepEqual((await api('demo.practitioner').get(`/api/v1/children/${child.id}`)).json.flags.map((f) => f.kind),
                       ['potential_perpetrator'], 'the record shows active flags only');

      assert.equal(stored(child), '2');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'flag.add' AND record_id = '${child.id}' AND outcome = 'allowed'`), '2');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'flag.end' AND record_id = '${child.id}' AND outcome = 'allowed'`), '1');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'flag.list' AND record_id = '${child.id}' AND outcome = 'allowed'`), '3');
      assert.equal(sql(`SELECT purpose FROM audit_log WHERE action = 'flag.add' AND record_id = '${child.id}' ORDER BY seq LIMIT 1`),
                   'coordination');
    });

    test('bad bodies are 422 with the field messages of the form, and nothing is stored', async () => {
      const child = await newChild();
      const path = `/api/v1/children/${child.id}/flags`;
      const blank = await addFlag(child, {});
      assertJsonError(blank, 422, 'an empty body');
      assert.equal(blank.json.error.code, 'validation_failed');
      assert.deepEqual(blank.json.error.fields, {
        kind: 'Choose the flag',
        panel_reference: 'Enter the panel reference',
        start_date: 'Enter the date the flag starts',
      });
      const values = await addFlag(child, { kind: 'dangerous', start_date: daysAgo(-3), panel_reference: 'CSEP\nitem 3' });
      assertJsonError(values, 422, 'bad values');
      assert.deepEqual(values.json.error.fields, {
        kind: 'Choose the flag',
        panel_reference: 'The panel reference must be one line',
        start_date: 'The start date must be today or in the past',
      });
      const notADate = await addFlag(child, { kind: 'cse_risk', start_date: '14/11/2025', panel_reference: 'CSEP 1' });
      assertJsonError(notADate, 422, 'not a date');
      assert.deepEqual(Object.keys(notADate.json.error.fields), ['start_date']);
      assert.match(notADate.json.error.fields.start_date, /real date/);
      const long = await addFlag(child, { kind: 'cse_risk', start_date: today(), panel_reference: 'x'.repeat(201) });
      assertJsonError(long, 422, 'a long reference');
      assert.match(long.json.error.fields.panel_reference, /200 characters or fewer/);

      const unknown = await addFlag(child, { kind: 'cse_risk', start_date: today(), panel_reference: 'CSEP 1', start: today(), colour: 'red' });
      assertJsonError(unknown, 422, 'unknown members');
      assert.deepEqual(unknown.json.error.fields, { colour: 'Is not a field of this resource', start: 'Is not a field of this resource' });
      const types = await addFlag(child, { kind: ['cse_risk'], start_date: 20250101, panel_reference: true });
      assertJsonError(types, 422, 'wrong types');
      assert.deepEqual(types.json.error.fields, { kind: 'Must be a string', panel_reference: 'Must be a string', start_date: 'Must be a string' });
      const list = await addFlag(child, [{ kind: 'cse_risk' }]);
      assertJsonError(list, 422, 'not an object');
      assert.equal(list.json.error.code, 'not_an_object');
      const broken = await api('demo.coordinator').request('POST', path, { body: '{"kind": ', headers: { 'content-type': 'application/json' } });
      assertJsonError(broken, 400, 'malformed JSON');
      assert.equal(broken.json.error.code, 'malformed_json');
      const form = await api('demo.coordinator').request('POST', path, {
        body: 'kind=cse_risk', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assertJsonError(form, 400, 'a form body');
      assert.equal(form.json.error.code, 'unsupported_media_type');
      assert.equal(stored(child), '0', 'nothing stored');

      // Ending: the end date is explained when it is before the start, in the future or not a date.
      const flag = (await addFlag(child, { kind: 'cse_risk', start_date: daysAgo(10), panel_reference: 'CSEP 2' })).json;
      const early = await endFlag(child, flag.id, { end_date: daysAgo(20) });
      assertJsonError(early, 422, 'an end before the start');
      assert.deepEqual(early.json.error.fields, { end_date: 'The end date cannot be before the flag started' });
      const later = await endFlag(child, flag.id, { end_date: daysAgo(-2) });
      assertJsonError(later, 422, 'an end in the future');
      assert.deepEqual(later.json.error.fields, { end_date: 'The end date must be today or in the past' });
      const missing = await endFlag(child, flag.id, {});
      assertJsonError(missing, 422, 'no end date');
      assert.match(missing.json.error.fields.end_date, /real date/);
      const extra = await endFlag(child, flag.id, { end_date: today(), reason: 'lifted' });
      assertJsonError(extra, 422, 'an unknown member in the end body');
      assert.deepEqual(extra.json.error.fields, { reason: 'Is not a field of this resource' });
      assert.equal(sql(`SELECT count(*) FROM child_flags WHERE id = '${flag.id}' AND end_date IS NULL`), '1', 'still open');

      const otherChild = await newChild();
      for (const id of ['0'.repeat(32), 'not-a-flag']) {
        assertJsonError(await endFlag(child, id, { end_date: today() }), 404, `no flag ${id}`);
      }
      assertJsonError(await endFlag(otherChild, flag.id, { end_date: today() }), 404, "another child's flag");
      const done = await endFlag(child, flag.id, { end_date: daysAgo(10) });
      assert.equal(done.status, 200, 'ending on the start day is allowed');
      assert.equal(done.json.end_date, daysAgo(10));
    });

    test('only the coordinator manages flags; children outside access are 404; refusals are audited', async () => {
      const child = await newChild();
      const forbidden = await addFlag(child, { kind: 'cse_risk', start_date: today(), panel_reference: 'x' }, 'demo.practitioner');
      assertJsonError(forbidden, 403, 'a practitioner adding a flag');
      assert.equal(forbidden.json.error.code, 'forbidden');
      const flag = (await addFlag(child, { kind: 'cse_risk', start_date: today(), panel_reference: 'CSEP 4' })).json;
      assertJsonError(await endFlag(child, flag.id, { end_date: today() }, 'demo.practitioner'), 403, 'a practitioner ending one');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'flag.manage' AND record_id = '${child.id}' AND outcome = 'refused'`), '2');

      // The voluntary project does not work with this child: as though it did not exist.
      const hidden = await api('demo.voluntary').get(`/api/v1/children/${child.id}/flags`);
      assertJsonError(hidden, 404, 'outside access');
      assert.equal(hidden.json.error.code, 'not_found');
      const absent = await api('demo.voluntary').get(`/api/v1/children/${'0'.repeat(32)}/flags`);
      assertJsonError(absent, 404, 'no such child');
      assert.equal(absent.json.error.message, hidden.json.error.message, 'the two cannot be told apart');
      const analyst = await api('demo.analyst').get(`/api/v1/children/${child.id}/flags`);
      assertJsonError(analyst, 403, 'an analyst');
      const refused = sql(`SELECT u.username FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'child.view' ` +
                          `AND a.record_id = '${child.id}' AND a.outcome = 'refused' ORDER BY a.seq`).split('\n');
      assert.deepEqual(refused, ['demo.voluntary', 'demo.analyst']);
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'flag.list' AND record_id = '${child.id}'`), '0',
                   'no list was answered');

      const anonymous = await new ApiClient(base, undefined).get(`/api/v1/children/${child.id}/flags`);
      assertJsonError(anonymous, 401, 'no token');
      assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer realm="harbour"');
      assert.equal(stored(child), '1');
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

defineFlagApiTests(sqliteEngine());
defineFlagApiTests(postgresEngine());
