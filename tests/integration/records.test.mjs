// Records of people of concern, vehicles, places, phones and online accounts, their links and
// the exact-match lookup (issue 5; docs/intelligence.md "Records, links and lookup") through the
// JSON API and the web pages, on SQLite and on PostgreSQL: the real `harbour` binary with the
// synthetic demo area. Intelligence reports are written with SQL so that this file does not
// depend on the submission API.
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
const newId = () => randomBytes(16).toString('hex');
// A current-format registration no other test (or the demo data) is likely to hold: "HB27 KXT".
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXY';
const pick = () => LETTERS[Math.floor(Math.random() * LETTERS.length)];
const freshRegistration = () => `HB${10 + Math.floor(Math.random() * 90)} ${pick()}${pick()}${pick()}`;
// The text of a page with the HTML escapes of its attributes undone.
const decode = (html) =>
  html.replace(/&#x2F;/g, '/').replace(/&#47;/g, '/').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

function defineRecordsTests(engine) {
  describe(`Records, links and lookup on ${engine.name}`, { timeout: 300_000 }, () => {
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

    // A graded report held by the intelligence officer's agency: handling P, or C with the
    // given agencies (codes) allowed.
    function report(handling, allowed = []) {
      const id = newId();
      const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      sql(`INSERT INTO intelligence_reports (id, submitted_by, submitted_by_agency, submitted_at,
             holding_agency, category, knowledge, immediate_danger, status, grade_source,
             grade_intelligence, grade_handling, handling_instructions, sanitised_text, outcome,
             graded_by, graded_at)
           SELECT '${id}', u.id, u.agency_id, '${at}', u.agency_id, 'sexual_exploitation',
             'first_hand', 0, 'graded', '2', 'B', '${handling}',
             '${handling === 'C' ? 'Not for onward sharing' : ''}', 'Sanitised text', 'log_created',
             u.id, '${at}'
           FROM users u WHERE u.username = 'demo.intel'`);
      sql(`INSERT INTO intelligence_originals (report_id, what) VALUES ('${id}', 'Synthetic')`);
      for (const code of allowed) {
        sql(`INSERT INTO intelligence_allowed_agencies (report_id, agency_id)
             SELECT '${id}', a.id FROM agencies a WHERE a.code = '${code}'`);
      }
      return id;
    }

    async function create(kind, body, username = 'demo.intel') {
      const res = await api(username).post(`/api/v1/records/${kind}`, body);
      assert.equal(res.status, 201, res.text);
      assert.match(res.json.id, ID);
      return res.json;
    }

    serveDemoArea(engine, {
      children: 6, seed: 7, users: USERS, tokens,
      ready: (live) => ({ url, base } = live),
    });

    test('API: an intelligence officer creates records; the lookup offers the existing one', async () => {
      const name = uniqueName('Dean Marsh');
      const person = await create('people', {
        name, aliases: ['Deano'], date_of_birth: '1990-04-21', sex: 'male', status: 'suspected',
      });
      assert.equal(person.label, `${name} (b. 1990)`);
      assert.deepEqual(person.aliases, ['Deano']);
      assert.deepEqual(person.links, []);

      // The same name (any case) and date of birth: offered, nothing created, until confirmed.
      const dup = await api('demo.intel').post('/api/v1/records/people', {
        name: `  ${name.toUpperCase()} `, date_of_birth: '1990-04-21', status: 'arrested',
      });
      assertJsonError(dup, 409, 'a possible duplicate');
      assert.equal(dup.json.error.code, 'possible_duplicates');
      assert.equal(dup.json.candidates[0].id, person.id);
      assert.equal(dup.json.candidates[0].href, `/records/people/${person.id}`);
      const forced = await create('people', {
        name, date_of_birth: '1990-04-21', status: 'arrested', confirm: true,
      });
      assert.notEqual(forced.id, person.id);

      const found = await api('demo.intel').get(
        `/api/v1/lookup?type=person&name=${encodeURIComponent(name.toLowerCase())}&date_of_birth=1990-04-21`);
      assert.equal(found.status, 200, found.text);
      assert.deepEqual(found.json.candidates.map((c) => c.id).sort(), [person.id, forced.id].sort());
      // A date of birth one digit out is still offered, as likely, with the reasons (issue 13).
      const near = await api('demo.intel').get(
        `/api/v1/lookup?type=person&name=${encodeURIComponent(name)}&date_of_birth=1990-04-22`);
      const likely = near.json.candidates.find((c) => c.id === person.id);
      assert.ok(likely, near.text);
      assert.match(likely.matched_on, /^likely \(\d+\.\d%\): .*Date of birth: one digit different/);
      // A known variant of the given name ("Muhammad" for "Mohammed"), the names in either order.
      const family = uniqueName('Khan');
      const mo = await create('people', { name: `Mohammed ${family}`, date_of_birth: '1988-02-09', sex: 'male', status: 'suspected' });
      for (const typed of [`Muhammad ${family}`, `${family} Mohammed`]) {
        const variant = await api('demo.intel').get(
          `/api/v1/lookup?type=person&name=${encodeURIComponent(typed)}&date_of_birth=1988-02-09`);
        const offered = variant.json.candidates.find((c) => c.id === mo.id);
        assert.ok(offered, `${typed}: ${variant.text}`);
        assert.match(offered.matched_on, /^likely/);
      }
      const none = await api('demo.intel').get(
        `/api/v1/lookup?type=person&name=${encodeURIComponent(uniqueName('Zed Quillon'))}&date_of_birth=1961-11-30`);
      assert.deepEqual(none.json.candidates, []);

      const mark = freshRegistration();
      const car = await create('vehicles', { registration: mark.toLowerCase().replace(' ', '-'), make: 'Ford', model: 'Focus', colour: 'silver' });
      assert.equal(car.registration, mark.replace(' ', ''));
      assert.equal(car.display, mark);
      assert.equal(car.verified, true);
      assert.equal(car.label, `${mark} silver Ford Focus`);
      const byReg = await api('demo.intel').get(`/api/v1/lookup?type=vehicle&registration=${encodeURIComponent(mark.replace(' ', ''))}`);
      assert.ok(byReg.json.candidates.some((c) => c.id === car.id), byReg.text);

      const place = await create('places', {
        name: uniqueName('Seaview Hotel'), type: 'hotel', postcode: 'hb1 2ab', easting: 408461, northing: 302517,
      });
      assert.equal(place.type, 'place');
      assert.equal(place.place_type, 'hotel');
      assert.equal(place.business_premises, true);
      assert.ok(Math.abs(place.latitude - 52.62) < 0.01, `latitude ${place.latitude}`);
      assert.ok(Math.abs(place.longitude + 1.875) < 0.01, `longitude ${place.longitude}`);
      assert.equal(place.ward_code, 'E05999901', 'the demo area ward containing the point');
      assert.equal(place.ward_name, 'Quayside');
      const byPostcode = await api('demo.intel').get(
        `/api/v1/lookup?type=place&postcode=HB12AB&name=${encodeURIComponent(place.name.toLowerCase())}`);
      assert.deepEqual(byPostcode.json.candidates.map((c) => c.id), [place.id]);

      const account = await create('accounts', { platform: 'snapchat', handle: '@DM_90' });
      assert.equal(account.handle_key, 'dm_90');
      const byHandle = await api('demo.intel').get('/api/v1/lookup?type=account&platform=snapchat&handle=dm_90');
      assert.ok(byHandle.json.candidates.some((c) => c.id === account.id));
    });

    test('API: unverified identifiers are kept as typed and match only the same text', async () => {
      const reg = `WI ${Math.floor(Math.random() * 90000) + 10000} X`;
      const car = await create('vehicles', { registration: reg });
      assert.equal(car.verified, false);
      assert.match(car.warning, /unverified/);
      assert.equal(car.registration, reg.replace(/ /g, ''));
      const same = await api('demo.intel').get(`/api/v1/lookup?type=vehicle&registration=${encodeURIComponent(reg.toLowerCase())}`);
      assert.deepEqual(same.json.candidates.map((c) => c.id), [car.id]);

      const phone = await create('phones', { number: '+999 1234-5678' });
      assert.equal(phone.verified, false);
      assert.equal(phone.number, '+99912345678');
      assert.equal(phone.number_typed, '+999 1234-5678');
      const mobile = await create('phones', { number: '07700 900' + String(Math.floor(Math.random() * 900) + 100), confirm: true });
      assert.equal(mobile.verified, true);
      assert.equal(mobile.kind, 'mobile');

      const place = await create('places', { name: uniqueName('Flat'), type: 'private_address', postcode: 'D02 X285' });
      assert.equal(place.postcode_verified, false);
      assert.equal(place.verified, false);
      assert.equal(place.postcode, 'D02 X285');
      assert.equal(place.warnings.length, 1);
    });

    test('API: bad input is 422 naming the fields; outside the UK is refused', async () => {
      const intel = api('demo.intel');
      const person = await intel.post('/api/v1/records/people', {
        name: '', date_of_birth: '2999-01-01', status: 'wanted', sex: 'other', extra: 1,
      });
      assertJsonError(person, 422, 'a bad person');
      for (const f of ['name', 'date_of_birth', 'status', 'sex', 'extra']) {
        // "extra" is refused by the body parser before the domain looks at the rest.
        if (f === 'extra') assert.ok(person.json.error.fields.extra, person.text);
      }
      const domain = await intel.post('/api/v1/records/people', { name: '', date_of_birth: '2999-01-01', status: 'wanted' });
      assertJsonError(domain, 422, 'a bad person');
      for (const f of ['name', 'date_of_birth', 'status']) assert.ok(domain.json.error.fields[f], `${f}: ${domain.text}`);
      const range = await intel.post('/api/v1/records/people', { name: 'X', age_from: 30, age_to: 20, status: 'suspected' });
      assert.ok(range.json.error.fields.age_to, range.text);
      const both = await intel.post('/api/v1/records/places', { name: 'X', type: 'park', latitude: 52.6, easting: 400000 });
      assertJsonError(both, 422, 'both kinds of coordinates');
      const paris = await intel.post('/api/v1/records/places', { name: 'Cafe', type: 'takeaway', latitude: 48.8566, longitude: 2.3522 });
      assertJsonError(paris, 422, 'a point outside the UK');
      assert.ok(paris.json.error.fields.coordinates, paris.text);
      const strings = await intel.post('/api/v1/records/places', { name: 'Park', type: 'park', latitude: '52.6', longitude: '-1.8' });
      assert.ok(strings.json.error.fields.latitude, strings.text);
      assertJsonError(await intel.post('/api/v1/records/vehicles', { registration: '  ' }), 422, 'no registration');
      assertJsonError(await intel.post('/api/v1/records/phones', {}), 422, 'no number');
      assertJsonError(await intel.post('/api/v1/records/accounts', { platform: 'myspace', handle: 'x' }), 422, 'a bad platform');
      assertJsonError(await intel.request('POST', '/api/v1/records/people', { body: '{', headers: { 'content-type': 'application/json' } }), 400, 'bad JSON');
      assertJsonError(await intel.post('/api/v1/records/children', { name: 'x' }), 404, 'children have their own API');
      assertJsonError(await intel.get('/api/v1/lookup?type=child'), 422, 'a bad lookup type');
      assertJsonError(await intel.get('/api/v1/records/people/' + newId()), 404, 'an unknown person');
    });

    test('API: links need a report; a coordinator sees a link only through a report they may see', async () => {
      const intel = api('demo.intel');
      const person = await create('people', { name: uniqueName('Kyle Rowe'), status: 'charged', age_from: 25, age_to: 30 });
      const shared = await create('places', { name: uniqueName('Kebab House'), type: 'takeaway', postcode: 'HB2 3CD' });
      const secret = await create('vehicles', { registration: `Y${Math.floor(Math.random() * 900) + 100} ABC`, confirm: true });
      const hidden = await create('phones', { number: '020 7946 0' + String(Math.floor(Math.random() * 900) + 100), confirm: true });
      const p = report('P');
      const c = report('C', ['HACAD']);  // not the coordinator's agency (HCSC)

      const noReport = await intel.post('/api/v1/links', {
        link_type: 'works_at', from_type: 'person', from_id: person.id, to_type: 'place', to_id: shared.id,
      });
      assertJsonError(noReport, 422, 'a link without a report');
      assert.ok(noReport.json.error.fields.report_id, noReport.text);
      const badPair = await intel.post('/api/v1/links', {
        link_type: 'driver', from_type: 'place', from_id: shared.id, to_type: 'person', to_id: person.id, report_id: p,
      });
      assert.ok(badPair.json.error.fields.link_type, badPair.text);
      const unknownReport = await intel.post('/api/v1/links', {
        link_type: 'works_at', from_type: 'person', from_id: person.id, to_type: 'place', to_id: shared.id, report_id: newId(),
      });
      assert.ok(unknownReport.json.error.fields.report_id, unknownReport.text);

      // Either order; the same link twice is one link with its supports.
      const l1 = await intel.post('/api/v1/links', {
        link_type: 'works_at', from_type: 'place', from_id: shared.id, to_type: 'person', to_id: person.id, report_id: p,
      });
      assert.equal(l1.status, 201, l1.text);
      const again = await intel.post('/api/v1/links', {
        link_type: 'works_at', from_type: 'person', from_id: person.id, to_type: 'place', to_id: shared.id, report_id: c,
      });
      assert.equal(again.json.id, l1.json.id);
      const l2 = await intel.post('/api/v1/links', {
        link_type: 'driver', from_type: 'person', from_id: person.id, to_type: 'vehicle', to_id: secret.id, report_id: c,
      });
      assert.equal(l2.status, 201, l2.text);
      const l3 = await intel.post('/api/v1/links', {
        link_type: 'uses', from_type: 'phone', from_id: hidden.id, to_type: 'person', to_id: person.id, report_id: c,
      });
      assert.equal(l3.status, 201, l3.text);

      // A child the officer may not see is answered as though it did not exist.
      const child = await api('demo.practitioner').post('/api/v1/children', {
        given_name: uniqueName('Robin'), family_name: uniqueName('Linkfield'),
        date_of_birth: `${new Date().getUTCFullYear() - 14}-03-11`, sex: 'male',
      });
      assert.equal(child.status, 201, child.text);
      const unseen = await intel.post('/api/v1/links', {
        link_type: 'suspected_exploiter', from_type: 'child', from_id: child.json.id, to_type: 'person', to_id: person.id, report_id: p,
      });
      assertJsonError(unseen, 422, 'a child the officer may not see');
      assert.match(unseen.json.error.fields.from_id, /There is no Child record/);

      const asIntel = await intel.get(`/api/v1/records/people/${person.id}`);
      assert.equal(asIntel.json.links.length, 3, asIntel.text);
      const works = asIntel.json.links.find((l) => l.link_type === 'works_at');
      assert.equal(works.supports.length, 2);
      assert.ok(works.supports.some((s) => s.grade === '2B P' || /2.*B.*P/.test(s.grade)), JSON.stringify(works));

      const coord = api('demo.coordinator');
      const asCoord = await coord.get(`/api/v1/records/people/${person.id}`);
      assert.equal(asCoord.status, 200, asCoord.text);
      assert.deepEqual(asCoord.json.links.map((l) => l.link_type), ['works_at'], 'only through the P report');
      assert.deepEqual(asCoord.json.links[0].supports.map((s) => s.report_id), [p]);
      assertJsonError(await coord.get(`/api/v1/records/vehicles/${secret.id}`), 404, 'a vehicle linked only through C for another agency');
      assertJsonError(await coord.get(`/api/v1/records/phones/${hidden.id}`), 404, 'a phone linked only through C');
      assert.equal((await coord.get(`/api/v1/records/places/${shared.id}`)).status, 200);
      const lookup = await coord.get(`/api/v1/lookup?type=vehicle&registration=${encodeURIComponent(secret.registration)}`);
      assert.deepEqual(lookup.json.candidates, [], 'the lookup shows a coordinator only what they could open');
      assertJsonError(await coord.post('/api/v1/records/people', { name: 'X', status: 'suspected' }), 403, 'a coordinator creating');
      assertJsonError(await coord.post('/api/v1/links', {}), 403, 'a coordinator linking');

      for (const who of ['demo.practitioner', 'demo.analyst']) {
        assertJsonError(await api(who).get(`/api/v1/records/people/${person.id}`), 403, `${who} viewing`);
        assertJsonError(await api(who).get('/api/v1/lookup?type=person&name=x'), 403, `${who} looking up`);
        assertJsonError(await api(who).post('/api/v1/records/people', { name: 'X', status: 'suspected' }), 403, `${who} creating`);
      }
      const audit = sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'records.view' AND record_id = '${secret.id}' AND outcome = 'refused'`);
      assert.ok(Number(audit) >= 1, `refusal audited: ${audit}`);
    });

    test('pages: lookup before create, the record page, the link form and the way back to a report', async () => {
      const web = await webAs('demo.intel');
      const form = await web.get('/records/people/new?report=abc&return=/intelligence/reports/abc');
      assert.equal(form.status, 200, form.text.slice(0, 500));
      assert.match(decode(form.text), /name="return" value="\/intelligence\/reports\/abc"/);

      const name = uniqueName('Page Person');
      const first = await web.postWithCsrf('/records/people/new', { name, date_of_birth: '1988-02-03', status: 'suspected' });
      assert.equal(first.status, 303, first.text.slice(0, 1000));
      const id = first.location.match(/\/records\/people\/([0-9a-f]{32})\?created=1$/)[1];

      const dup = await web.postWithCsrf('/records/people/new', {
        name, date_of_birth: '1988-02-03', status: 'convicted', description: 'Kept as typed',
      });
      assert.equal(dup.status, 409);
      assert.match(decode(dup.text), new RegExp(`href="/records/people/${id}"`));
      assert.match(decode(dup.text), /Kept as typed/);
      assert.match(decode(dup.text), /create a new record anyway/);

      const back = await web.postWithCsrf('/records/people/new', {
        name, date_of_birth: '1988-02-03', status: 'convicted', confirm: 'yes', return: '/intelligence/reports/r1',
      });
      assert.equal(back.status, 303);
      assert.match(back.location, /^\/intelligence\/reports\/r1\?created=person:[0-9a-f]{32}$/);
      const elsewhere = await web.postWithCsrf('/records/people/new', {
        name, date_of_birth: '1988-02-03', status: 'convicted', confirm: 'yes', return: 'https://evil.example/',
      });
      assert.match(elsewhere.location, /^\/records\/people\//, 'never redirected off the service');

      const bad = await web.postWithCsrf('/records/places/new', { name: '', type: 'hotel', postcode: 'HB1 2AB', latitude: '48.85', longitude: '2.35' });
      assert.equal(bad.status, 422);
      assert.match(bad.text, /govuk-error-summary/);
      assert.match(decode(bad.text), /value="HB1 2AB"/);

      const reg = await web.postWithCsrf('/records/vehicles/new', { registration: `ZZ-${Math.floor(Math.random() * 9000) + 1000}-Q`, confirm: 'yes' });
      assert.equal(reg.status, 303, reg.text.slice(0, 500));
      const car = await web.get(reg.location);
      assert.equal(car.status, 200);
      assert.match(decode(car.text), /Unverified/);

      const page = await web.get(`/records/people/${id}`);
      assert.equal(page.status, 200);
      assert.match(decode(page.text), /Link this record/);
      const carId = reg.location.match(/vehicles\/([0-9a-f]{32})/)[1];
      const noReport = await web.postWithCsrf('/records/links', {
        from_type: 'person', from_id: id, link_type: 'driver', to_type: 'vehicle', to_id: carId, report_id: '',
      });
      assert.equal(noReport.status, 422);
      assert.match(decode(noReport.text), /Enter the intelligence report that supports this link/);
      const p = report('P');
      const linked = await web.postWithCsrf('/records/links', {
        from_type: 'person', from_id: id, link_type: 'driver', to_type: 'vehicle', to_id: carId, report_id: p,
      });
      assert.equal(linked.status, 303, linked.text.slice(0, 500));
      const withLink = await web.get(`/records/people/${id}`);
      assert.match(decode(withLink.text), new RegExp(`href="/records/vehicles/${carId}"`));
      assert.match(decode(withLink.text), new RegExp(`href="/intelligence/reports/${p}"`));

      const coord = await webAs('demo.coordinator');
      assert.equal((await coord.get(`/records/people/${id}`)).status, 200);
      assert.equal((await coord.get('/records/people/new')).status, 403);
      const practitioner = await webAs('demo.practitioner');
      assert.equal((await practitioner.get(`/records/people/${id}`)).status, 403);
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

defineRecordsTests(sqliteEngine());
defineRecordsTests(postgresEngine());
