#!/usr/bin/env node
// Scores a clustering of the benchmark's records against truth.csv: pairwise precision, recall
// and F1, overall and by origin (lib/scoring.mjs defines them). Records of truth.csv missing
// from clusters.csv count as singletons; records of clusters.csv not in truth.csv are ignored;
// both are counted in the report.
// Usage: node bench/matching/score.mjs --truth DIR/truth.csv --clusters clusters.csv [--json]
import { columns, readCsv } from './lib/csv.mjs';
import { Failure, parseArgs, runMain } from './lib/args.mjs';
import { scoreClustering } from './lib/scoring.mjs';

function main() {
  const options = parseArgs(process.argv.slice(2), { truth: 'string', clusters: 'string', json: 'flag' });
  if (!options.truth || !options.clusters) {
    throw new Failure('usage: score.mjs --truth DIR/truth.csv --clusters clusters.csv [--json]');
  }
  const truth = loadTruth(options.truth);
  const clustering = loadClusters(options.clusters, truth);
  const scores = scoreClustering({
    personOf: truth.personOf,
    originOf: truth.originOf,
    clusterOf: clustering.clusterOf,
    personCount: truth.personCount,
    clusterCount: clustering.clusterCount,
    originNames: truth.originNames,
  });
  const report = { truth, clustering, scores };
  process.stdout.write(options.json ? `${JSON.stringify(toJson(report), null, 2)}\n` : toTable(report));
}

// truth.csv as { index: Map(record_id -> i), personOf, originOf, personCount, originNames }.
function loadTruth(path) {
  const index = new Map();
  const persons = new Map();
  const origins = new Map();
  const personOf = [];
  const originOf = [];
  let col = null;
  readCsv(path, (row) => {
    if (col === null) {
      col = columns(row, ['record_id', 'person_id', 'origin'], path);
      return;
    }
    const id = row[col.record_id];
    if (index.has(id)) throw new Failure(`${path}: record ${id} appears twice`);
    index.set(id, index.size);
    personOf.push(intern(persons, row[col.person_id]));
    originOf.push(intern(origins, row[col.origin]));
  });
  if (col === null) throw new Failure(`${path}: empty (no header)`);
  return {
    index,
    personOf: Int32Array.from(personOf),
    originOf: Int32Array.from(originOf),
    personCount: persons.size,
    originNames: [...origins.keys()],
  };
}

// clusters.csv as { clusterOf (per truth record), clusterCount,
// missing (truth records without a row or with an empty cluster_id: each its own cluster),
// unknown (rows for records not in the truth) }. Throws on a record listed twice.
function loadClusters(path, truth) {
  const clusterOf = new Int32Array(truth.personOf.length).fill(-1);
  const clusters = new Map();
  let unknown = 0;
  let col = null;
  readCsv(path, (row) => {
    if (col === null) {
      col = columns(row, ['record_id', 'cluster_id'], path);
      return;
    }
    const i = truth.index.get(row[col.record_id]);
    if (i === undefined) {
      unknown++;
      return;
    }
    if (clusterOf[i] !== -1) throw new Failure(`${path}: record ${row[col.record_id]} appears twice`);
    const cluster = row[col.cluster_id];
    if (cluster !== undefined && cluster !== '') clusterOf[i] = intern(clusters, cluster);
  });
  if (col === null) throw new Failure(`${path}: empty (no header)`);
  let clusterCount = clusters.size;
  let missing = 0;
  for (let i = 0; i < clusterOf.length; i++) {
    if (clusterOf[i] === -1) {
      clusterOf[i] = clusterCount++;
      missing++;
    }
  }
  return { clusterOf, clusterCount, missing, unknown };
}

// The small integer standing for `key` in `ids` (a Map), added if new.
function intern(ids, key) {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

const COLUMNS = [
  ['records', 'records', count],
  ['true pairs', 'truePairs', count],
  ['found pairs', 'foundPairs', count],
  ['false pairs', 'falsePairs', count],
  ['precision', 'precision', ratio],
  ['recall', 'recall', ratio],
  ['F1', 'f1', ratio],
];

// The readable report: what was read, then one row per origin (most records first) and overall.
function toTable({ truth, clustering, scores }) {
  const lines = [
    `records: ${count(truth.personOf.length)} of ${count(truth.personCount)} people; ` +
      `predicted clusters: ${count(clustering.clusterCount)}`,
    `missing from clusters.csv (scored as singletons): ${count(clustering.missing)}; ` +
      `in clusters.csv but not in the truth (ignored): ${count(clustering.unknown)}`,
    '',
  ];
  const rows = [...scores.byOrigin].sort((a, b) => b[1].records - a[1].records);
  rows.push(['overall', scores.overall]);
  const cells = rows.map(([name, row]) => [name, ...COLUMNS.map(([, key, format]) => format(row[key]))]);
  const header = ['origin', ...COLUMNS.map(([title]) => title)];
  const widths = header.map((title, c) => Math.max(title.length, ...cells.map((r) => r[c].length)));
  const render = (r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  lines.push(render(header));
  cells.forEach((r, k) => {
    if (k === cells.length - 1) lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
    lines.push(render(r));
  });
  return `${lines.join('\n')}\n`;
}

// The JSON report: counts as numbers, undefined ratios as null.
function toJson({ truth, clustering, scores }) {
  const snake = (row) => ({
    records: row.records,
    true_pairs: row.truePairs,
    predicted_pairs: row.predictedPairs,
    found_pairs: row.foundPairs,
    false_pairs: row.falsePairs,
    precision: row.precision,
    recall: row.recall,
    f1: row.f1,
  });
  return {
    records: truth.personOf.length,
    people: truth.personCount,
    clusters: clustering.clusterCount,
    missing_from_clusters: clustering.missing,
    unknown_in_clusters: clustering.unknown,
    overall: snake(scores.overall),
    by_origin: Object.fromEntries([...scores.byOrigin].map(([name, row]) => [name, snake(row)])),
  };
}

// A pair count: whole numbers grouped in thousands; halves (a cross-origin pair's share) with one decimal.
function count(x) {
  return x.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

// A ratio to four decimals, or "—" when undefined.
function ratio(x) {
  return x === null ? '—' : x.toFixed(4);
}

runMain('score', main);
