// One child, one record (issue 13; docs/matching.md, "In the product"), on SQLite and
// PostgreSQL: the check before a child is added (through the API a near-certain duplicate is
// created but queued for the coordinator at once; the form stops for every likely match until the
// user confirms a different child, which is audited); `harbour people match --db` re-scores; the coordinator reviews it with its waterfall, merges, and undoes
// the merge; after the undo the records, the concerns and the access are as before, the audit
// trail shows both steps, and a pair decided "not the same child" is never queued again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiClient,
  WebClient,
  csrfOf,
  harbour,
  serveDemoArea,
  uniqueName,
} from '../support/harbour.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

function defineMatchingTests(engine) {
  describe(`Matching children on ${engine.name}`, { timeout: 300_000 }, () => {
    let url;
    let base;
    const tokens = {};
    const sql = (query) => engine.sql(url, query).trim();
    serveDemoArea(engine, {
      children: 5,
      seed: 13,
      users: ['demo.practitioner', 'demo.voluntary'],
      tokens,
      ready: (r) => {
        url = r.url;
        base = r.base;
      },
    });

    // The state an unmerge must restore: each child's concerns, team and merged flag.
    const stateOf = (ids) =>
      sql(`SELECT 'c', id, child_id FROM concerns WHERE child_id IN ('${ids.join("','")}') ` +
          `UNION ALL SELECT 'a', agency_id, child_id FROM child_agencies WHERE child_id IN ('${ids.join("','")}') ` +
          `UNION ALL SELECT 'm', id, COALESCE(merged_into, '') FROM children WHERE id IN ('${ids.join("','")}') ` +
          'ORDER BY 1, 2, 3');

    test('a duplicate is caught before it is added, queued, merged with its waterfall and unmerged', async () => {
      const police = new ApiClient(base, tokens['demo.practitioner']);
      const voluntary = new ApiClient(base, tokens['demo.voluntary']);
      const family = uniqueName('Brightwater');
      const child = { family_name: family, date_of_birth: '2012-07-03', sex: 'female', postcode: 'HB4 7QT' };
      const first = await police.post('/api/v1/children', { ...child, given_name: 'Katherine' });
      assert.equal(first.status, 201, first.text);

      // The voluntary project cannot see the police's record: its child is created, and the
      // near-certain pair goes straight to the coordinator's queue.
      const second = await voluntary.post('/api/v1/children', { ...child, given_name: 'Kate' });
      assert.equal(second.status, 201, second.text);
      assert.equal(sql(`SELECT COUNT(*) FROM children WHERE family_name = '${family}'`), '2');
      assert.match(sql(`SELECT detail FROM audit_log WHERE action = 'child.create' AND record_id = '${second.json.id}'`),
        /^1 near-certain matches queued for review$/);
      assert.equal(sql(`SELECT COUNT(*) FROM match_reviews WHERE status = 'pending' AND '${second.json.id}' IN (first_id, second_id) AND '${first.json.id}' IN (first_id, second_id)`), '1');
      const concern = await voluntary.post(`/api/v1/children/${second.json.id}/concerns`, {
        observed_at: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        category: 'other', narrative: 'Seen getting into a car with older men.', first_hand: true,
      });
      assert.equal(concern.status, 201, concern.text);
      const ids = [first.json.id, second.json.id];
      const before = stateOf(ids);

      // The nightly run queues the pair and saves its model.
      const run = harbour(['people', 'match', '--db', url]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /children matched in .* pairs compared, [1-9]\d* at least 50% likely/);
      assert.equal(sql("SELECT COUNT(*) FROM match_runs"), '1');
      const reviewId = sql(`SELECT id FROM match_reviews WHERE first_id IN ('${ids.join("','")}') AND second_id IN ('${ids.join("','")}')`);
      assert.match(reviewId, /^[0-9a-f]{32}$/);
      const firstId = sql(`SELECT first_id FROM match_reviews WHERE id = '${reviewId}'`);
      const [survivor, absorbed] = firstId === first.json.id ? ids : [...ids].reverse();

      // Only the coordinator reviews duplicates.
      const practitioner = new WebClient(base);
      await practitioner.signInOk('demo.practitioner');
      assert.equal((await practitioner.get('/matching')).status, 403);

      const coordinator = new WebClient(base);
      await coordinator.signInOk('demo.coordinator');
      const queue = await coordinator.get('/matching');
      assert.equal(queue.status, 200);
      assert.match(queue.text, new RegExp(`/matching/reviews/${reviewId}`));
      assert.match(queue.text, /The last run finished on/);
      const page = await coordinator.get(`/matching/reviews/${reviewId}`);
      assert.equal(page.status, 200);
      assert.match(page.text, /Why the matcher thinks so/);
      assert.match(page.text, /Date of birth<\/th>\s*<td class="govuk-table__cell">exact/);
      assert.match(page.text, /Given name<\/th>\s*<td class="govuk-table__cell">known variant/);

      // A decision without a reason comes back with the choice kept.
      const token = csrfOf(page.text);
      const bare = await coordinator.post(`/matching/reviews/${reviewId}`, { _csrf: token, decision: 'merge_first', reason: '' });
      assert.equal(bare.status, 422);
      assert.match(bare.text, /Give the reason for your decision/);
      assert.match(bare.text, /value="merge_first" checked/);

      const merged = await coordinator.post(`/matching/reviews/${reviewId}`, {
        _csrf: token, decision: 'merge_first', reason: 'Same school and GP; confirmed with the school.',
      });
      assert.equal(merged.status, 303, merged.text);
      assert.equal(merged.location, `/children/${survivor}?merged=1`);
      assert.equal(sql(`SELECT merged_into FROM children WHERE id = '${absorbed}'`), survivor);
      assert.equal(sql(`SELECT COUNT(*) FROM concerns WHERE child_id = '${survivor}'`), '1');
      // The absorbed record's page is the survivor's; the voluntary project now sees the child.
      const old = await coordinator.get(`/children/${absorbed}`);
      assert.equal(old.status, 303);
      assert.equal(old.location, `/children/${survivor}?merged_from=${absorbed}`);
      assert.equal((await voluntary.get(`/api/v1/children/${survivor}`)).status, 200);
      const found = await voluntary.get(`/api/v1/children?q=${encodeURIComponent('Kate ' + family)}`);
      assert.deepEqual(found.json.children.map((c) => c.id), [survivor]);
      // Nothing more is recorded on the merged record.
      const absorbedOwner = absorbed === first.json.id ? police : voluntary;
      const late = await absorbedOwner.post(`/api/v1/children/${absorbed}/concerns`, {
        observed_at: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
        category: 'other', narrative: 'A later worry.', first_hand: true,
      });
      assert.equal(late.status, 409, late.text);
      assert.equal(late.json.error.code, 'child_merged');

      // Undo, from the survivor's page.
      const survivorPage = await coordinator.get(`/children/${survivor}?merged=1`);
      const mergeId = survivorPage.text.match(/\/matching\/merges\/([0-9a-f]{32})/)[1];
      const confirm = await coordinator.get(`/matching/merges/${mergeId}`);
      assert.equal(confirm.status, 200);
      const undone = await coordinator.post(`/matching/merges/${mergeId}/undo`, {
        _csrf: csrfOf(confirm.text), reason: 'The school had two girls of that name.', not_same: 'yes',
      });
      assert.equal(undone.status, 303, undone.text);
      assert.equal(undone.location, `/children/${absorbed}?unmerged=1`);
      assert.equal(stateOf(ids), before);
      assert.equal((await voluntary.get(`/api/v1/children/${first.json.id}`)).status, 404);
      assert.equal((await voluntary.get(`/api/v1/children/${second.json.id}`)).status, 200);

      // Both steps, on both children, in the audit trail.
      for (const id of ids) {
        assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'child.merge' AND record_id = '${id}'`), '1');
        assert.equal(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'child.unmerge' AND record_id = '${id}'`), '1');
      }
      assert.equal(sql(`SELECT status FROM match_reviews WHERE id = '${reviewId}'`), 'not_same');

      // "Not the same child" holds for every later run.
      const again = harbour(['people', 'match', '--db', url]);
      assert.equal(again.status, 0, again.stderr);
      assert.equal(sql(`SELECT status FROM match_reviews WHERE id = '${reviewId}'`), 'not_same');
      assert.doesNotMatch((await coordinator.get('/matching')).text, new RegExp(reviewId));
    });

    test('the "Add a child" form shows the likely matches and keeps what was typed', async () => {
      const police = new ApiClient(base, tokens['demo.practitioner']);
      const family = uniqueName('Okonkwo');
      const made = await police.post('/api/v1/children', {
        given_name: 'Mohammed', family_name: family, date_of_birth: '2011-02-09', sex: 'male',
      });
      assert.equal(made.status, 201, made.text);
      const web = new WebClient(base);
      await web.signInOk('demo.practitioner');
      const form = {
        given_name: 'Muhammad', family_name: family, dob_day: '9', dob_month: '2', dob_year: '2011',
        sex: 'male', ethnicity: 'not_known', disability: 'not_known', special_needs: 'not_known',
        legal_status: 'none', then: 'record',
      };
      const checked = await web.postWithCsrf('/children', form);
      assert.equal(checked.status, 200, checked.text.slice(0, 400));
      assert.match(checked.text, /This child may already have a record/);
      // "Use this record" (the template escapes each "/" as &#x2F;).
      assert.ok(checked.text.includes(`&#x2F;children&#x2F;${made.json.id}"`), 'the existing record is offered');
      assert.match(checked.text, /Given name: known variant/);
      assert.match(checked.text, /value="Muhammad"/);
      assert.equal(sql(`SELECT COUNT(*) FROM children WHERE family_name = '${family}'`), '1');
      const confirmed = await web.postWithCsrf('/children', { ...form, confirmed_different: 'yes' });
      assert.equal(confirmed.status, 303, confirmed.text.slice(0, 400));
      assert.equal(sql(`SELECT COUNT(*) FROM children WHERE family_name = '${family}'`), '2');
      const added = confirmed.location.match(/\/children\/([0-9a-f]{32})/)[1];
      assert.equal(sql(`SELECT detail FROM audit_log WHERE action = 'child.create' AND record_id = '${added}'`),
        `confirmed a different child from 1 likely matches shown and 0 outside access (near certain) ${made.json.id}`);
      // The user compared the two, so nothing is queued.
      assert.equal(sql(`SELECT COUNT(*) FROM match_reviews WHERE '${added}' IN (first_id, second_id)`), '0');
    });
  });
}

defineMatchingTests(sqliteEngine());
defineMatchingTests(postgresEngine());
