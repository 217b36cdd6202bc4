// Disruption activity and business visits (issue 5; DOMAIN.md §10) through the JSON API and the
// web pages, on SQLite and on PostgreSQL: the real `harbour` binary with the synthetic demo area.
// The people of concern, places and vehicles are inserted with the engine's own SQL (synthetic
// names), so the test does not depend on the records API.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  ApiClient,
  assertJsonError,
  serveDemoArea,
  uniqueName,
  WebClient,
} from '../support/harbour.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const ID = /^[0-9a-f]{32}$/;
const USERS = ['demo.intel', 'demo.coordinator', 'demo.practitioner', 'demo.analyst'];
const DAY = 86_400_000;

const newId = () => randomBytes(16).toString('hex');
// Page text with mstch's HTML escapes undone (it escapes '/' in attribute values too).
const decode = (html) =>
  html.replace(/&#x2F;/g, '/').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>').replace(/&amp;/g, '&');
// YYYY-MM-DD `days` days from today in Europe/London (negative: in the past).
const londonDate = (days = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() + days * DAY));
// 9am Europe/London on a YYYY-MM-DD date, as RFC 3339 UTC.
function nineAmLondon(date) {
  for (const offset of [0, 1]) {
    const at = new Date(`${date}T${String(9 - offset).padStart(2, '0')}:00:00Z`);
    const hour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(at);
    if (hour === '09') return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  throw new Error(`no 9am on ${date}`);
}
const addDays = (date, days) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function defineDisruptionTests(engine) {
  describe(`Disruption and business visits on ${engine.name}`, { timeout: 300_000 }, () => {
    let url;
    let base;
    const tokens = {};
    const api = (username) => new ApiClient(base, tokens[username]);
    const sql = (query) => engine.sql(url, query).trim();
    const webAs = async (username) => {
      const web = new WebClient(base);
      await web.signInOk(username);
      return web;
    };
    const userId = (username) => sql(`SELECT id FROM users WHERE username = '${username}'`);
    const agencyId = (code) => sql(`SELECT id FROM agencies WHERE code = '${code}'`);
    const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

    function addPerson(status = 'suspected') {
      const id = newId();
      const name = uniqueName('Dale Concern');
      const intel = userId('demo.intel');
      sql(`INSERT INTO people_of_concern (id, name, name_key, status, created_by, created_by_agency, created_at, updated_at) ` +
          `VALUES ('${id}', '${name}', '${name.toLowerCase()}', '${status}', '${intel}', '${agencyId('HPOL')}', '${now()}', '${now()}')`);
      return { id, name };
    }
    function addPlace(type) {
      const id = newId();
      const name = uniqueName('Quayside ');
      sql(`INSERT INTO places (id, name, name_key, place_type, created_by, created_by_agency, created_at) ` +
          `VALUES ('${id}', '${name}', '${name.toLowerCase()}', '${type}', '${userId('demo.intel')}', '${agencyId('HPOL')}', '${now()}')`);
      return { id, name };
    }
    function addVehicle() {
      const id = newId();
      const reg = `HB${Math.floor(10 + Math.random() * 89)}XYZ`;
      sql(`INSERT INTO vehicles (id, registration, registration_typed, verified, created_by, created_by_agency, created_at) ` +
          `VALUES ('${id}', '${reg}', '${reg}', 1, '${userId('demo.intel')}', '${agencyId('HPOL')}', '${now()}')`);
      return { id, reg };
    }

    serveDemoArea(engine, {
      children: 6, seed: 7, users: USERS, tokens,
      ready: (live) => ({ url, base } = live),
    });

    test('API: a measure with an expiry gives the recorder a reminder task', async () => {
      const vehicle = addVehicle();
      const expiry = londonDate(60);
      const res = await api('demo.intel').post('/api/v1/disruption', {
        measure: 'vehicle_flagged', subject_type: 'vehicle', subject_id: vehicle.id,
        date: londonDate(-1), by_agency: agencyId('HPOL'), officer: ' PC Example 4021 ',
        outcome: 'Flagged on PNC', expiry,
      });
      assert.equal(res.status, 201, res.text);
      const d = res.json;
      assert.match(d.id, ID);
      assert.equal(res.headers.get('location'), `/api/v1/disruption/${d.id}`);
      for (const key of Object.keys(d)) assert.match(key, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, key);
      assert.equal(d.measure, 'vehicle_flagged');
      assert.equal(d.subject_label, vehicle.reg);
      assert.equal(d.officer, 'PC Example 4021');
      assert.equal(d.expiry, expiry);
      assert.equal(d.person_status, null);
      const due = nineAmLondon(addDays(expiry, -28));
      assert.equal(d.reminder.due_at, due);
      assert.equal(d.reminder.title, `Disruption expires on ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${expiry}T12:00:00Z`))}: review or renew (Vehicle flagged)`);

      const task = sql(`SELECT source_type || '|' || source_id || '|' || assigned_user || '|' || due_at || '|' || COALESCE(child_id, '-') FROM tasks WHERE id = '${d.reminder.task_id}'`);
      assert.equal(task, `disruption|${d.id}|${userId('demo.intel')}|${due}|-`);

      // On "My tasks", with its due date and a link back to the measure.
      const web = await webAs('demo.intel');
      const tasks = await web.get('/tasks');
      assert.equal(tasks.status, 200);
      const card = decode(tasks.text).match(new RegExp(`<div class="govuk-summary-card harbour-task" id="task-${d.reminder.task_id}">[\\s\\S]*?</form>`))?.[0];
      assert.ok(card, 'the reminder is on My tasks');
      assert.match(card, /Disruption expires on/);
      assert.match(card, new RegExp(`href="/disruption/${d.id}">The disruption measure<`));
      assert.doesNotMatch(card, />Child</, 'no child row for a task about no child');

      const read = await api('demo.intel').get(`/api/v1/disruption/${d.id}`);
      assert.equal(read.status, 200, read.text);
      assert.equal(read.json.reminders.length, 1);
      assert.equal(read.json.reminders[0].due_at, due);

      const soon = await api('demo.coordinator').get('/api/v1/disruption/expiring?within_days=90');
      assert.equal(soon.status, 200, soon.text);
      assert.ok(soon.json.disruptions.some((x) => x.id === d.id));
      const notYet = await api('demo.coordinator').get('/api/v1/disruption/expiring?within_days=30');
      assert.ok(!notYet.json.disruptions.some((x) => x.id === d.id));
      assertJsonError(await api('demo.coordinator').get('/api/v1/disruption/expiring?within_days=soon'), 422, 'within_days');

      const listed = await api('demo.intel').get(`/api/v1/disruption?subject_type=vehicle&subject_id=${vehicle.id}`);
      assert.equal(listed.status, 200);
      assert.deepEqual(listed.json.disruptions.map((x) => x.id), [d.id]);
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'disruption.create' AND record_id = '${d.id}' AND outcome = 'allowed'`), '1');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'disruption.view' AND record_id = '${d.id}'`), '1');
    });

    test('API: arrest, charge and conviction move the person status forward only', async () => {
      const person = addPerson();
      const record = (measure, extra = {}) => api('demo.intel').post('/api/v1/disruption', {
        measure, subject_type: 'person', subject_id: person.id, date: londonDate(-2),
        by_agency: agencyId('HPOL'), officer: 'DC Sample', ...extra,
      });
      const arrest = await record('arrest');
      assert.equal(arrest.status, 201, arrest.text);
      assert.equal(arrest.json.person_status, 'arrested');
      assert.equal(arrest.json.reminder, null, 'an arrest never expires');
      assert.equal(sql(`SELECT status FROM people_of_concern WHERE id = '${person.id}'`), 'arrested');
      const conviction = await record('conviction');
      assert.equal(conviction.json.person_status, 'convicted');
      const late = await record('arrest');
      assert.equal(late.status, 201);
      assert.equal(late.json.person_status, null, 'a conviction does not go back');
      assert.equal(sql(`SELECT status FROM people_of_concern WHERE id = '${person.id}'`), 'convicted');
      const listed = await api('demo.coordinator').get(`/api/v1/disruption?subject_type=person&subject_id=${person.id}`);
      assert.equal(listed.json.disruptions.length, 3);
    });

    test('API: every problem is one 422; unknown subjects are 404; practitioners 403', async () => {
      const person = addPerson();
      const bad = await api('demo.intel').post('/api/v1/disruption', {
        measure: 'closure_order', subject_type: 'person', subject_id: person.id, date: londonDate(3),
        by_agency: newId(), officer: '', expiry: 'soon',
      });
      assertJsonError(bad, 422, 'values');
      for (const field of ['subject_type', 'date', 'by_agency', 'officer', 'expiry']) {
        assert.ok(bad.json.error.fields[field], `${field}: ${bad.text}`);
      }
      const types = await api('demo.intel').post('/api/v1/disruption', { measure: 1, grade: 'A', no_expiry: 'yes' });
      assertJsonError(types, 422, 'types');
      assert.equal(types.json.error.fields.measure, 'Must be a string');
      assert.equal(types.json.error.fields.grade, 'Is not a field of this resource');
      assert.equal(types.json.error.fields.no_expiry, 'Must be true or false');

      const arrestExpiry = await api('demo.intel').post('/api/v1/disruption', {
        measure: 'arrest', subject_type: 'person', subject_id: person.id, date: londonDate(-1),
        by_agency: agencyId('HPOL'), officer: 'DC Sample', expiry: londonDate(30),
      });
      assertJsonError(arrestExpiry, 422, 'an arrest with an expiry');
      assert.match(arrestExpiry.json.error.fields.expiry, /does not expire/);

      const shpo = { measure: 'sexual_harm_prevention_order', subject_type: 'person', subject_id: person.id,
        date: londonDate(-1), by_agency: agencyId('HPOL'), officer: 'DC Sample' };
      assertJsonError(await api('demo.intel').post('/api/v1/disruption', shpo), 422, 'SHPO without expiry or no_expiry');
      const indefinite = await api('demo.intel').post('/api/v1/disruption', { ...shpo, no_expiry: true });
      assert.equal(indefinite.status, 201, indefinite.text);
      assert.equal(indefinite.json.expiry, null);
      assert.equal(indefinite.json.reminder, null);

      const missing = await api('demo.intel').post('/api/v1/disruption', { ...shpo, no_expiry: true, subject_id: newId() });
      assertJsonError(missing, 404, 'unknown person');
      assertJsonError(await api('demo.intel').get(`/api/v1/disruption/${newId()}`), 404, 'unknown measure');
      assertJsonError(await api('demo.intel').get(`/api/v1/disruption?subject_type=place&subject_id=${newId()}`), 404, 'unknown place');

      const practitioner = await api('demo.practitioner').post('/api/v1/disruption', { ...shpo, no_expiry: true });
      assertJsonError(practitioner, 403, 'practitioner');
      assertJsonError(await api('demo.practitioner').get('/api/v1/disruption'), 403, 'practitioner list');
      assert.ok(Number(sql("SELECT count(*) FROM audit_log WHERE action = 'disruption.create' AND outcome = 'refused'")) >= 2);
      assertJsonError(await api('demo.analyst').get('/api/v1/business-visits'), 403, 'analyst visits');
    });

    test('API: a CAWN protects a child under 16, or under 18 in care', async () => {
      const person = addPerson();
      // Born `age` years and about a month before yesterday (the notice's date).
      const [y, m, d] = londonDate(-40).split('-');
      const child = async (age, legal = 'none') => {
        const res = await api('demo.coordinator').post('/api/v1/children', {
          given_name: uniqueName('Robin'), family_name: uniqueName('Cawnley'),
          date_of_birth: `${Number(y) - age}-${m}-${d === '29' && m === '02' ? '28' : d}`, sex: 'female',
          legal_status: legal,
        });
        assert.equal(res.status, 201, res.text);
        return res.json.id;
      };
      const cawn = (childId) => api('demo.coordinator').post('/api/v1/disruption', {
        measure: 'child_abduction_warning_notice', subject_type: 'person', subject_id: person.id,
        date: londonDate(-1), by_agency: agencyId('HPOL'), officer: 'PC Example', expiry: londonDate(700),
        child_id: childId,
      });
      const ok = await cawn(await child(14));
      assert.equal(ok.status, 201, ok.text);
      assert.match(ok.json.child_id, ID);
      const older = await cawn(await child(16));
      assertJsonError(older, 422, 'a 16-year-old not in care');
      assert.match(older.json.error.fields.child_id, /The child is 16 and not in care/);
      const inCare = await cawn(await child(16, 'looked_after_s31'));
      assert.equal(inCare.status, 201, inCare.text);
    });

    test('API: business visits and the premises not visited in 12 months', async () => {
      const hotel = addPlace('hotel');
      const cab = addPlace('taxi_firm');
      const park = addPlace('park');
      const before = await api('demo.practitioner').get('/api/v1/business-visits/not-visited?months=12');
      assert.equal(before.status, 200, before.text);
      const inGroup = (body, type, id) =>
        (body.groups.find((g) => g.place_type === type)?.premises ?? []).some((p) => p.place_id === id);
      assert.ok(inGroup(before.json, 'hotel', hotel.id), 'a hotel never visited is listed');
      assert.ok(inGroup(before.json, 'taxi_firm', cab.id));
      assert.ok(!before.json.groups.some((g) => g.premises.some((p) => p.place_id === park.id)), 'a park is not business premises');

      const visit = await api('demo.practitioner').post('/api/v1/business-visits', {
        place_id: hotel.id, date: londonDate(-3), visiting_agencies: [agencyId('HACAD'), agencyId('HPOL'), agencyId('HACAD')],
        awareness_pack_given: true, staff_spoken_to: 'Night manager', concerns_raised: 'Cash bookings by older men with teenage girls',
        follow_up: 'Licensing to revisit',
      });
      assert.equal(visit.status, 201, visit.text);
      assert.equal(visit.json.visiting_agencies.length, 2, 'a repeated agency is kept once');
      assert.equal(visit.json.place_name, hotel.name);
      const after = await api('demo.practitioner').get('/api/v1/business-visits/not-visited');
      assert.ok(!inGroup(after.json, 'hotel', hotel.id), 'visited: no longer listed');
      assert.ok(inGroup(after.json, 'taxi_firm', cab.id));

      // Exactly 12 months ago still counts; a day more does not.
      const since = after.json.since;
      sql(`UPDATE business_visits SET date = '${since}' WHERE id = '${visit.json.id}'`);
      const edge = await api('demo.practitioner').get('/api/v1/business-visits/not-visited');
      assert.ok(!inGroup(edge.json, 'hotel', hotel.id), 'a visit on the edge counts');
      sql(`UPDATE business_visits SET date = '${addDays(since, -1)}' WHERE id = '${visit.json.id}'`);
      const stale = await api('demo.practitioner').get('/api/v1/business-visits/not-visited');
      assert.ok(inGroup(stale.json, 'hotel', hotel.id), 'a day more than 12 months: listed again');

      const forPlace = await api('demo.practitioner').get(`/api/v1/business-visits?place_id=${hotel.id}`);
      assert.equal(forPlace.json.visits.length, 1);
      assertJsonError(await api('demo.practitioner').post('/api/v1/business-visits', {
        place_id: park.id, date: londonDate(-1), visiting_agencies: [agencyId('HACAD')],
      }), 422, 'a park');
      assertJsonError(await api('demo.practitioner').post('/api/v1/business-visits', {
        place_id: newId(), date: londonDate(-1), visiting_agencies: [agencyId('HACAD')],
      }), 404, 'unknown place');
      const empty = await api('demo.practitioner').post('/api/v1/business-visits', { place_id: cab.id, visiting_agencies: 'HACAD', extra: 1 });
      assertJsonError(empty, 422, 'types');
      assert.ok(empty.json.error.fields.visiting_agencies && empty.json.error.fields.extra);
      assert.ok(Number(sql("SELECT count(*) FROM audit_log WHERE action = 'business_visit.not_visited' AND outcome = 'allowed'")) >= 4);
    });

    test('pages: record a measure with the form, errors keep what was typed, views are audited', async () => {
      const place = addPlace('takeaway');
      const intel = await webAs('demo.intel');
      const form = await intel.get(`/disruption/new?subject_type=place&subject_id=${place.id}`);
      assert.equal(form.status, 200, form.text.slice(0, 500));
      assert.match(form.text, /<option value="closure_order">Closure order<\/option>/);
      assert.doesNotMatch(form.text, /value="arrest"/, 'only measures for a place');
      assert.match(form.text, new RegExp(`Place: ${place.name}<`), 'the subject is named');
      assert.equal((await intel.get(`/disruption/new?subject_type=place&subject_id=${newId()}`)).status, 404);

      const fields = {
        subject_type: 'place', subject_id: place.id, measure: 'closure_order',
        date_day: '1', date_month: '13', date_year: '2026', by_agency: agencyId('HPOL'),
        officer: 'Insp. Example', outcome: 'Typed <outcome>',
      };
      const refused = await intel.postWithCsrf('/disruption', fields);
      assert.equal(refused.status, 422);
      assert.match(refused.text, /govuk-error-summary/);
      assert.match(refused.text, /href="#date"/);
      assert.match(refused.text, /href="#expiry"/);
      assert.match(refused.text, /Typed &lt;outcome&gt;/, 'what was typed is kept (escaped)');
      assert.match(refused.text, /value="Insp. Example"/);
      assert.equal(sql(`SELECT count(*) FROM disruptions WHERE subject_id = '${place.id}'`), '0');

      const [y, m, d] = londonDate(-5).split('-');
      const [ey, em, ed] = londonDate(20).split('-');
      const saved = await intel.postWithCsrf('/disruption', {
        ...fields, date_day: d, date_month: m, date_year: y, expiry_day: ed, expiry_month: em, expiry_year: ey,
      });
      assert.equal(saved.status, 303, saved.text.slice(0, 2000));
      const id = saved.location.match(/^\/disruption\/([0-9a-f]{32})\?recorded=1$/)?.[1];
      assert.ok(id, saved.location);
      const page = await intel.get(`/disruption/${id}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Closure order/);
      assert.match(page.text, /Disruption expires on/, 'due straight away: expiry within 28 days');
      const list = await intel.get('/disruption');
      assert.equal(list.status, 200);
      const expiring = decode(list.text).split('id="recent"')[0];
      assert.match(expiring, new RegExp(`href="/disruption/${id}"`), 'expiring soon first');
      assert.match(decode(list.text), /href="\/disruption"/, 'menu entry');

      const practitioner = await webAs('demo.practitioner');
      assert.equal((await practitioner.get('/disruption')).status, 403);
      assert.doesNotMatch(decode((await practitioner.get('/')).text), /href="\/disruption"/);
      assert.equal((await practitioner.postWithCsrf('/disruption', fields)).status, 403);
      assert.ok(Number(sql("SELECT count(*) FROM audit_log WHERE action = 'disruption.list' AND outcome = 'allowed'")) >= 1);
      assert.ok(Number(sql("SELECT count(*) FROM audit_log WHERE action = 'disruption.record' AND outcome = 'refused'")) >= 2);
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'disruption.view' AND record_id = '${id}'`), '1');
    });

    test('pages: a business visit from the not-visited list', async () => {
      const bnb = addPlace('bed_and_breakfast');
      const web = await webAs('demo.practitioner');
      const list = await web.get('/business-visits');
      assert.equal(list.status, 200);
      assert.match(decode(list.text), new RegExp(`href="/business-visits/new\\?place=${bnb.id}">${bnb.name}</a>: Never visited`));
      const form = await web.get(`/business-visits/new?place=${bnb.id}`);
      assert.equal(form.status, 200);
      assert.match(form.text, new RegExp(`Bed and breakfast: ${bnb.name}<`));
      const refused = await web.postWithCsrf('/business-visits', [
        ['place_id', bnb.id], ['date_day', '30'], ['date_month', '2'], ['date_year', '2025'],
        ['follow_up', 'Keep this text'],
      ]);
      assert.equal(refused.status, 422);
      assert.match(refused.text, /Keep this text/);
      assert.match(refused.text, /href="#visiting_agencies"/);
      const [y, m, d] = londonDate(-1).split('-');
      const saved = await web.postWithCsrf('/business-visits', [
        ['place_id', bnb.id], ['date_day', d], ['date_month', m], ['date_year', y],
        ['visiting_agencies', agencyId('HACAD')], ['awareness_pack_given', 'yes'],
      ]);
      assert.equal(saved.status, 303, saved.text.slice(0, 1000));
      const after = await web.get('/business-visits');
      assert.doesNotMatch(decode(after.text), new RegExp(`${bnb.name}</a>: Never visited`));
      assert.ok(Number(sql("SELECT count(*) FROM audit_log WHERE action = 'business_visit.list'")) >= 2);
      const analyst = await webAs('demo.analyst');
      assert.equal((await analyst.get('/business-visits')).status, 403);
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

defineDisruptionTests(sqliteEngine());
defineDisruptionTests(postgresEngine());
