// Risk tools and risk assessments (issue 3) through the JSON API and the `harbour tools` CLI, on
// SQLite and on PostgreSQL: the real `harbour` binary with the synthetic demo area (10 children,
// seed 7). Tests that change the partnership's tools (install, activate) run last per engine.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertJsonError,
  ApiClient,
  WebClient,
  createToken,
  harbour,
  harbourOk,
  prepareDatabase,
  repoRoot,
  startServer,
  syntheticNhsNumber,
  uniqueName,
} from '../support/harbour.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const ID = /^[0-9a-f]{32}$/;
const FINGERPRINT = /^[0-9a-f]{64}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHIPPED = ['example-points', 'example-rag', 'harbour-screening'];

// "YYYY-MM-DD" `days` days from now (negative: in the past), in UTC. Tests keep two days clear
// of today so that the London date and the UTC date never disagree about past and future.
const isoDay = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function childJson() {
  return {
    given_name: uniqueName('Rowan'),
    family_name: uniqueName('Assessfield'),
    date_of_birth: `${new Date().getUTCFullYear() - 14}-06-02`,
    sex: 'female',
    nhs_number: syntheticNhsNumber(),
    postcode: 'HB2 3DE',
  };
}


function defineAssessmentTests(engine) {
  describe(`Risk tools and assessments on ${engine.name}`, { timeout: 240_000 }, () => {
    let url;
    let server;
    let base;
    let scratch;
    const tokens = {};
    const api = (username) => new ApiClient(base, tokens[username]);
    const sql = (query) => engine.sql(url, query).trim();

    // A new child made through the API by demo.practitioner, so Harbourside Academy is involved.
    async function newChild() {
      const res = await api('demo.practitioner').post('/api/v1/children', childJson());
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    before(async () => {
      await engine.start();
      url = await engine.newDatabase();
      prepareDatabase(url, { children: 10, seed: 7 });
      for (const u of ['demo.practitioner', 'demo.voluntary', 'demo.analyst', 'demo.admin']) {
        tokens[u] = createToken(url, u);
      }
      server = await startServer(url);
      base = server.base;
      scratch = mkdtempSync(join(tmpdir(), 'harbour-tools-'));
    }, { timeout: 120_000 });

    after(async () => {
      if (process.env.HARBOUR_TEST_LOG === '1' && server) process.stderr.write(server.output());
      await server?.stop();
      await engine.stop();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    }, { timeout: 30_000 });

    // --- tools --------------------------------------------------------------------------------

    describe('GET /api/v1/tools', () => {
      test('lists the three shipped tools, harbour-screening active', async () => {
        const res = await api('demo.practitioner').get('/api/v1/tools');
        assert.equal(res.status, 200, res.text);
        assert.match(res.headers.get('content-type'), /^application\/json/);
        assert.equal(res.json.active_tool, 'harbour-screening');
        assert.deepEqual(res.json.tools.map((t) => t.id), SHIPPED);
        const byId = Object.fromEntries(res.json.tools.map((t) => [t.id, t]));
        assert.deepEqual(SHIPPED.map((id) => byId[id].scheme), ['points', 'rag', 'categories']);
        assert.deepEqual(SHIPPED.map((id) => byId[id].active), [false, false, true]);
        for (const tool of res.json.tools) {
          assert.equal(tool.latest_version, 1, tool.id);
          assert.equal(typeof tool.name, 'string');
          assert.equal(tool.versions.length, 1, tool.id);
          assert.equal(tool.versions[0].version, 1);
          assert.match(tool.versions[0].fingerprint, FINGERPRINT);
          assert.match(tool.versions[0].registered_at, INSTANT);
        }
        assert.equal(byId['harbour-screening'].name, 'Harbour exploitation screening');
      });

      test('any role may read the tools; no token is 401', async () => {
        for (const u of ['demo.voluntary', 'demo.analyst', 'demo.admin']) {
          const res = await api(u).get('/api/v1/tools');
          assert.equal(res.status, 200, `${u}: ${res.text}`);
        }
        const anonymous = await new ApiClient(base).get('/api/v1/tools');
        assertJsonError(anonymous, 401, 'no token');
        assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/);
      });

      test("a version's full definition, by scheme", async () => {
        const list = await api('demo.practitioner').get('/api/v1/tools');
        const fingerprints = Object.fromEntries(list.json.tools.map((t) => [t.id, t.versions[0].fingerprint]));

        const res = await api('demo.practitioner').get('/api/v1/tools/harbour-screening/versions/1');
        assert.equal(res.status, 200, res.text);
        const tool = res.json;
        assert.equal(tool.id, 'harbour-screening');
        assert.equal(tool.version, 1);
        assert.equal(tool.scheme, 'categories');
        assert.equal(tool.fingerprint, fingerprints['harbour-screening']);
        assert.deepEqual(tool.look_back, { current_days: 90, past_days: 365 });
        assert.deepEqual(tool.levels.map((l) => l.code),
                         ['no_current_concern', 'at_risk', 'significant_risk', 'serious_risk']);
        const serious = tool.levels[3];
        assert.equal(serious.colour, 'red');
        assert.equal(serious.review_days, 28);
        assert.deepEqual(serious.actions[0], {
          text: 'Refer to children\'s social care and ask for a strategy discussion', who: 'practitioner', due_hours: 24,
        });
        assert.equal(tool.levels[1].actions[0].due_working_days, 1);
        assert.ok(tool.sections.length >= 3);
        const indicators = tool.sections.flatMap((s) => s.indicators);
        const weapon = indicators.find((i) => i.code === 'ws.carrying_weapon');
        assert.ok(weapon, 'the weapon question');
        assert.equal(weapon.immediate_action, true);
        assert.equal(weapon.at_least, 'significant_risk');
        assert.equal(typeof weapon.question, 'string');
        assert.ok(weapon.guidance.length > 0, 'guidance (the catalogue\'s when the tool has none)');
        assert.ok(!('points' in weapon) && !('suggested' in weapon), 'no points or suggestion in a categories tool');
        assert.equal(tool.rules.length, 2);
        assert.equal(tool.rules[0].count, 3);
        assert.deepEqual(tool.bands, []);
        assert.deepEqual(tool.floors.map((f) => f.condition), ['age_under', 'looked_after']);
        assert.equal(tool.floors[0].age, 13);
        assert.equal(tool.floors[0].raise, 1);
        assert.equal(tool.immediate.at_least, 'serious_risk');
        assert.equal(tool.immediate.actions[0].due_hours, 4);

        const points = await api('demo.analyst').get('/api/v1/tools/example-points/versions/1');
        assert.equal(points.status, 200, points.text);
        assert.equal(points.json.scheme, 'points');
        assert.equal(points.json.fingerprint, fingerprints['example-points']);
        assert.deepEqual(points.json.bands.map((b) => b.from), [0, 6, 11, 16]);
        const first = points.json.sections[0].indicators[0];
        assert.deepEqual(Object.keys(first.points).sort(), ['both', 'current', 'past']);

        const rag = await api('demo.practitioner').get('/api/v1/tools/example-rag/versions/1');
        assert.equal(rag.status, 200, rag.text);
        const missing = rag.json.sections.flatMap((s) => s.indicators).find((i) => i.code === 'ws.going_missing');
        assert.equal(missing.suggested, 'medium');
        assert.ok(!('points' in missing));
      });

      test('an unknown tool or version, or a version that is not a whole number, is a 404 JSON error', async () => {
        for (const path of ['/api/v1/tools/no-such-tool/versions/1', '/api/v1/tools/example-rag/versions/2',
                            '/api/v1/tools/example-rag/versions/x', '/api/v1/tools/example-rag/versions/1.0',
                            '/api/v1/tools/example-rag/versions/-1', '/api/v1/tools/example-rag/versions/01',
                            '/api/v1/tools/example-rag/versions/99999999999999999999',
                            '/api/v1/tools/Example_RAG/versions/1']) {
          const res = await api('demo.practitioner').get(path);
          assertJsonError(res, 404, path);
          assert.equal(res.json.error.code, 'not_found', path);
        }
      });
    });

    // --- assessments --------------------------------------------------------------------------

    describe('POST and GET /api/v1/children/{id}/assessments', () => {
      let child;
      let submitted;
      before(async () => {
        child = await newChild();
      });

      test('a submission is 201 with the level, its explanation, actions and tasks with due dates', async () => {
        const res = await api('demo.practitioner').post(`/api/v1/children/${child.id}/assessments`, {
          tool_id: 'harbour-screening',
          answers: [
            { indicator: 'ws.older_relationship', last_seen: isoDay(-3) },
            { indicator: 'ws.going_missing', last_seen: isoDay(-5), earlier_seen: isoDay(-200) },
            { indicator: 'vu.no_trusted_adult', recency: 'current' },
          ],
          judged_level: 'significant_risk',
        });
        assert.equal(res.status, 201, res.text);
        assert.equal(res.headers.get('location'), `/api/v1/children/${child.id}/assessments`);
        const a = res.json;
        for (const key of Object.keys(a)) assert.match(key, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, key);
        assert.match(a.id, ID);
        assert.equal(a.child_id, child.id);
        assert.equal(a.status, 'submitted');
        assert.equal(a.tool_id, 'harbour-screening');
        assert.equal(a.tool_version, 1);
        assert.match(a.tool_fingerprint, FINGERPRINT);
        assert.equal(a.computed_level, 'significant_risk');
        assert.equal(a.judged_level, 'significant_risk');
        assert.equal(a.score, 0);
        assert.equal(a.immediate_action, false);
        assert.equal(a.rationale, '');
        assert.match(a.submitted_at, INSTANT);
        assert.match(a.next_review, DATE);
        assert.ok(a.next_review > isoDay(30) && a.next_review < isoDay(50), `review in 42 days: ${a.next_review}`);
        assert.deepEqual(a.answers.map((x) => x.indicator), ['ws.older_relationship', 'ws.going_missing', 'vu.no_trusted_adult']);
        assert.equal(a.answers[1].earlier_seen, isoDay(-200));
        const why = a.contributions.find((c) => c.source === 'ws.older_relationship' && c.level === 'significant_risk');
        assert.ok(why, `a contribution explains the level: ${JSON.stringify(a.contributions)}`);
        assert.equal(why.counted, true);
        assert.ok(a.contributions.some((c) => c.source === 'ws.going_missing' && /both/.test(c.why)),
                  'going missing now and 200 days ago counts as both');
        assert.deepEqual(a.actions.map((x) => x.text), ["Refer to children's social care", 'Refer to the exploitation panel']);
        for (const action of a.actions) {
          assert.equal(action.level, 'significant_risk');
          assert.match(action.due_date, DATE);
          assert.match(action.due, INSTANT);
        }
        assert.equal(a.tasks.length, 2);
        for (const [i, task] of a.tasks.entries()) {
          assert.match(task.id, ID);
          assert.equal(task.title, a.actions[i].text);
          assert.equal(task.who, a.actions[i].who);
          assert.equal(task.status, 'open');
          assert.equal(task.due_at, a.actions[i].due);
          assert.ok(Date.parse(task.due_at) > Date.now(), `due in the future: ${task.due_at}`);
        }
        assert.equal(sql(`SELECT count(*) FROM tasks WHERE source_type = 'assessment' AND source_id = '${a.id}'`), '2');
        assert.equal(sql(`SELECT status || ':' || computed_level FROM assessments WHERE id = '${a.id}'`),
                     'submitted:significant_risk');
        submitted = a;
      });

      test('a judged level below the computed one needs a rationale, and then alerts the coordinator', async () => {
        const body = { answers: [{ indicator: 'ws.older_relationship', last_seen: isoDay(-3) }], judged_level: 'at_risk' };
        const before = sql(`SELECT count(*) FROM assessments WHERE child_id = '${child.id}'`);
        const refused = await api('demo.practitioner').post(`/api/v1/children/${child.id}/assessments`, body);
        assertJsonError(refused, 422, 'lower without rationale');
        assert.equal(refused.json.error.code, 'validation_failed');
        assert.deepEqual(Object.keys(refused.json.error.fields), ['rationale']);
        assert.match(refused.json.error.fields.rationale, /Significant risk/);
        const blank = await api('demo.practitioner').post(`/api/v1/children/${child.id}/assessments`,
                                                         { ...body, rationale: '   ' });
        assertJsonError(blank, 422, 'a blank rationale');
        assert.ok(blank.json.error.fields.rationale);
        assert.equal(sql(`SELECT count(*) FROM assessments WHERE child_id = '${child.id}'`), before, 'nothing stored');

        const ok = await api('demo.practitioner').post(`/api/v1/children/${child.id}/assessments`,
                                                      { ...body, rationale: 'Known to us; the older friend is a cousin.' });
        assert.equal(ok.status, 201, ok.text);
        assert.equal(ok.json.computed_level, 'significant_risk');
        assert.equal(ok.json.judged_level, 'at_risk');
        assert.equal(ok.json.rationale, 'Known to us; the older friend is a cousin.');
        assert.equal(sql(`SELECT count(*) FROM alerts WHERE child_id = '${child.id}' AND kind = 'judged_lower'`), '1');
        // A lower judgement does not remove what the tool asks for.
        assert.equal(ok.json.plan_level, 'significant_risk');
        assert.deepEqual(ok.json.actions.map((x) => x.text), ["Refer to children's social care", 'Refer to the exploitation panel']);
      });

      test('a judged level above the computed one brings its own actions and a sooner review', async () => {
        const other = await newChild();  // its own child: later tests count this one's assessments
        const res = await api('demo.practitioner').post(`/api/v1/children/${other.id}/assessments`, {
          answers: [{ indicator: 'ws.older_relationship', last_seen: isoDay(-3) }],
          judged_level: 'serious_risk',
          rationale: 'She told her teacher she is afraid of him.',
        });
        assert.equal(res.status, 201, res.text);
        const a = res.json;
        assert.equal(a.computed_level, 'significant_risk');
        assert.equal(a.plan_level, 'serious_risk');
        assert.ok(a.actions.length >= 1 && a.actions.every((x) => x.level === 'serious_risk'), JSON.stringify(a.actions));
        assert.equal(a.tasks.length, a.actions.length);
        assert.ok(a.next_review < isoDay(30), `the serious-risk review interval (28 days): ${a.next_review}`);
        assert.equal(sql(`SELECT next_review FROM assessments WHERE id = '${a.id}'`), a.next_review);
        assert.equal(sql(`SELECT count(*) FROM alerts WHERE child_id = '${other.id}'`), '0',
                     'a higher judgement raises no alert');
      });

      test('an unknown indicator and a future last_seen are 422, keyed by indicator', async () => {
        const unknown = await api('demo.practitioner').post(`/api/v1/children/${child.id}/assessments`, {
          answers: [{ indicator: 'ws.no_such_sign' }], judged_level: 'no_current_concern',
        });
        assertJsonError(unknown, 422, 'unknown indicator');
        const fields = Object.keys(unknown.json.error.fields);
        assert.ok(fields.length > 0 && fields.every((f) => f.startsWith('answers.')), fields.join(', '));
        assert.ok(unknown.json.error.fields['answers.ws.no_such_sign']);

        const future = await api('demo.practitioner').post(`/api/v1/children/${child.id}/assessments`, {
          answers: [{ indicator: 'ws.going_missing', last_seen: isoDay(3) }], judged_level: 'at_risk',
        });
        assertJsonError(future, 422, 'future last_seen');
        assert.ok(future.json.error.fields['answers.ws.going_missing.last_seen'], JSON.stringify(future.json.error.fields));

        const repeated = await api('demo.practitioner').post(`/api/v1/children/${child.id}/assessments`, {
          answers: [{ indicator: 'ws.going_missing' }, { indicator: 'ws.going_missing', recency: 'past' }],
          judged_level: 'at_risk',
        });
        assertJsonError(repeated, 422, 'an indicator answered twice');
        assert.ok(repeated.json.error.fields['answers.ws.going_missing']);

        const level = await api('demo.practitioner').post(`/api/v1/children/${child.id}/assessments`, {
          answers: [], judged_level: 'catastrophic',
        });
        assertJsonError(level, 422, 'an unknown judged level');
        assert.ok(level.json.error.fields.judged_level);
      });

      test('the body is parsed strictly: 400 for malformed JSON, 422 naming each wrong member', async () => {
        const path = `/api/v1/children/${child.id}/assessments`;
        const malformed = await api('demo.practitioner').request('POST', path, {
          body: '{"answers": [', headers: { 'content-type': 'application/json' },
        });
        assertJsonError(malformed, 400, 'malformed JSON');
        assert.equal(malformed.json.error.code, 'malformed_json');
        const form = await api('demo.practitioner').request('POST', path, {
          body: 'judged_level=at_risk', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        assertJsonError(form, 400, 'a form body');
        const array = await api('demo.practitioner').request('POST', path, {
          body: '[]', headers: { 'content-type': 'application/json' },
        });
        assertJsonError(array, 422, 'an array body');
        assert.equal(array.json.error.code, 'not_an_object');

        const typed = await api('demo.practitioner').post(path, {
          answers: [
            { indicator: 'ws.going_missing' },
            'ws.missing_school',
            { indicator: 'ws.self_harm', last_seen: '03/02/2026', recency: 'sometimes', colour: 'red' },
          ],
          judged_level: 3,
          mood: 'fine',
        });
        assertJsonError(typed, 422, 'wrong types');
        assert.deepEqual(typed.json.error.fields, {
          'answers[1]': 'Must be an object with an indicator',
          'answers[2].last_seen': 'Enter a date as YYYY-MM-DD',
          'answers[2].recency': 'Must be one of current, past, both',
          'answers[2].colour': 'Is not a field of an answer',
          judged_level: 'Must be a string',
          mood: 'Is not a field of this resource',
        });
        const answers = await api('demo.practitioner').post(path, { answers: { indicator: 'ws.going_missing' } });
        assertJsonError(answers, 422, 'answers not a list');
        assert.ok(answers.json.error.fields.answers);
        const tool = await api('demo.practitioner').post(path, { tool_id: 'example-rag', answers: [], judged_level: 'low' });
        assertJsonError(tool, 422, 'another tool');
        assert.match(tool.json.error.fields.tool_id, /harbour-screening/);
        assert.equal(sql(`SELECT count(*) FROM assessments WHERE child_id = '${child.id}'`), '2', 'nothing stored');
      });

      test('GET lists the assessments newest first, drafts included', async () => {
        assert.ok(submitted, 'needs the first submission');
        const web = new WebClient(base);
        await web.signInOk('demo.practitioner');
        const started = await web.postWithCsrf(`/children/${child.id}/assessments`, {});
        assert.equal(started.status, 303, started.text.slice(0, 500));
        const draftId = started.location?.match(/assessments\/([0-9a-f]{32})$/)?.[1];
        assert.ok(draftId, `redirect to the draft: ${started.location}`);

        const res = await api('demo.practitioner').get(`/api/v1/children/${child.id}/assessments`);
        assert.equal(res.status, 200, res.text);
        const list = res.json.assessments;
        assert.equal(list.length, 3);
        // Newest first, to the second (rows of the same second may come in any order).
        const when = list.map((a) => a.submitted_at ?? a.created_at);
        assert.deepEqual(when, [...when].sort().reverse(), 'newest first');
        const draft = list.find((a) => a.id === draftId);
        assert.ok(draft, 'the draft is listed');
        assert.equal(draft.status, 'draft');
        for (const key of ['computed_level', 'score', 'immediate_action', 'next_review', 'submitted_at', 'judged_level']) {
          assert.equal(draft[key], null, `a draft's ${key}`);
        }
        assert.deepEqual(draft.contributions, []);
        assert.deepEqual(draft.actions, []);
        assert.deepEqual(draft.answers, []);
        assert.equal(draft.tool_id, 'harbour-screening');
        assert.equal(draft.tool_fingerprint, submitted.tool_fingerprint);
        assert.deepEqual(list.filter((a) => a.id !== draftId).map((a) => a.status), ['submitted', 'submitted']);
        const first = list.find((a) => a.id === submitted.id);
        assert.ok(first, 'the first submission is listed');
        const { tasks, ...withoutTasks } = submitted;
        assert.equal(tasks.length, 2);
        assert.deepEqual(first, withoutTasks, 'the list shows what the submission returned, without its tasks');
        assert.ok(!('tasks' in first));
        assert.equal(first.assessed_by, 'Alex Morgan');
        assert.equal(first.agency, 'Harbourside Academy');
      });

      test('an uninvolved agency gets 404 and an analyst 403; the refusals are audited', async () => {
        const path = `/api/v1/children/${child.id}/assessments`;
        const body = { answers: [], judged_level: 'no_current_concern' };
        assertJsonError(await api('demo.voluntary').get(path), 404, 'voluntary GET');
        const post = await api('demo.voluntary').post(path, body);
        assertJsonError(post, 404, 'voluntary POST');
        assert.equal(post.json.error.code, 'not_found');
        assertJsonError(await api('demo.analyst').get(path), 403, 'analyst GET');
        assertJsonError(await api('demo.analyst').post(path, body), 403, 'analyst POST');
        const absent = await api('demo.practitioner').get(`/api/v1/children/${'0'.repeat(32)}/assessments`);
        assertJsonError(absent, 404, 'no such child');
        const refusals = sql(`SELECT username || '|' || action FROM audit_log WHERE record_id = '${child.id}' ` +
                             `AND outcome = 'refused' ORDER BY seq`).split('\n');
        assert.deepEqual(refusals, ['demo.voluntary|assessment.view', 'demo.voluntary|assessment.write',
                                    'demo.analyst|assessment.view', 'demo.analyst|assessment.write']);
        assert.equal(sql(`SELECT count(*) FROM assessments WHERE child_id = '${child.id}'`), '3', 'nothing stored');
      });

      test('submissions and reads are in the audit trail, and the chain verifies', () => {
        assert.ok(submitted, 'needs the first submission');
        const submit = sql(`SELECT username || '|' || outcome || '|' || detail FROM audit_log ` +
                           `WHERE action = 'assessment.submit' AND record_id = '${submitted.id}'`);
        assert.match(submit, /^demo\.practitioner\|allowed\|/);
        assert.ok(submit.includes(child.id) && submit.includes('harbour-screening v1'), submit);
        assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'assessment.submit' AND detail LIKE '%${child.id}%'`), '2');
        assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'alert.raise' AND record_id = '${child.id}'`), '1');
        const reads = Number(sql(`SELECT count(*) FROM audit_log WHERE action = 'assessment.list' AND record_id = '${child.id}' AND outcome = 'allowed'`));
        assert.ok(reads >= 1, `the list was audited (${reads})`);
        const verify = harbour(['audit', 'verify', '--db', url]);
        assert.equal(verify.status, 0, verify.stdout + verify.stderr);
      });
    });

    // --- the CLI (last: install and activate change the partnership's tools) --------------------

    describe('harbour tools', () => {
      const shipped = (name) => join(repoRoot, 'config/tools', name);

      test('validate accepts a shipped tool', () => {
        const out = harbour(['tools', 'validate', shipped('example-rag.toml')]);
        assert.equal(out.status, 0, out.stdout + out.stderr);
        assert.match(out.stdout, /valid\. example-rag version 1/);
      });

      test('validate refuses a broken copy and names every problem with its line', () => {
        const text = readFileSync(shipped('example-rag.toml'), 'utf8');
        const broken = text.replace('colour = "yellow"', 'colour = "mauve"')
          .replace('code = "ws.missing_school"', 'code = "ws.not_a_real_sign"');
        assert.notEqual(broken, text);
        const file = join(scratch, 'broken.toml');
        writeFileSync(file, broken);
        const out = harbour(['tools', 'validate', file]);
        assert.notEqual(out.status, 0, 'a broken tool is refused');
        const printed = out.stdout + out.stderr;
        const lineOf = (needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
        assert.match(printed, new RegExp(`Line ${lineOf('colour = "yellow"')}, level\\[2\\]\\.colour: .*GOV\\.UK tag colour`));
        assert.match(printed, new RegExp(`Line ${lineOf('code = "ws.missing_school"')}, [^:]*code: .*ws\\.not_a_real_sign`));
        assert.match(printed, /2 problems/);
      });

      test('list shows the three tools with harbour-screening active', () => {
        const out = harbourOk(['tools', 'list', '--db', url]);
        const lines = out.split('\n').filter((l) => /version \d+/.test(l));
        assert.equal(lines.length, 3, out);
        for (const id of SHIPPED) assert.ok(lines.some((l) => l.includes(id)), `${id} listed:\n${out}`);
        assert.deepEqual(lines.filter((l) => l.startsWith('*')).map((l) => l.split(/\s+/)[1]), ['harbour-screening']);
      });

      test('install refuses changed content under the same version and registers a raised version', async () => {
        const text = readFileSync(shipped('example-rag.toml'), 'utf8');
        const changed = text.replace('question = "Is the child missing school?"',
                                     'question = "Has the child been missing from school?"');
        assert.notEqual(changed, text);
        const same = join(scratch, 'rag-same-version.toml');
        writeFileSync(same, changed);
        const refused = harbour(['tools', 'install', same, '--db', url]);
        assert.notEqual(refused.status, 0, 'same version, different content');
        assert.match(refused.stdout + refused.stderr, /already registered with different content/);

        const raised = join(scratch, 'rag-version-2.toml');
        writeFileSync(raised, changed.replace(/^version = 1$/m, 'version = 2'));
        const installed = harbour(['tools', 'install', raised, '--db', url]);
        assert.equal(installed.status, 0, installed.stdout + installed.stderr);
        assert.match(installed.stdout, /Registered example-rag version 2/);
        const again = harbour(['tools', 'install', raised, '--db', url]);
        assert.equal(again.status, 0, 'installing the same content again changes nothing');
        assert.match(again.stdout, /already registered/);

        const list = await api('demo.practitioner').get('/api/v1/tools');
        const rag = list.json.tools.find((t) => t.id === 'example-rag');
        assert.equal(rag.latest_version, 2);
        assert.deepEqual(rag.versions.map((v) => v.version), [1, 2]);
        assert.notEqual(rag.versions[0].fingerprint, rag.versions[1].fingerprint);
        const v2 = await api('demo.practitioner').get('/api/v1/tools/example-rag/versions/2');
        assert.equal(v2.status, 200, v2.text);
        assert.ok(v2.json.sections.flatMap((s) => s.indicators)
          .some((i) => i.question === 'Has the child been missing from school?'));
        const v1 = await api('demo.practitioner').get('/api/v1/tools/example-rag/versions/1');
        assert.ok(v1.json.sections.flatMap((s) => s.indicators)
          .some((i) => i.question === 'Is the child missing school?'), 'version 1 is unchanged');
        assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'tool.register' AND record_id = 'example-rag' " +
                         "AND detail LIKE 'registered version 2%'"), '1');
      });

      test('activate makes another tool the one new assessments use', async () => {
        const out = harbour(['tools', 'activate', 'example-points', '--db', url]);
        assert.equal(out.status, 0, out.stdout + out.stderr);
        const unknown = harbour(['tools', 'activate', 'no-such-tool', '--db', url]);
        assert.notEqual(unknown.status, 0, 'an unregistered tool cannot be activated');

        const list = await api('demo.practitioner').get('/api/v1/tools');
        assert.equal(list.json.active_tool, 'example-points');
        assert.deepEqual(list.json.tools.filter((t) => t.active).map((t) => t.id), ['example-points']);
        assert.match(harbourOk(['tools', 'list', '--db', url]), /^\* example-points/m);

        const child = await newChild();
        const path = `/api/v1/children/${child.id}/assessments`;
        const old = await api('demo.practitioner').post(path, { tool_id: 'harbour-screening', answers: [], judged_level: 'no_current_concern' });
        assertJsonError(old, 422, 'the previous tool');
        assert.match(old.json.error.fields.tool_id, /example-points/);
        const res = await api('demo.practitioner').post(path, {
          answers: [{ indicator: 'ws.going_missing', last_seen: isoDay(-2) }], judged_level: 'not_at_risk',
          rationale: 'Checking the points tool.',
        });
        assert.equal(res.status, 201, res.text);
        assert.equal(res.json.tool_id, 'example-points');
        assert.ok(res.json.score > 0, `points were added: ${res.json.score}`);
        assert.ok(res.json.contributions.some((c) => c.source === 'ws.going_missing' && c.points > 0));
        assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'tool.activate' AND record_id = 'example-points'"), '1');
        const verify = harbour(['audit', 'verify', '--db', url]);
        assert.equal(verify.status, 0, verify.stdout + verify.stderr);
      });

      test('the web form of a RAG tool: an amended level needs a reason, and the form keeps what was entered', async () => {
        assert.equal(harbour(['tools', 'activate', 'example-rag', '--db', url]).status, 0);
        const child = await newChild();
        const web = new WebClient(base);
        await web.signInOk('demo.practitioner');
        const started = await web.postWithCsrf(`/children/${child.id}/assessments`, {});
        assert.equal(started.status, 303, started.text.slice(0, 300));
        const draft = started.location;
        const form = await web.get(draft);
        assert.equal(form.status, 200);
        assert.match(form.text, /name="amended_level\.ws\.going_missing"/, 'a RAG tool offers amendments');
        const answers = [['present', 'ws.going_missing'], ['amended_level.ws.going_missing', 'high'],
                         ['last_seen.ws.going_missing', isoDay(-4)], ['judged_level', 'high'], ['intent', 'submit']];
        const refused = await web.postWithCsrf(draft, answers);
        assert.equal(refused.status, 422, refused.text.slice(0, 300));
        assert.match(refused.text, /Give a reason for changing the suggested level/);
        assert.match(refused.text, /<option value="high" selected>/, 'the amended level is kept');
        assert.match(refused.text, new RegExp(`value="${isoDay(-4)}"`), 'the date is kept');
        assert.match(refused.text, /id="judged_level-high"[^>]*checked/, 'the judged level is kept');
        assert.equal(sql(`SELECT status FROM assessments WHERE child_id = '${child.id}'`), 'draft', 'still a draft');

        const done = await web.postWithCsrf(draft, [...answers, ['amended_reason.ws.going_missing', 'Missing three nights this week']]);
        assert.equal(done.status, 303, done.text.slice(0, 500));
        assert.match(done.location, /\?submitted=1$/);
        const result = await web.get(done.location.replace(/^https?:\/\/[^/]+/, ''));
        assert.equal(result.status, 200);
        assert.match(result.text, /amended to/);
        assert.match(result.text, /Missing three nights this week/);
        assert.equal(sql(`SELECT tool_id || ' ' || status || ' ' || computed_level FROM assessments WHERE child_id = '${child.id}'`),
                     'example-rag submitted high');
        // A submitted assessment cannot be changed through its form any more; the refusal is audited.
        const again = await web.postWithCsrf(draft, answers);
        assert.equal(again.status, 409);
        assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'assessment.save' AND outcome = 'refused'"), '1');
      });

      test('the web form shows every problem in one round: an undecided suggestion and a missing rationale', async () => {
        const child = await newChild();
        const concern = await api('demo.practitioner').post(`/api/v1/children/${child.id}/concerns`, {
          observed_at: new Date(Date.now() - 2 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          category: 'missing', indicators: ['ws.going_missing'], narrative: 'Away overnight again.',
          first_hand: true, immediate_danger: false,
        });
        assert.equal(concern.status, 201, concern.text);
        const web = new WebClient(base);
        await web.signInOk('demo.practitioner');
        const started = await web.postWithCsrf(`/children/${child.id}/assessments`, {});
        const form = await web.get(started.location);
        assert.match(form.text, /Suggested by the records/);
        assert.match(form.text, /name="confirm\.ws\.going_missing"/);
        const refused = await web.postWithCsrf(started.location, { judged_level: 'high', intent: 'submit' });
        assert.equal(refused.status, 422);
        assert.match(refused.text, /Confirm or clear this answer suggested by the records/);
        assert.match(refused.text, /Explain why your judged level differs/);
        assert.match(refused.text, /id="judged_level-high"[^>]*checked/);
      });

      test("the administrator's page refuses an invalid tool with every problem, keeps the text, and changes nothing", async () => {
        const web = new WebClient(base);
        await web.signInOk('demo.admin');
        const page = await web.get('/tools');
        assert.equal(page.status, 200);
        const active = sql("SELECT value FROM settings WHERE name = 'active_tool'");
        const versions = sql('SELECT count(*) FROM risk_tool_versions');
        const broken = readFileSync(join(repoRoot, 'config/tools/example-rag.toml'), 'utf8')
          .replace('colour = "green"', 'colour = "tartan"')
          .replace('version = 1', 'version = 9')
          .replace('code = "ws.going_missing"', 'code = "ws.no_such_sign"');
        const res = await web.postWithCsrf('/tools', { definition: broken });
        assert.equal(res.status, 422, res.text.slice(0, 300));
        assert.match(res.text, /tartan/);
        assert.match(res.text, /ws\.no_such_sign/);
        assert.match(res.text, /There is a problem/);
        const lines = [...res.text.matchAll(/line (\d+): /g)].map((m) => Number(m[1]));
        assert.ok(lines.length >= 2, `every problem is listed: ${lines}`);
        assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'in file order');
        assert.equal(sql("SELECT value FROM settings WHERE name = 'active_tool'"), active, 'the active tool is unchanged');
        assert.equal(sql('SELECT count(*) FROM risk_tool_versions'), versions, 'nothing registered');
        const practitioner = new WebClient(base);
        await practitioner.signInOk('demo.practitioner');
        assert.equal((await practitioner.get('/tools')).status, 403, 'only administrators manage tools');
      });
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

defineAssessmentTests(sqliteEngine());
defineAssessmentTests(postgresEngine());
