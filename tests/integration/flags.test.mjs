// Warning flags on a child's record (issue 4) through the web pages, on SQLite and PostgreSQL:
// the coordinator adds "at risk of sexual exploitation" and "potential perpetrator" with a
// panel reference; the banner shows on the pages of the child and the flags in search results
// for a practitioner who works with the child; a bad form comes back with its problems and
// what was typed; ending a flag removes the banner but keeps the history; only coordinators
// manage flags.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiClient,
  WebClient,
  createToken,
  csrfOf,
  prepareDatabase,
  startServer,
  syntheticNhsNumber,
  uniqueName,
} from '../support/harbour.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

function defineFlagTests(engine) {
  describe(`Warning flags on ${engine.name}`, { timeout: 300_000 }, () => {
    let url;
    let server;
    let base;
    const sql = (query) => engine.sql(url, query).trim();
    const webAs = async (username) => {
      const web = new WebClient(base);
      await web.signInOk(username);
      return web;
    };

    before(async () => {
      await engine.start();
      url = await engine.newDatabase();
      prepareDatabase(url, { children: 5, seed: 9 });
      server = await startServer(url);
      base = server.base;
    }, { timeout: 120_000 });

    after(async () => {
      await server?.stop();
      await engine.stop();
    }, { timeout: 30_000 });

    test('the coordinator flags a child; the banner and search show it; ending it keeps the history', async () => {
      const api = new ApiClient(base, createToken(url, 'demo.practitioner'));
      const family = uniqueName('Flagfield');
      const made = await api.post('/api/v1/children', {
        given_name: uniqueName('Rae'), family_name: family,
        date_of_birth: `${new Date().getUTCFullYear() - 14}-02-03`, sex: 'female',
        nhs_number: syntheticNhsNumber(),
      });
      assert.equal(made.status, 201, made.text);
      const child = made.json;

      const coordinator = await webAs('demo.coordinator');
      const refused = await coordinator.postWithCsrf(`/children/${child.id}/flags`,
                                                    { kind: 'cse_risk', start: '2999-01-01', panel_reference: 'CSEP 3' });
      assert.equal(refused.status, 422);
      assert.match(refused.text, /The start date must be today or in the past/);
      assert.match(refused.text, /value="CSEP 3"/, 'the panel reference is kept');
      assert.equal(sql(`SELECT count(*) FROM child_flags WHERE child_id = '${child.id}'`), '0');

      for (const kind of ['cse_risk', 'potential_perpetrator']) {
        const added = await coordinator.postWithCsrf(`/children/${child.id}/flags`,
                                                    { kind, start: today(), panel_reference: 'CSEP 14 Nov item 3' });
        assert.equal(added.status, 303, added.text.slice(0, 300));
      }
      const twice = await coordinator.postWithCsrf(`/children/${child.id}/flags`,
                                                  { kind: 'cse_risk', start: today(), panel_reference: 'again' });
      assert.equal(twice.status, 422);
      assert.match(twice.text, /already active/);

      const practitioner = await webAs('demo.practitioner');
      for (const path of [`/children/${child.id}`, `/children/${child.id}/chronology`,
                          `/children/${child.id}/assessments`, `/children/${child.id}/concerns/new`]) {
        const page = await practitioner.get(path);
        assert.equal(page.status, 200, path);
        assert.match(page.text, /id="child-flags"/, `the banner on ${path}`);
        assert.match(page.text, /At risk of sexual exploitation/, path);
        assert.match(page.text, /Potential perpetrator/, path);
      }
      const viaApi = await api.get(`/api/v1/children/${child.id}`);
      assert.equal(viaApi.status, 200);
      assert.deepEqual(viaApi.json.flags.map((f) => f.kind).sort(), ['cse_risk', 'potential_perpetrator']);
      assert.equal(viaApi.json.flags[0].panel_reference, 'CSEP 14 Nov item 3');
      const found = await practitioner.get(`/children?q=${encodeURIComponent(family)}`);
      assert.match(found.text, /harbour-flag--danger">At risk of sexual exploitation/);
      assert.ok(!/Add a warning flag/.test((await practitioner.get(`/children/${child.id}`)).text),
                'practitioners do not manage flags');
      const forbidden = await practitioner.postWithCsrf(`/children/${child.id}/flags`,
                                                       { kind: 'cse_risk', start: today(), panel_reference: 'x' });
      assert.equal(forbidden.status, 403);

      const flagId = sql(`SELECT id FROM child_flags WHERE child_id = '${child.id}' AND kind = 'cse_risk'`);
      const ended = await coordinator.postWithCsrf(`/children/${child.id}/flags/${flagId}/end`, { end: today() });
      assert.equal(ended.status, 303);
      const after = await practitioner.get(`/children/${child.id}`);
      assert.ok(!/At risk of sexual exploitation/.test(after.text), 'an ended flag leaves the banner');
      assert.match(after.text, /Potential perpetrator/);
      assert.deepEqual((await api.get(`/api/v1/children/${child.id}`)).json.flags.map((f) => f.kind),
                       ['potential_perpetrator']);
      assert.equal(sql(`SELECT count(*) FROM child_flags WHERE child_id = '${child.id}'`), '2', 'history kept');
      const history = await coordinator.get(`/children/${child.id}`);
      assert.match(history.text, /id="flag-history"/);
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action IN ('flag.add', 'flag.end') AND record_id = '${child.id}' AND outcome = 'allowed'`), '3');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE action = 'flag.manage' AND record_id = '${child.id}' AND outcome = 'refused'`), '1');
      assert.ok(csrfOf(history.text));
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

defineFlagTests(sqliteEngine());
defineFlagTests(postgresEngine());
