// The feedback loop's messages (issue 4) through the JSON API, on SQLite and PostgreSQL:
// GET /api/v1/messages lists the caller's own messages newest first with the unread count
// (optionally only the unread ones), POST /api/v1/messages/{id}/read marks one read. A referrer
// follows their referral this way without access to the child's record; a message is its
// recipient's alone (anyone else gets 404, audited).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiClient,
  assertJsonError,
  serveDemoArea,
  syntheticNhsNumber,
  uniqueName,
  WebClient,
} from '../support/harbour.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const ID = /^[0-9a-f]{32}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const USERS = ['demo.practitioner', 'demo.voluntary', 'demo.lead', 'demo.coordinator', 'demo.analyst'];

const unreadBadge = (html) => html.match(/id="unread-messages"[^>]*>(\d+) unread/)?.[1];

function defineMessageTests(engine) {
  describe(`Feedback messages API on ${engine.name}`, { timeout: 300_000 }, () => {
    let url;
    let server;
    let base;
    const tokens = {};
    const api = (username) => new ApiClient(base, tokens[username]);
    const sql = (query) => engine.sql(url, query).trim();
    const userId = (username) => sql(`SELECT id FROM users WHERE username = '${username}'`);

    async function newChild(username) {
      const res = await api(username).post('/api/v1/children', {
        given_name: uniqueName('Robin'), family_name: uniqueName('Messagefield'),
        date_of_birth: `${new Date().getUTCFullYear() - 15}-05-06`, sex: 'male',
        nhs_number: syntheticNhsNumber(),
      });
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    async function refer(child, username) {
      const res = await api(username).post(`/api/v1/children/${child.id}/referrals`, {
        no_assessment_reason: 'We do not use risk tools.',
        reason: 'He said he is paid to carry packages for older boys.',
        sharing: 'consent',
      });
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    const messages = (username, query = '') => api(username).get(`/api/v1/messages${query}`);
    const markRead = (username, id, options) => api(username).request('POST', `/api/v1/messages/${id}/read`, options);

    serveDemoArea(engine, {
      children: 5, seed: 13, users: USERS, tokens,
      ready: (live) => ({ url, server, base } = live),
    });

    test('a referrer reads their messages and marks one read, without access to the record', async () => {
      const before = await messages('demo.voluntary');
      assert.equal(before.status, 200, before.text);
      const baseline = before.json.unread_count;

      const child = await newChild('demo.voluntary');
      const referral = await refer(child, 'demo.voluntary');
      // The voluntary project loses access to the record (as when a grant lapses).
      sql(`DELETE FROM child_agencies WHERE child_id = '${child.id}'`);
      assertJsonError(await api('demo.voluntary').get(`/api/v1/children/${child.id}`), 404, 'the record');
      const moved = await api('demo.coordinator').post(`/api/v1/referrals/${referral.id}/transitions`, { to: 'screening' });
      assert.equal(moved.status, 200, moved.text);

      const listed = await messages('demo.voluntary');
      assert.equal(listed.status, 200, listed.text);
      assert.equal(listed.json.unread_count, baseline + 2);
      assert.equal(listed.json.truncated, false);
      const about = listed.json.messages.filter((m) => m.subject_id === referral.id);
      assert.deepEqual(about.map((m) => m.title), [
        `The coordinator is screening your referral of ${referral.child_name}`,
        `Your referral of ${referral.child_name} to the exploitation panel was received`,
      ], 'newest first');
      for (const m of about) {
        for (const key of Object.keys(m)) assert.match(key, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, key);
        assert.match(m.id, ID);
        assert.equal(m.subject_type, 'referral');
        assert.match(m.at, INSTANT);
        assert.equal(m.read, false);
        assert.equal(m.read_at, null);
        assert.equal(m.contact, 'the exploitation coordinator, through Harbour');
        assert.ok(m.next_steps.length > 0);
      }
      const unreadOnly = await messages('demo.voluntary', '?unread=true');
      assert.equal(unreadOnly.status, 200);
      assert.equal(unreadOnly.json.messages.length, baseline + 2);
      assert.ok(unreadOnly.json.messages.every((m) => !m.read));
      const web = new WebClient(base);
      await web.signInOk('demo.voluntary');
      assert.equal(unreadBadge((await web.get('/')).text), String(baseline + 2), 'the header counts them');

      const newest = about[0];
      const read = await markRead('demo.voluntary', newest.id);
      assert.equal(read.status, 200, read.text);
      assert.equal(read.json.message.id, newest.id);
      assert.equal(read.json.message.read, true);
      assert.match(read.json.message.read_at, INSTANT);
      assert.equal(read.json.unread_count, baseline + 1, 'the unread count drops');
      const after = await messages('demo.voluntary', '?unread=true');
      assert.equal(after.json.unread_count, baseline + 1);
      assert.ok(!after.json.messages.some((m) => m.id === newest.id), 'no longer unread');
      assert.equal((await messages('demo.voluntary', '?unread=false')).json.messages.length,
                   listed.json.messages.length, 'unread=false lists them all');
      assert.equal(unreadBadge((await web.get('/')).text), String(baseline + 1), 'the header drops too');
      const twice = await markRead('demo.voluntary', newest.id, { json: {} });
      assert.equal(twice.status, 200, 'marking it again changes nothing');
      assert.equal(twice.json.message.read_at, read.json.message.read_at);
      assert.equal(twice.json.unread_count, baseline + 1);

      assertJsonError(await api('demo.voluntary').get(`/api/v1/children/${child.id}`), 404, 'still no record access');
      const voluntary = userId('demo.voluntary');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'message.list' AND record_id = '${voluntary}' AND outcome = 'allowed'`), '5');
      assert.deepEqual(sql(`SELECT detail FROM audit_log WHERE action = 'message.read' AND record_id = '${newest.id}' ORDER BY seq`).split('\n'),
                       [`api; referral ${referral.id}`, `api; referral ${referral.id}; already read`]);
    });

    test("a message is its recipient's alone: anyone else gets 404, audited", async () => {
      const child = await newChild('demo.practitioner');
      const referral = await refer(child, 'demo.practitioner');
      const mine = (await messages('demo.practitioner')).json.messages.find((m) => m.subject_id === referral.id);
      assert.ok(mine, 'the referrer has the "received" message');
      // The safeguarding lead has the notice, without seeing the referral itself.
      const notice = (await messages('demo.lead')).json.messages.find((m) => m.subject_id === referral.id);
      assert.equal(notice.title, `Alex Morgan referred ${referral.child_name} to the exploitation panel`);
      assertJsonError(await api('demo.lead').get(`/api/v1/referrals/${referral.id}`), 404, 'the lead and the referral');
      assert.equal((await markRead('demo.lead', notice.id)).status, 200, 'the lead marks their notice read');

      for (const other of ['demo.lead', 'demo.coordinator', 'demo.voluntary']) {
        const refused = await markRead(other, mine.id);
        assertJsonError(refused, 404, `${other} marking the referrer's message`);
        assert.equal(refused.json.error.code, 'not_found');
        assert.ok(!(await messages(other)).json.messages.some((m) => m.id === mine.id), `${other} does not list it`);
      }
      const absent = await markRead('demo.practitioner', '0'.repeat(32));
      assertJsonError(absent, 404, 'no such message');
      assert.equal(absent.json.error.message, 'There is no message here.');
      assertJsonError(await markRead('demo.practitioner', 'nonsense'), 404, 'not an id');
      assert.equal(sql(`SELECT read_at IS NULL FROM messages WHERE id = '${mine.id}'`).replace('t', '1'), '1', 'still unread');
      assert.deepEqual(sql(`SELECT u.username FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.action = 'message.read' ` +
                           `AND a.record_id = '${mine.id}' AND a.outcome = 'refused' ORDER BY a.seq`).split('\n'),
                       ['demo.lead', 'demo.coordinator', 'demo.voluntary']);

      // The body is strict: nothing, or an empty JSON object.
      const body = await markRead('demo.practitioner', mine.id, { json: { read: true } });
      assertJsonError(body, 422, 'a member in the body');
      assert.deepEqual(body.json.error.fields, { read: 'Is not a field of this resource' });
      const form = await markRead('demo.practitioner', mine.id, {
        body: 'read=1', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assertJsonError(form, 400, 'a form body');
      assert.equal(form.json.error.code, 'unsupported_media_type');
      const bad = await messages('demo.practitioner', '?unread=maybe');
      assertJsonError(bad, 422, 'a bad unread filter');
      assert.deepEqual(bad.json.error.fields, { unread: 'Must be true or false' });
      assert.equal((await markRead('demo.practitioner', mine.id, { body: '' })).status, 200, 'no body');

      const analyst = await messages('demo.analyst');
      assert.equal(analyst.status, 200, 'everyone has their own (empty) list');
      assert.deepEqual(analyst.json, { unread_count: 0, truncated: false, messages: [] });
      const anonymous = new ApiClient(base, undefined);
      assertJsonError(await anonymous.get('/api/v1/messages'), 401, 'no token');
      assertJsonError(await anonymous.request('POST', `/api/v1/messages/${mine.id}/read`), 401, 'no token');
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

defineMessageTests(sqliteEngine());
defineMessageTests(postgresEngine());
