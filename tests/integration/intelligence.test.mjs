// Partner intelligence through the JSON API (issue 5), on SQLite and PostgreSQL: the real
// `harbour` binary with the synthetic demo area. A housing practitioner submits; each role sees
// exactly its version of the report (own submission, nothing while ungraded, sanitised,
// original with source); grades outside 3x5x2 and sanitised texts naming the source are 422;
// handling code C limits the sanitised view to the allowed agencies; the submitter hears the
// outcome and never sees the grade; subjects are matched to records and linked with the report
// as support; every view and refusal is audited and the audit chain verifies.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiClient,
  assertJsonError,
  harbour,
  serveDemoArea,
  syntheticNhsNumber,
  uniqueName,
} from '../support/harbour.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ID = /^[0-9a-f]{32}$/;
const USERS = ['worker.hhouse', 'demo.practitioner', 'demo.coordinator', 'demo.intel', 'demo.analyst'];

function defineIntelligenceTests(engine) {
  describe(`Partner intelligence API on ${engine.name}`, { timeout: 300_000 }, () => {
    let url;
    let base;
    const tokens = {};
    const api = (username) => new ApiClient(base, tokens[username]);
    const sql = (query) => engine.sql(url, query).trim();

    serveDemoArea(engine, {
      children: 10, seed: 11, users: USERS, tokens,
      prepare: (fresh) => { url = fresh; },
      ready: (live) => ({ base } = live),
    });

    async function newChild(username = 'worker.hhouse') {
      const res = await api(username).post('/api/v1/children', {
        given_name: uniqueName('Lola'),
        family_name: uniqueName('Harbour'),
        date_of_birth: `${new Date().getUTCFullYear() - 14}-07-09`,
        sex: 'female',
        nhs_number: syntheticNhsNumber(),
      });
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    function submission(child, extra = {}) {
      return {
        what: 'She gets into a silver Ford Focus outside the hostel most nights.',
        who: 'An older man called Dee',
        where: 'Quay Street hostel',
        category: 'sexual_exploitation',
        knowledge: 'second_hand',
        heard_from: 'The hostel night manager',
        immediate_danger: false,
        subjects: [
          { type: 'child', record_id: child.id },
          { type: 'person', details: { name: 'Dee', age: 'about 30' } },
          { type: 'vehicle', details: { registration: 'ab12 cde', colour: 'silver' } },
          { type: 'phone', details: { number: '12' } },
        ],
        ...extra,
      };
    }

    async function submitted(child) {
      const res = await api('worker.hhouse').post('/api/v1/intelligence', submission(child));
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    const grade = (extra = {}) => ({
      source: '2', intelligence: 'B', handling: 'P',
      sanitised_text: 'A young person is being collected by an adult male in a car at night.',
      outcome: 'log_created', ...extra,
    });

    test('submission: own view only, unverified identifiers kept, nothing for others while ungraded', async () => {
      const child = await newChild();
      const report = await submitted(child);
      assert.match(report.id, ID);
      assert.equal(report.view, 'own_submission');
      assert.equal(report.status, 'submitted');
      assert.equal(report.original.what, 'She gets into a silver Ford Focus outside the hostel most nights.');
      assert.ok(!('grade' in report) && !('sanitised_text' in report) && !('source' in report), JSON.stringify(report));
      const phone = report.subjects.find((s) => s.type === 'phone');
      assert.equal(phone.details.number, '12', 'kept as typed');
      assert.match(phone.unverified.number, /kept as typed and marked unverified/);
      assert.deepEqual(report.subjects.find((s) => s.type === 'vehicle').unverified, {});

      const mine = await api('worker.hhouse').get('/api/v1/intelligence');
      assert.equal(mine.status, 200);
      assert.ok(mine.json.reports.some((r) => r.id === report.id && r.outcome === null));
      const queue = await api('demo.intel').get('/api/v1/intelligence?scope=queue');
      assert.equal(queue.status, 200);
      assert.ok(queue.json.reports.some((r) => r.id === report.id));
      assertJsonError(await api('demo.practitioner').get('/api/v1/intelligence?scope=queue'), 403, 'queue');

      const officer = await api('demo.intel').get(`/api/v1/intelligence/${report.id}`);
      assert.equal(officer.status, 200, officer.text);
      assert.equal(officer.json.view, 'original_with_source');
      assert.equal(officer.json.source.submitter_agency, 'Harbourside Housing');
      assert.equal(officer.json.source.heard_from, 'The hostel night manager');
      for (const who of ['demo.coordinator', 'demo.practitioner', 'demo.analyst']) {
        assertJsonError(await api(who).get(`/api/v1/intelligence/${report.id}`), 404, `${who} while ungraded`);
      }
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'intelligence.view' AND outcome = 'refused' ` +
                       `AND record_id = '${report.id}'`), '3');
    });

    test('bad submissions are 422 naming fields; analysts are refused; a child out of reach is refused', async () => {
      const child = await newChild();
      const shape = await api('worker.hhouse').post('/api/v1/intelligence',
        { what: 3, grade: '1/A/P', immediate_danger: 'yes', subjects: [{ type: 'person', details: { name: 7 } }] });
      assertJsonError(shape, 422, 'shape');
      assert.deepEqual(Object.keys(shape.json.error.fields).sort(),
                       ['grade', 'immediate_danger', 'subjects[0].name', 'what']);
      const values = await api('worker.hhouse').post('/api/v1/intelligence',
        submission(child, { what: ' ', knowledge: 'second_hand', heard_from: '', category: 'gossip' }));
      assertJsonError(values, 422, 'values');
      assert.deepEqual(Object.keys(values.json.error.fields).sort(), ['category', 'heard_from', 'what']);
      const elsewhere = await newChild('demo.practitioner');
      const hidden = await api('worker.hhouse').post('/api/v1/intelligence',
        submission(child, { subjects: [{ type: 'child', record_id: elsewhere.id }] }));
      assertJsonError(hidden, 422, 'child out of reach');
      assert.deepEqual(Object.keys(hidden.json.error.fields), ['subjects[0].record_id']);
      assertJsonError(await api('demo.analyst').post('/api/v1/intelligence', submission(child)), 403, 'analyst');
    });

    test('grading: 3x5x2 only, never naming the source, once; the submitter hears the outcome only', async () => {
      const child = await newChild();
      const report = await submitted(child);
      const path = `/api/v1/intelligence/${report.id}/grade`;
      const outside = await api('demo.intel').post(path, grade({ source: '4', intelligence: 'F', handling: 'X' }));
      assertJsonError(outside, 422, 'outside 3x5x2');
      assert.deepEqual(Object.keys(outside.json.error.fields).sort(), ['handling', 'intelligence', 'source']);
      const naming = await api('demo.intel').post(path, grade({ sanitised_text: 'The hostel night manager saw a car.' }));
      assertJsonError(naming, 422, 'names the source');
      assert.match(naming.json.error.fields.sanitised_text, /names the source/);
      const conditions = await api('demo.intel').post(path, grade({ handling: 'C' }));
      assertJsonError(conditions, 422, 'handling C without conditions');
      assert.deepEqual(Object.keys(conditions.json.error.fields).sort(), ['allowed_agencies', 'handling_instructions']);
      assertJsonError(await api('demo.coordinator').post(path, grade()), 404, 'coordinator cannot see it');

      const graded = await api('demo.intel').post(path, grade());
      assert.equal(graded.status, 200, graded.text);
      assert.equal(graded.json.grade.code, '2/B/P');
      assertJsonError(await api('demo.intel').post(path, grade()), 409, 'graded once');

      const own = await api('worker.hhouse').get(`/api/v1/intelligence/${report.id}`);
      assert.equal(own.json.view, 'own_submission');
      assert.equal(own.json.outcome, 'log_created');
      assert.ok(!('grade' in own.json) && !('sanitised_text' in own.json), JSON.stringify(own.json));
      const messages = await api('worker.hhouse').get('/api/v1/messages');
      const told = messages.json.messages.find((m) => m.subject_type === 'intelligence' && m.subject_id === report.id);
      assert.ok(told, messages.text);
      assert.ok(!JSON.stringify(told).includes('2/B/P') && !JSON.stringify(told).includes('adult male'));

      const coordinator = await api('demo.coordinator').get(`/api/v1/intelligence/${report.id}`);
      assert.equal(coordinator.json.view, 'sanitised');
      assert.equal(coordinator.json.sanitised_text, grade().sanitised_text);
      assert.ok(!('original' in coordinator.json) && !('source' in coordinator.json));
      assertJsonError(await api('demo.practitioner').get(`/api/v1/intelligence/${report.id}`), 404, 'uninvolved practitioner');
    });

    test('handling code C: only the allowed agencies see the sanitised version', async () => {
      const child = await newChild();
      const report = await submitted(child);
      const agencies = Object.fromEntries(sql("SELECT code || '=' || id FROM agencies").split('\n')
        .map((l) => l.trim().split('=')));
      const graded = await api('demo.intel').post(`/api/v1/intelligence/${report.id}/grade`,
        grade({ handling: 'C', handling_instructions: 'Health partners only', allowed_agencies: [agencies.HNHS] }));
      assert.equal(graded.status, 200, graded.text);
      assertJsonError(await api('demo.coordinator').get(`/api/v1/intelligence/${report.id}`), 404,
                      'coordinator of an agency not allowed');
      assert.equal((await api('demo.intel').get(`/api/v1/intelligence/${report.id}`)).json.view, 'original_with_source');
    });

    test('legacy 5x5x5 records: imported whole or not at all, seen only by the holding unit', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'harbour-legacy-'));
      const record = (reference, extra = {}) => JSON.stringify({
        reference, submitted_at: '2019-05-01T10:00:00Z', category: 'sexual_exploitation',
        source: 'B', intelligence: '2', handling: '3',
        text: 'A taxi driver is known to pick up young girls from the hostel.', ...extra });
      const before = sql("SELECT count(*) FROM intelligence_reports WHERE status = 'imported'");
      const bad = join(dir, 'bad.jsonl');
      writeFileSync(bad, `${record('CIB/1')}\n${record('CIB/2', { source: '1', handling: 'P' })}\nnot json\n`);
      const refused = harbour(['intelligence', 'import-legacy', bad, '--as', 'demo.intel', '--db', url]);
      assert.equal(refused.status, 1, refused.stdout + refused.stderr);
      assert.match(refused.stderr, /line 2: source/);
      assert.match(refused.stderr, /line 2: handling/);
      assert.match(refused.stderr, /line 3: Is not a JSON object/);
      assert.equal(sql("SELECT count(*) FROM intelligence_reports WHERE status = 'imported'"), before, 'nothing stored');
      const good = join(dir, 'good.jsonl');
      writeFileSync(good, `${record('CIB/3')}\n\n${record('CIB/4', { handling: '5' })}\n`);
      const notOfficer = harbour(['intelligence', 'import-legacy', good, '--as', 'demo.coordinator', '--db', url]);
      assert.equal(notOfficer.status, 1, notOfficer.stdout);
      const imported = harbour(['intelligence', 'import-legacy', good, '--as', 'demo.intel', '--db', url]);
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stdout, /Imported 2 legacy intelligence records/);
      const id = sql("SELECT r.id FROM intelligence_reports r JOIN intelligence_sources s ON s.report_id = r.id " +
                     "WHERE s.heard_from = 'CIB/3'");
      assert.match(id, ID);
      const officer = await api('demo.intel').get(`/api/v1/intelligence/${id}`);
      assert.equal(officer.status, 200, officer.text);
      assert.equal(officer.json.status, 'imported');
      assert.equal(officer.json.legacy_grade, 'B/2/3 (5x5x5)');
      assert.equal(officer.json.grade, null);
      assertJsonError(await api('demo.coordinator').get(`/api/v1/intelligence/${id}`), 404, 'coordinator: legacy');
      const regrade = await api('demo.intel').post(`/api/v1/intelligence/${id}/grade`, grade());
      assertJsonError(regrade, 409, 'legacy records keep their grade');
      assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'intelligence.import'"), '1');
    });

    test('subjects are matched to records and linked, with the report as the support', async () => {
      const child = await newChild();
      const report = await submitted(child);
      const person = await api('demo.intel').post('/api/v1/records/people', { name: uniqueName('Dee'), status: 'suspected' });
      assert.equal(person.status, 201, person.text);
      const subjects = Object.fromEntries(report.subjects.map((s) => [s.type, s.id]));
      const base = `/api/v1/intelligence/${report.id}`;
      assertJsonError(await api('worker.hhouse').post(`${base}/subjects/${subjects.person}/resolve`,
        { record_id: person.json.id }), 403, 'submitter cannot match');
      const wrongKind = await api('demo.intel').post(`${base}/subjects/${subjects.vehicle}/resolve`, { record_id: person.json.id });
      assertJsonError(wrongKind, 422, 'a person is not a vehicle');
      const used = await api('demo.intel').post(`${base}/subjects/${subjects.person}/resolve`, { record_id: person.json.id });
      assert.equal(used.status, 200, used.text);
      const early = await api('demo.intel').post(`${base}/links`, { from: subjects.child, to: subjects.vehicle, link_type: 'seen_in' });
      assertJsonError(early, 422, 'the vehicle is not matched yet');
      const bad = await api('demo.intel').post(`${base}/links`, { from: subjects.child, to: subjects.person, link_type: 'driver' });
      assertJsonError(bad, 422, 'driver needs a vehicle');
      const linked = await api('demo.intel').post(`${base}/links`,
        { from: subjects.child, to: subjects.person, link_type: 'suspected_exploiter' });
      assert.equal(linked.status, 201, linked.text);
      assert.equal(sql(`SELECT report_id FROM record_link_support WHERE link_id = '${linked.json.link_id}'`), report.id);
      const verify = harbour(['audit', 'verify', '--db', url]);
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

defineIntelligenceTests(sqliteEngine());
defineIntelligenceTests(postgresEngine());
