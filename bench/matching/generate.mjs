#!/usr/bin/env node
// Writes a synthetic record-linkage benchmark: records.csv (what the agencies hold) and
// truth.csv (which person each record is of), then prints a summary. Deterministic for a seed.
// Usage: node bench/matching/generate.mjs [--people N] [--seed S] [--out DIR]
//        (defaults: 20000 people, seed 1, DIR build/bench/matching-N-S)
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Failure, parseArgs, runMain } from './lib/args.mjs';
import { createRandom, shuffle } from './lib/random.mjs';
import { generatePopulation, POPULATION_RATES } from './lib/population.mjs';
import { AGENCIES, RECORD_RATES, renderRecords } from './lib/records.mjs';

const RECORDS_HEADER = 'record_id,agency,given_name,family_name,date_of_birth,sex,postcode,phone';
const TRUTH_HEADER = 'record_id,person_id,origin';
const LINES_PER_WRITE = 20000;

function main() {
  const options = parseArgs(process.argv.slice(2), { people: 'int', seed: 'int', out: 'string' });
  const people = options.people ?? 20000;
  const seed = options.seed ?? 1;
  const dir = options.out ?? join('build', 'bench', `matching-${people}-${seed}`);
  if (people < 1) throw new Failure('--people must be at least 1');
  const started = process.hrtime.bigint();
  const rng = createRandom(seed);
  const population = generatePopulation(rng, people);
  const records = renderAll(rng, population.people);
  const order = shuffle(rng, Uint32Array.from({ length: records.lines.length }, (_, i) => i));
  mkdirSync(dir, { recursive: true });
  writeOutputs(dir, records, order, population.people);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(summary({ dir, seed, seconds, population, records }));
}

// Every person's records: { lines, owners } where lines[i] is record i's fields after
// record_id and owners[i] the index of its person.
function renderAll(rng, people) {
  const lines = [];
  const owners = [];
  for (const person of people) {
    for (const line of renderRecords(rng, person)) {
      lines.push(line);
      owners.push(person.id);
    }
  }
  return { lines, owners: Uint32Array.from(owners) };
}

// Writes records.csv and truth.csv with the records in `order` (a permutation, so that a
// record's place says nothing about its person), numbered from R…1 in that order.
function writeOutputs(dir, { lines, owners }, order, people) {
  const recordWidth = Math.max(7, String(lines.length).length);
  const personWidth = Math.max(6, String(people.length).length);
  const recordId = (i) => `R${String(i + 1).padStart(recordWidth, '0')}`;
  const personId = (p) => `P${String(p + 1).padStart(personWidth, '0')}`;
  writeLines(join(dir, 'records.csv'), RECORDS_HEADER, order.length, (i) => `${recordId(i)},${lines[order[i]]}`);
  writeLines(join(dir, 'truth.csv'), TRUTH_HEADER, order.length, (i) => {
    const owner = owners[order[i]];
    return `${recordId(i)},${personId(owner)},${people[owner].origin}`;
  });
}

// Writes a header and `count` lines line(0)..line(count - 1), each ended by LF, to `path`
// (through a temporary file, so that `path` is either complete or absent).
function writeLines(path, header, count, line) {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    writeSync(fd, `${header}\n`);
    for (let start = 0; start < count; start += LINES_PER_WRITE) {
      const chunk = [];
      for (let i = start; i < Math.min(count, start + LINES_PER_WRITE); i++) chunk.push(line(i));
      writeSync(fd, `${chunk.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
}

// The text printed after generating: sizes, pairs, per-origin counts and the rates used.
function summary({ dir, seed, seconds, population, records }) {
  const { people, households, hardNegatives } = population;
  const perPerson = new Uint32Array(people.length);
  for (const owner of records.owners) perPerson[owner]++;
  const byOrigin = new Map();
  const histogram = new Map();
  let pairs = 0;
  people.forEach((person, p) => {
    const k = perPerson[p];
    const row = byOrigin.get(person.origin) ?? { people: 0, records: 0, pairs: 0 };
    row.people++;
    row.records += k;
    row.pairs += (k * (k - 1)) / 2;
    byOrigin.set(person.origin, row);
    pairs += (k * (k - 1)) / 2;
    histogram.set(k, (histogram.get(k) ?? 0) + 1);
  });
  const adults = people.filter((p) => p.adult).length;
  const assigned = people.filter((p) => p.assignedDob).length;
  const n = (x) => x.toLocaleString('en-GB');
  const pct = (x, of) => `${((100 * x) / of).toFixed(1)}%`;
  const out = [
    `bench/matching: seed ${seed}, ${n(people.length)} people in ${n(households)} households -> ${dir} (${seconds.toFixed(1)} s)`,
    `records: ${n(records.lines.length)} (${(records.lines.length / people.length).toFixed(3)} per person); ` +
      `pairs of records of the same person: ${n(pairs)}`,
    `records per person: ${[...histogram].sort((a, b) => a[0] - b[0]).map(([k, c]) => `${k}: ${n(c)}`).join(', ')}`,
    `adults: ${n(adults)}; dates of birth assigned as 1 January: ${n(assigned)}`,
    `hard negatives (pairs of different people): twins ${n(hardNegatives.twinPairs)}, siblings (twins included) ` +
      `${n(hardNegatives.siblingPairs)}, parent and child ${n(hardNegatives.parentChildPairs)}, ` +
      `namesakes ${n(hardNegatives.namesakePairs)}`,
    '',
    `${'origin'.padEnd(14)}${'people'.padStart(9)}${'share'.padStart(8)}${'records'.padStart(10)}${'true pairs'.padStart(12)}`,
  ];
  for (const [origin, row] of [...byOrigin].sort((a, b) => b[1].people - a[1].people)) {
    out.push(`${origin.padEnd(14)}${n(row.people).padStart(9)}${pct(row.people, people.length).padStart(8)}` +
      `${n(row.records).padStart(10)}${n(row.pairs).padStart(12)}`);
  }
  out.push('', 'rates (README.md explains each):', `  population: ${formatRates(POPULATION_RATES)}`,
    `  records: ${formatRates(RECORD_RATES)}`);
  for (const [name, agency] of Object.entries(AGENCIES)) {
    out.push(`  ${name}: reach ${agency.reach} (adults ${agency.adultReach}), iso dates ${agency.iso}, accents kept ${agency.accents}, ` +
      `cases ${formatRates(agency.cases)}, missing ${formatRates(agency.missing)}`);
  }
  return `${out.join('\n')}\n`;
}

function formatRates(rates) {
  return Object.entries(rates).map(([key, value]) =>
    `${key} ${typeof value === 'object' ? `{${formatRates(value)}}` : +value.toFixed(3)}`).join(', ');
}

runMain('generate', main);
