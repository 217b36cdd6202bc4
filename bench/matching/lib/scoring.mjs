// Pairwise scores of a clustering against the truth, overall and by origin, in time linear in
// the number of records (pairs are counted per group, never enumerated).
//
// Definitions (for a set of records):
//   true pairs       pairs of records of the same person
//   predicted pairs  pairs of records in the same predicted cluster
//   found pairs      pairs that are both (same cluster and same person)
//   false pairs      predicted pairs that are not true: predicted - found
//   precision = found / predicted, recall = found / true, F1 their harmonic mean; each is null
//   (undefined) when its denominator is 0, and F1 is null when either is.
// By origin: a true or found pair counts under its person's origin; a predicted (or false)
// pair counts under the origin of each of its records, half each when they differ. So in a
// cluster of n records, each record brings (n - 1) / 2 predicted pairs to its origin.
import { Failure } from './args.mjs';

// Scores `clusterOf` against the truth. Input, one entry per record (all Int32Array-like):
// personOf[i] in [0, personCount), originOf[i] in [0, originNames.length), clusterOf[i] in
// [0, clusterCount). Returns { overall, byOrigin: Map(origin name -> scores) } where scores are
// { records, truePairs, predictedPairs, foundPairs, falsePairs, precision, recall, f1 }; throws a
// Failure if a person's records have different origins.
export function scoreClustering({ personOf, originOf, clusterOf, personCount, clusterCount, originNames }) {
  const counts = originNames.map(() => ({ records: 0, truePairs: 0, predictedPairs: 0, foundPairs: 0 }));
  const clusterSize = new Uint32Array(clusterCount);
  for (const c of clusterOf) clusterSize[c]++;
  for (let i = 0; i < clusterOf.length; i++) {
    const row = counts[originOf[i]];
    row.records++;
    row.predictedPairs += (clusterSize[clusterOf[i]] - 1) / 2;
  }
  const byPerson = recordsByPerson(personOf, personCount);
  const perCluster = new Uint32Array(clusterCount); // scratch, zero between people
  for (let p = 0; p < personCount; p++) {
    const first = byPerson.start[p];
    const end = byPerson.start[p + 1];
    if (end === first) continue;
    const origin = originOf[byPerson.records[first]];
    const row = counts[origin];
    const n = end - first;
    row.truePairs += (n * (n - 1)) / 2;
    for (let k = first; k < end; k++) {
      const r = byPerson.records[k];
      if (originOf[r] !== origin) {
        throw new Failure(`truth: one person's records have origins ${originNames[origin]} and ${originNames[originOf[r]]}`);
      }
      perCluster[clusterOf[r]]++;
    }
    for (let k = first; k < end; k++) {
      const c = clusterOf[byPerson.records[k]];
      const m = perCluster[c];
      row.foundPairs += (m * (m - 1)) / 2;
      perCluster[c] = 0;
    }
  }
  const byOrigin = new Map(originNames.map((name, o) => [name, withRatios(counts[o])]));
  const total = counts.reduce((sum, row) => {
    for (const key of Object.keys(sum)) sum[key] += row[key];
    return sum;
  }, { records: 0, truePairs: 0, predictedPairs: 0, foundPairs: 0 });
  return { overall: withRatios(total), byOrigin };
}

// Records grouped by person (a counting sort): the records of person p are
// records[start[p]] .. records[start[p + 1] - 1].
function recordsByPerson(personOf, personCount) {
  const start = new Uint32Array(personCount + 1);
  for (const p of personOf) start[p + 1]++;
  for (let p = 0; p < personCount; p++) start[p + 1] += start[p];
  const next = start.slice(0, personCount);
  const records = new Uint32Array(personOf.length);
  for (let i = 0; i < personOf.length; i++) records[next[personOf[i]]++] = i;
  return { start, records };
}

function withRatios({ records, truePairs, predictedPairs, foundPairs }) {
  const precision = predictedPairs > 0 ? foundPairs / predictedPairs : null;
  const recall = truePairs > 0 ? foundPairs / truePairs : null;
  let f1 = null;
  if (precision !== null && recall !== null) {
    f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return { records, truePairs, predictedPairs, foundPairs, falsePairs: predictedPairs - foundPairs, precision, recall, f1 };
}
