// Self-checks of the benchmark's generator and scorer (a few seconds):
//   node --test bench/matching/test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvField, parseCsv } from './lib/csv.mjs';
import { createRandom } from './lib/random.mjs';
import { stripAccents, typo } from './lib/records.mjs';
import { scoreClustering } from './lib/scoring.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'bench-matching-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function generate(dir, people, seed) {
  return execFileSync('node', [join(HERE, 'generate.mjs'), '--people', String(people), '--seed', String(seed), '--out', dir],
    { encoding: 'utf8' });
}

function score(truth, clusters) {
  return JSON.parse(execFileSync('node', [join(HERE, 'score.mjs'), '--truth', truth, '--clusters', clusters, '--json'],
    { encoding: 'utf8' }));
}

function rows(path) {
  const all = [];
  parseCsv(readFileSync(path, 'utf8'), (row) => all.push(row));
  return all;
}

// clusters.csv from `records` (rows of [record_id, ...]) with cluster_id = key(row).
function writeClusters(path, records, key) {
  writeFileSync(path, ['record_id,cluster_id', ...records.map((r) => `${r[0]},${csvField(key(r))}`)].join('\n') + '\n');
}

const A = join(work, 'a');
const summary = generate(A, 1500, 7);
const truth = rows(join(A, 'truth.csv'));
const records = rows(join(A, 'records.csv'));

test('CSV fields round-trip through quoting and parsing', () => {
  const fields = ['plain', 'with, comma', 'Katherine "Kate"', 'line\nbreak', ''];
  const parsed = [];
  parseCsv(`${fields.map(csvField).join(',')}\r\nx,y\n`, (row) => parsed.push(row));
  assert.deepEqual(parsed, [fields, ['x', 'y']]);
});

test('accents are dropped as a keyboard without them would', () => {
  const plain = ['Małgorzata', 'Seán', 'Zoë', 'Nguyễn', 'Đặng', 'Yılmaz', 'Ștefan'].map(stripAccents);
  assert.deepEqual(plain, ['Malgorzata', 'Sean', 'Zoe', 'Nguyen', 'Dang', 'Yilmaz', 'Stefan']);
});

test('a typo changes the name by one edit', () => {
  const rng = createRandom(3);
  for (let i = 0; i < 200; i++) {
    const out = typo(rng, 'Katherine');
    assert.notEqual(out, 'Katherine');
    assert.ok(Math.abs(out.length - 'Katherine'.length) <= 1, out);
  }
});

test('the generator is deterministic for a seed and differs between seeds', () => {
  const again = join(work, 'again');
  const other = join(work, 'other');
  generate(again, 1500, 7);
  generate(other, 1500, 8);
  for (const file of ['records.csv', 'truth.csv']) {
    assert.equal(readFileSync(join(again, file), 'utf8'), readFileSync(join(A, file), 'utf8'));
    assert.notEqual(readFileSync(join(other, file), 'utf8'), readFileSync(join(A, file), 'utf8'));
  }
});

test('records.csv and truth.csv have the promised shape', () => {
  assert.deepEqual(records[0], ['record_id', 'agency', 'given_name', 'family_name', 'date_of_birth', 'sex', 'postcode', 'phone']);
  assert.deepEqual(truth[0], ['record_id', 'person_id', 'origin']);
  assert.equal(records.length, truth.length);
  const ids = new Set(records.slice(1).map((r) => r[0]));
  assert.equal(ids.size, records.length - 1);
  for (const [id] of truth.slice(1)) assert.ok(ids.has(id), id);
  const people = new Set(truth.slice(1).map((r) => r[1]));
  assert.equal(people.size, 1500);
  const perPerson = (records.length - 1) / people.size;
  assert.ok(perPerson > 2 && perPerson < 2.5, String(perPerson));
  for (const [, , , , dob, sex, postcode, phone] of records.slice(1)) {
    assert.match(dob, /^(|\d{4}-\d\d-\d\d|\d\d\/\d\d\/\d{4})$/);
    assert.match(sex, /^(|female|male)$/);
    assert.match(postcode, /^(|HB\d\d? ?\d[A-Z]{2}|hb\d\d? ?\d[a-z]{2})$/);
    assert.match(phone, /^(|(07700|\+447700|\+44 7700) ?9\d{5}|07700 9\d\d \d{3})$/);
  }
  assert.match(summary, /pairs of records of the same person: [\d,]+/);
});

test('the truth scored against itself has F1 exactly 1', () => {
  const clusters = join(work, 'truth-clusters.csv');
  writeClusters(clusters, truth.slice(1), (r) => r[1]);
  const result = score(join(A, 'truth.csv'), clusters);
  assert.equal(result.overall.f1, 1);
  assert.equal(result.overall.false_pairs, 0);
  for (const row of Object.values(result.by_origin)) assert.ok(row.f1 === 1 || row.true_pairs === 0);
});

test('singletons have recall 0 and no precision; missing records count as singletons', () => {
  const clusters = join(work, 'singletons.csv');
  writeClusters(clusters, truth.slice(1, 101), (r) => r[0]);
  const result = score(join(A, 'truth.csv'), clusters);
  assert.equal(result.overall.recall, 0);
  assert.equal(result.overall.precision, null);
  assert.equal(result.overall.f1, null);
  assert.equal(result.missing_from_clusters, truth.length - 101);
});

test('merging everyone of one family name has low precision', () => {
  const clusters = join(work, 'family.csv');
  writeClusters(clusters, records.slice(1), (r) => stripAccents(r[3]).toLowerCase());
  const result = score(join(A, 'truth.csv'), clusters);
  assert.ok(result.overall.precision < 0.2, String(result.overall.precision));
  assert.ok(result.overall.recall > 0.5, String(result.overall.recall));
});

test('by origin, a pair across origins counts half to each', () => {
  // Records 0,1 of person 0 (origin 0); record 2 of person 1 (origin 1); all in one cluster.
  const { overall, byOrigin } = scoreClustering({
    personOf: [0, 0, 1], originOf: [0, 0, 1], clusterOf: [0, 0, 0],
    personCount: 2, clusterCount: 1, originNames: ['x', 'y'],
  });
  assert.deepEqual([overall.truePairs, overall.predictedPairs, overall.foundPairs], [1, 3, 1]);
  assert.deepEqual([byOrigin.get('x').predictedPairs, byOrigin.get('x').foundPairs], [2, 1]);
  assert.deepEqual([byOrigin.get('y').predictedPairs, byOrigin.get('y').foundPairs, byOrigin.get('y').recall], [1, 0, null]);
});
