// `harbour people match FILE.csv` (issue 13, docs/matching.md): a generated batch of synthetic
// people from bench/matching/ matched end to end and scored against its truth; bad rows named by
// line while the rest is matched; a file with the wrong header or not UTF-8 refused whole.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { harbour, repoRoot } from '../support/harbour.mjs';

const HEADER = 'record_id,agency,given_name,family_name,date_of_birth,sex,postcode,phone';

function node(script, args) {
  const out = spawnSync(process.execPath, [join(repoRoot, script), ...args], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}

function withDir(run) {
  const dir = mkdtempSync(join(tmpdir(), 'harbour-match-'));
  try {
    return run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rowsOf(file) {
  return readFileSync(file, 'utf8').trimEnd().split('\r\n');
}

describe('harbour people match', () => {
  test('matches a generated batch of 1,500 people and says which records are one person', () =>
    withDir((dir) => {
      node('bench/matching/generate.mjs', ['--people', '1500', '--seed', '4', '--out', dir]);
      const records = join(dir, 'records.csv');
      const clusters = join(dir, 'clusters.csv');
      const pairs = join(dir, 'pairs.csv');
      const out = harbour(['people', 'match', records, '--out', clusters, '--pairs', pairs]);
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stdout, /records matched into \d+ people/);
      const input = readFileSync(records, 'utf8').trimEnd().split('\n');
      const rows = rowsOf(clusters);
      assert.equal(rows[0], 'record_id,cluster_id');
      assert.equal(rows.length, input.length, 'a row per record, and the header');
      const scores = JSON.parse(node('bench/matching/score.mjs', ['--truth', join(dir, 'truth.csv'),
        '--clusters', clusters, '--json']));
      assert.ok(scores.overall.f1 >= 0.9, `F1 ${scores.overall.f1}`);
      const header = rowsOf(pairs)[0].split(',');
      assert.deepEqual(header.slice(0, 5),
        ['record_id_l', 'record_id_r', 'match_weight', 'match_probability', 'blocking_rule']);
      assert.equal(header.length, 5 + 2 * 6);
    }));

  test('names each bad row by its line and still matches the rest', () =>
    withDir((dir) => {
      const file = join(dir, 'in.csv');
      writeFileSync(file, [HEADER,
        's1,school,Katie,Smith,2011-07-03,female,HB4 7QT,',
        'p1,police,Katherine,SMITH,03/07/2011,F,HB4 7QT,07700 900123',
        'bad,row',
        'h1,health,Kate,Smith,31/02/2011,female,HB4 7QT,07700 900123',
        's1,school,Someone,Else,,,,',
        ''].join('\n'));
      const clusters = join(dir, 'clusters.csv');
      const out = harbour(['people', 'match', file, '--out', clusters]);
      assert.equal(out.status, 0, out.stderr);
      assert.match(out.stderr, /line 4: has 2 values, not 8\. The row is left out\./);
      assert.match(out.stderr, /line 5: date_of_birth "31\/02\/2011" is not a date/);
      assert.match(out.stderr, /line 6: uses the record_id "s1" of an earlier row/);
      assert.match(out.stdout, /3 problems/);
      assert.deepEqual(rowsOf(clusters), ['record_id,cluster_id', 's1,s1', 'p1,s1', 'h1,s1']);
    }));

  test('refuses a file with the wrong header, or not UTF-8, and writes nothing', () =>
    withDir((dir) => {
      const clusters = join(dir, 'clusters.csv');
      for (const [name, text] of [['header.csv', 'id,name\nr1,Amy\n'],
        ['latin1.csv', Buffer.concat([Buffer.from(`${HEADER}\nr1,a,Zo`), Buffer.from([0xeb]), Buffer.from(',,,,,\n')])]]) {
        const file = join(dir, name);
        writeFileSync(file, text);
        const out = harbour(['people', 'match', file, '--out', clusters]);
        assert.equal(out.status, 1, name);
        assert.match(out.stderr, /not matched/);
        assert.equal(existsSync(clusters), false);
      }
    }));
});
