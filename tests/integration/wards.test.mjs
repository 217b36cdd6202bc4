// Electoral wards (issue 5): `harbour wards import` and `harbour wards list` on SQLite and on
// PostgreSQL with the real `harbour` binary. demo-data loads the synthetic Harbourside wards
// (config/reference/harbourside-wards.geojson); an import replaces them all in one transaction
// and is audited; a refused file prints every reason and changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harbour, harbourOk, prepareDatabase, repoRoot } from '../support/harbour.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const DEMO = join(repoRoot, 'config/reference/harbourside-wards.geojson');

function square(code, name, west, south, size = 0.01) {
  return {
    type: 'Feature',
    properties: { code, name },
    geometry: {
      type: 'Polygon',
      coordinates: [[[west, south], [west + size, south], [west + size, south + size],
                     [west, south + size], [west, south]]],
    },
  };
}

function defineWardTests(engine) {
  describe(`harbour wards on ${engine.name}`, { timeout: 180_000 }, () => {
    let url;
    let scratch;
    const sql = (query) => engine.sql(url, query).trim();
    const file = (name, content) => {
      const path = join(scratch, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    };

    before(async () => {
      await engine.start();
      url = await engine.newDatabase();
      prepareDatabase(url, { children: 2, seed: 7 });
      scratch = mkdtempSync(join(tmpdir(), 'harbour-wards-'));
    }, { timeout: 120_000 });

    after(async () => {
      await engine.stop();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    }, { timeout: 30_000 });

    test('demo-data loads the Harbourside wards', () => {
      assert.equal(sql('SELECT count(*) FROM wards'), '8');
      const out = harbourOk(['wards', 'list', '--db', url]);
      assert.match(out, /^E05999901 {2}Quayside {2}imported .* by demo-data from harbourside-wards\.geojson$/m);
      assert.equal(out.trim().split('\n').length, 8, out);
    });

    test('import replaces every ward, prints how many and is audited', () => {
      const two = file('two.geojson', {
        type: 'FeatureCollection',
        features: [square('E05000001', 'Northgate', -1.6, 52.5), square('E05000002', 'Southgate', -1.58, 52.5)],
      });
      const out = harbour(['wards', 'import', two, '--db', url]);
      assert.equal(out.status, 0, out.stdout + out.stderr);
      assert.match(out.stdout, /^Imported 2 wards from .*two\.geojson\.$/m);
      assert.equal(sql('SELECT count(*) FROM wards'), '2');
      assert.equal(sql("SELECT name FROM wards WHERE code = 'E05000002'"), 'Southgate');
      assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'wards.import' AND detail = '2 wards from two.geojson'"), '1');
      const geometry = JSON.parse(sql("SELECT geojson FROM wards WHERE code = 'E05000001'"));
      assert.equal(geometry.type, 'Polygon');

      const back = harbour(['wards', 'import', DEMO, '--db', url]);
      assert.equal(back.status, 0, back.stdout + back.stderr);
      assert.match(back.stdout, /^Imported 8 wards from /m);
      assert.equal(sql('SELECT count(*) FROM wards'), '8');
      assert.equal(sql("SELECT count(*) FROM wards WHERE code = 'E05000001'"), '0');
    });

    test('invalid GeoJSON is refused with every reason and the wards are unchanged', () => {
      const before = sql('SELECT code, imported_at FROM wards ORDER BY code');
      const notJson = harbour(['wards', 'import', file('broken.geojson', '{"type": "FeatureCollection", '), '--db', url]);
      assert.equal(notJson.status, 1, notJson.stdout + notJson.stderr);
      assert.match(notJson.stderr, /not imported, 1 problem; the wards are unchanged/);
      assert.match(notJson.stderr, /The file is not valid JSON\./);

      const demo = JSON.parse(readFileSync(DEMO, 'utf8'));
      demo.features[2].properties.code = 'E0599';
      demo.features[4].geometry = { type: 'Point', coordinates: [-1.8, 52.6] };
      demo.features[6].geometry.coordinates[0][2] = [-6.26, 53.35];  // Dublin
      const bad = harbour(['wards', 'import', file('bad.geojson', demo), '--db', url]);
      assert.equal(bad.status, 1, bad.stdout + bad.stderr);
      assert.equal(bad.stdout, '');
      assert.match(bad.stderr, /3 problems/);
      const lines = bad.stderr.split('\n').filter((l) => l.startsWith('  Feature'));
      assert.equal(lines.length, 3, bad.stderr);
      assert.match(lines[0], /Feature 2 has the code "E0599", which is not an ONS ward code/);
      assert.match(lines[1], /Feature 4 \(E05999905\) has the unsupported geometry type "Point"/);
      assert.match(lines[2], /Feature 6 \(E05999907\) has coordinates outside the United Kingdom/);

      const missing = harbour(['wards', 'import', join(scratch, 'no-such-file.geojson'), '--db', url]);
      assert.equal(missing.status, 1);
      assert.match(missing.stderr, /Cannot read/);

      assert.equal(sql('SELECT code, imported_at FROM wards ORDER BY code'), before);
      assert.equal(sql("SELECT count(*) FROM audit_log WHERE action = 'wards.import'"), '2');
      const verify = harbour(['audit', 'verify', '--db', url]);
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    });
  });
}

defineWardTests(sqliteEngine());
defineWardTests(postgresEngine());
