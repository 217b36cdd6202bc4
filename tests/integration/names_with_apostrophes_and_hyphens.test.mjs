// Regression for issue 11 §3, "Names with apostrophes and hyphens", on SQLite and PostgreSQL:
// the child "Zoë Ńowak-O'Brien" is found by "O'Brien", "O’Brien", "OBrien", "Brien", "Nowak"
// and "Ńowak" (each part of a double-barrelled name, with or without its apostrophe and
// accents), through the API and the search page; NHS numbers still find her; a user outside
// her team still only learns that there are matches they cannot see; and a database made
// before migration 0012 gets the keys of the children already in it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiClient,
  WebClient,
  createToken,
  harbourOk,
  prepareDatabase,
  startServer,
  syntheticNhsNumber,
} from '../support/harbour.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const FOUND_BY = ["O'Brien", 'O\u2019Brien', 'OBrien', 'Brien', 'obri', 'Nowak', '\u0143owak',
                  'Nowak-O\'Brien', 'nowak obrien', 'NowakOBrien', 'Zoe O\'Brien', 'Zoë Ńowak-O\'Brien'];
const NOT_FOUND_BY = ['Brian', 'owak', 'Zoe Nowakowski'];

function defineNameSearchTests(engine) {
  describe(`Issue 11 §3: names with apostrophes and hyphens on ${engine.name}`, { timeout: 300_000 }, () => {
    let url;
    let server;
    let practitioner;
    let voluntary;
    let zoe;
    const sql = (query) => engine.sql(url, query).trim();
    const ids = async (client, q) => {
      const res = await client.get(`/api/v1/children?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, `${q}: ${res.text.slice(0, 300)}`);
      return res.json;
    };
    const start = async () => {
      server = await startServer(url);
      practitioner = new ApiClient(server.base, createToken(url, 'demo.practitioner'));
      voluntary = new ApiClient(server.base, createToken(url, 'demo.voluntary'));
    };

    before(async () => {
      await engine.start();
      url = await engine.newDatabase();
      prepareDatabase(url, { children: 5, seed: 11 });
      await start();
      const made = await practitioner.post('/api/v1/children', {
        given_name: 'Zoë', family_name: 'Ńowak-O\'Brien',
        date_of_birth: `${new Date().getUTCFullYear() - 13}-05-06`, sex: 'female',
        nhs_number: syntheticNhsNumber(),
      });
      assert.equal(made.status, 201, made.text);
      zoe = made.json;
    }, { timeout: 120_000 });

    after(async () => {
      await server?.stop();
      await engine.stop();
    }, { timeout: 30_000 });

    test('each part of the name, with or without apostrophe and accents, finds her', async () => {
      for (const q of FOUND_BY) {
        const found = await ids(practitioner, q);
        assert.ok(found.children.some((c) => c.id === zoe.id), `"${q}" finds Zoë Ńowak-O'Brien`);
        const hit = found.children.find((c) => c.id === zoe.id);
        assert.equal(hit.family_name, 'Ńowak-O\'Brien', 'the name comes back as entered');
      }
      for (const q of NOT_FOUND_BY) {
        assert.ok(!(await ids(practitioner, q)).children.some((c) => c.id === zoe.id), `"${q}" does not`);
      }
      assert.ok((await ids(practitioner, zoe.nhs_number)).children.some((c) => c.id === zoe.id), 'NHS number');
      assert.ok((await ids(practitioner, zoe.date_of_birth)).children.some((c) => c.id === zoe.id), 'date of birth');
    });

    test('the search page finds her by "Brien" and shows her name as entered', async () => {
      const web = new WebClient(server.base);
      await web.signInOk('demo.practitioner');
      const page = await web.get(`/children?q=${encodeURIComponent('Brien')}`);
      assert.equal(page.status, 200);
      assert.ok(page.text.includes(`/children/${zoe.id}`), 'a link to her record');
      assert.match(page.text, /Ńowak-O(&#39;|&#x27;|')Brien/);
    });

    test('a user outside her team is told of matches, not shown her', async () => {
      for (const q of ["O'Brien", 'Brien', 'Ńowak']) {
        const found = await ids(voluntary, q);
        assert.ok(!found.children.some((c) => c.id === zoe.id), `"${q}" does not disclose her`);
        assert.ok(found.outside_access >= 1, `"${q}": outside_access ${found.outside_access}`);
      }
    });

    test('migration 0012 computes the keys of children recorded before it', async () => {
      await server.stop();
      server = null;
      // The database as it was before 0012: her record, and no name keys.
      sql('DROP TABLE child_name_keys');
      sql('DROP INDEX children_search_order');
      sql('DELETE FROM schema_migrations WHERE version = 12');
      const out = harbourOk(['migrate', '--db', url]);
      assert.match(out, /Applied migrations: 12\b/);
      assert.equal(sql(`SELECT name_key FROM child_name_keys WHERE child_id = '${zoe.id}' ORDER BY name_key`)
        .split('\n').map((s) => s.trim()).join(' '), 'brien nowak nowakobrien obrien zoe');
      assert.ok(Number(sql('SELECT count(DISTINCT child_id) FROM child_name_keys')) >= 6, 'every child has keys');
      await start();
      for (const q of ["O'Brien", 'Brien', 'Nowak', 'Ńowak']) {
        assert.ok((await ids(practitioner, q)).children.some((c) => c.id === zoe.id), `"${q}" after the migration`);
      }
    });
  });
}

defineNameSearchTests(sqliteEngine());
defineNameSearchTests(postgresEngine());
