// The regional and national return (issue 12; docs/profile.md, "The regional and national return") through the real CLI, on
// SQLite: two synthetic partnerships (demo areas of different seeds) each make a signing key and
// a return; the returns match docs/profile-return.schema.json and their signatures verify with
// Node's own Ed25519 over the canonical text; `harbour profile aggregate` combines them into
// published tables; and a tampered return, an untrusted partnership, a return of another period
// or a period not yet over are refused with the file and the field named, nothing written.
// Then the regional analyst's page (/profile/regional) on a server whose [profile] trusted_keys
// names a trusted-keys file: the same returns uploaded, combined, shown, downloaded and audited;
// every problem of a bad upload listed with nothing combined; a key added to the file counting
// without a restart; CSRF; and every other role refused.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csrfOf, harbour, harbourOk, prepareDatabase, repoRoot, startServer, WebClient } from '../support/harbour.mjs';
import { sqliteEngine } from '../support/engines.mjs';

const schema = JSON.parse(readFileSync(join(repoRoot, 'docs/profile-return.schema.json'), 'utf8'));

// The JSON Schema keywords docs/profile-return.schema.json uses (draft 2020-12; local $ref
// only); returns the problems, each with its path.
function validate(value, node, path = '$', problems = []) {
  if (node.$ref) return validate(value, resolve(node.$ref), path, problems);
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const fail = (what) => problems.push(`${path}: ${what}`);
  if (node.type === 'integer' && !Number.isInteger(value)) fail('not an integer');
  else if (node.type && node.type !== 'integer' && node.type !== type) fail(`not ${node.type}`);
  if ('const' in node && JSON.stringify(value) !== JSON.stringify(node.const)) fail(`not ${JSON.stringify(node.const)}`);
  if (node.enum && !node.enum.includes(value)) fail('not one of the enum');
  if (node.minimum !== undefined && value < node.minimum) fail(`below ${node.minimum}`);
  if (node.maximum !== undefined && value > node.maximum) fail(`above ${node.maximum}`);
  if (type === 'string') {
    if (node.pattern && !new RegExp(node.pattern, 'u').test(value)) fail(`does not match ${node.pattern}`);
    if (node.minLength !== undefined && [...value].length < node.minLength) fail('too short');
    if (node.maxLength !== undefined && [...value].length > node.maxLength) fail('too long');
    if (node.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail('not a date');
    if (node.format === 'date-time' && Number.isNaN(Date.parse(value))) fail('not a date-time');
  }
  if (type === 'object') {
    for (const key of node.required ?? []) if (!(key in value)) fail(`lacks ${key}`);
    for (const [key, sub] of Object.entries(value)) {
      if (node.properties?.[key]) validate(sub, node.properties[key], `${path}.${key}`, problems);
      else if (node.additionalProperties === false) fail(`has ${key}`);
    }
  }
  if (type === 'array') {
    if (node.minItems !== undefined && value.length < node.minItems) fail('too few items');
    if (node.maxItems !== undefined && value.length > node.maxItems) fail('too many items');
    if (node.items) value.forEach((item, i) => validate(item, node.items, `${path}[${i}]`, problems));
    if (node.contains) {
      const n = value.filter((item) => validate(item, node.contains).length === 0).length;
      if (n < (node.minContains ?? 1)) fail('contains too few');
      if (node.maxContains !== undefined && n > node.maxContains) fail('contains too many');
    }
  }
  for (const sub of node.allOf ?? []) validate(value, sub, path, problems);
  if (node.oneOf && node.oneOf.filter((sub) => validate(value, sub).length === 0).length !== 1) fail('not exactly one of oneOf');
  return problems;
}
function resolve(ref) {
  assert.ok(ref.startsWith('#/'), ref);
  return ref.slice(2).split('/').reduce((node, key) => node[key], schema);
}

// RFC 8785 for the values a return holds: keys sorted, no white space.
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function verifiesWithNode(file) {
  const raw = Buffer.from(file.signature.public_key, 'base64');
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
  const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  return verify(null, Buffer.from(canonical(file.return), 'utf8'), key, Buffer.from(file.signature.value, 'base64'));
}

// The quarter before the one holding today (Europe/London is close enough away from midnight).
function lastCompleteQuarter(now = new Date()) {
  let year = now.getUTCFullYear();
  let quarter = Math.floor(now.getUTCMonth() / 3);  // the current quarter, 0-based
  if (quarter === 0) { year -= 1; quarter = 4; }
  return `${year}-Q${quarter}`;
}
function currentQuarter(now = new Date()) {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

describe('The regional and national return on SQLite', { timeout: 300_000 }, () => {
  const engine = sqliteEngine();
  let dir;
  const areas = {
    north: { name: 'North Harbour Safeguarding Partnership', seed: 101 },
    south: { name: 'South Harbour Children’s Partnership', seed: 202 },
  };
  const path = (name) => join(dir, name);
  const table = (body, id) => body.tables.find((t) => t.id === id);

  before(async () => {
    await engine.start();
    dir = mkdtempSync(join(tmpdir(), 'harbour-returns-'));
    for (const [code, area] of Object.entries(areas)) {
      area.url = await engine.newDatabase();
      prepareDatabase(area.url, { children: 60, seed: area.seed });
      area.key = path(`${code}.key`);
      area.generated = harbourOk(['keys', 'generate', '--partnership-code', code, '--partnership-name', area.name,
                                  '--out', area.key]);
      area.returnFile = path(`${code}.json`);
      area.made = harbourOk(['profile', 'return', '--db', area.url, '--key', area.key, '--out', area.returnFile]);
      area.file = JSON.parse(readFileSync(area.returnFile, 'utf8'));
    }
    const lines = Object.keys(areas).map((code) => harbourOk(['keys', 'public', '--key', areas[code].key]).trim());
    writeFileSync(path('trusted.keys'), `# The region's partnerships\n${lines.join('\n')}\n`);
  });
  after(async () => {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('keys generate writes a secret file of mode 0600 and prints the trusted-keys line', () => {
    const { key, generated } = areas.north;
    assert.equal(statSync(key).mode & 0o777, 0o600);
    const text = readFileSync(key, 'utf8');
    assert.match(text, /SECRET/);
    assert.match(text, /^partnership_code = north$/m);
    const line = generated.trim().split('\n').at(-1);
    assert.match(line, /^north [A-Za-z0-9+/]{43}=$/);
    assert.equal(harbourOk(['keys', 'public', '--key', key]).trim(), line);
    const again = harbour(['keys', 'generate', '--partnership-code', 'north', '--partnership-name', 'North', '--out', key]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /exists already/);
    assert.equal(readFileSync(key, 'utf8'), text, 'the key is never overwritten');
  });

  test('a signing key that other accounts may read is refused', () => {
    const copy = path('north-open.key');
    writeFileSync(copy, readFileSync(areas.north.key));
    chmodSync(copy, 0o644);
    const out = harbour(['profile', 'return', '--db', areas.north.url, '--key', copy, '--out', path('open.json')]);
    assert.equal(out.status, 1);
    assert.match(out.stderr, /chmod 600/);
    assert.equal(existsSync(path('open.json')), false);
  });

  test('each return is the last complete quarter, matches the schema and verifies on its own', () => {
    for (const [code, area] of Object.entries(areas)) {
      const body = area.file.return;
      assert.deepEqual(validate(area.file, schema), [], `${code}'s return matches the schema`);
      assert.equal(body.partnership_code, code);
      assert.equal(body.partnership_name, area.name);
      assert.equal(body.period.code, lastCompleteQuarter());
      assert.equal(statSync(area.returnFile).mode & 0o777, 0o600);
      assert.ok(verifiesWithNode(area.file), `${code}'s signature verifies with node:crypto`);
      assert.match(area.made, /signed with the key [0-9a-f]{16}/);
      assert.equal(table(body, 'ward'), undefined);
      assert.equal(table(body, 'referral_agency'), undefined);
    }
  });

  test('a return holds no name and is audited', () => {
    const { url, returnFile } = areas.north;
    const text = readFileSync(returnFile, 'utf8');
    const names = engine.sql(url, 'SELECT given_name || char(10) || family_name FROM children').trim().split('\n');
    assert.ok(names.length > 10);
    for (const name of names) assert.equal(text.includes(`"${name}"`), false, `${name} is not in the return`);
    const audit = engine.sql(url, "SELECT record_id || '|' || detail FROM audit_log WHERE action = 'profile.return'").trim();
    assert.match(audit, new RegExp(`^${lastCompleteQuarter()}\\|${lastCompleteQuarter()}; north; key [0-9a-f]{16}; 27 tables; to north\\.json$`));
  });

  test('aggregate combines the returns into published tables', () => {
    const out = path('region.json');
    const run = harbour(['profile', 'aggregate', '--trusted', path('trusted.keys'), '--out', out,
                         areas.north.returnFile, areas.south.returnFile]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /returns of 2 partnerships/);
    const region = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(region.release, 'published');
    assert.equal(region.period.code, lastCompleteQuarter());
    assert.deepEqual(region.partnerships.map((p) => p.code), ['north', 'south']);
    assert.equal(region.tables.length, 27);
    const exact = (id) => table(areas.north.file.return, id).total + table(areas.south.file.return, id).total;
    const children = table(region, 'children');
    assert.equal(children.title, 'Children identified');
    assert.equal(children.total, exact('children') > 5 ? exact('children') : 'c');
    // Every count of 1 to 5 is suppressed.
    for (const t of region.tables) {
      for (const row of t.rows) assert.ok(row.count === 'c' || row.count === 0 || row.count > 5, `${t.id}.${row.code}`);
    }
    const csv = path('region.csv');
    harbourOk(['profile', 'aggregate', '--trusted', path('trusted.keys'), '--format', 'csv', '--out', csv,
               areas.north.returnFile, areas.south.returnFile]);
    const text = readFileSync(csv, 'utf8');
    assert.ok(text.startsWith('\uFEFFHarbour combined returns,'));
    assert.match(text, /North Harbour Safeguarding Partnership \(north\); South Harbour/);
    const again = harbour(['profile', 'aggregate', '--trusted', path('trusted.keys'), '--out', out, areas.north.returnFile]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /exists already/);
  });

  test('a tampered return is refused, naming the file and the signature, and nothing is written', () => {
    const tampered = path('north-tampered.json');
    const file = structuredClone(areas.north.file);
    const children = table(file.return, 'children');
    children.rows[0].count += 1;
    children.total += 1;  // still adds up: only the signature can tell
    writeFileSync(tampered, JSON.stringify(file, null, 2));
    const out = path('tampered-region.json');
    const run = harbour(['profile', 'aggregate', '--trusted', path('trusted.keys'), '--out', out,
                         tampered, areas.south.returnFile]);
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(`${tampered}: signature: does not match the return`), run.stderr);
    assert.match(run.stderr, /nothing was written/);
    assert.equal(existsSync(out), false);
  });

  test('every problem of every file is listed', () => {
    const broken = path('broken.json');
    writeFileSync(broken, '{"return": ');
    const out = path('broken-region.json');
    const run = harbour(['profile', 'aggregate', '--trusted', path('trusted.keys'), '--out', out,
                         broken, path('missing.json'), areas.north.returnFile]);
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(`${broken}: file: is not JSON text`), run.stderr);
    assert.ok(run.stderr.includes(`${path('missing.json')}: file: cannot be read`), run.stderr);
    assert.equal(existsSync(out), false);
  });

  test('a partnership the trusted-keys file does not name is refused', () => {
    const northOnly = path('north-only.keys');
    writeFileSync(northOnly, harbourOk(['keys', 'public', '--key', areas.north.key]));
    const out = path('untrusted-region.json');
    const run = harbour(['profile', 'aggregate', '--trusted', northOnly, '--out', out,
                         areas.north.returnFile, areas.south.returnFile]);
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(`${areas.south.returnFile}: return.partnership_code: no key is trusted for the partnership south`),
              run.stderr);
    assert.equal(existsSync(out), false);
    // A key trusted for south that is not south's own.
    const other = path('other.key');
    harbourOk(['keys', 'generate', '--partnership-code', 'south', '--partnership-name', 'Impostor', '--out', other]);
    const wrong = path('wrong.keys');
    writeFileSync(wrong, harbourOk(['keys', 'public', '--key', areas.north.key]) + harbourOk(['keys', 'public', '--key', other]));
    const refused = harbour(['profile', 'aggregate', '--trusted', wrong, '--out', out, areas.south.returnFile]);
    assert.equal(refused.status, 1);
    assert.ok(refused.stderr.includes(`${areas.south.returnFile}: signature.public_key: is the key`), refused.stderr);
    assert.equal(existsSync(out), false);
  });

  test('returns of two periods are not combined', () => {
    const [year, q] = lastCompleteQuarter().split('-Q').map(Number);
    const earlier = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    const southEarlier = path('south-earlier.json');
    harbourOk(['profile', 'return', '--db', areas.south.url, '--key', areas.south.key, '--period', earlier,
               '--out', southEarlier]);
    const out = path('mixed-region.json');
    const run = harbour(['profile', 'aggregate', '--trusted', path('trusted.keys'), '--out', out,
                         areas.north.returnFile, southEarlier]);
    assert.equal(run.status, 1);
    assert.ok(run.stderr.includes(`${southEarlier}: return.period: is ${earlier}, but ${areas.north.returnFile} is for ${lastCompleteQuarter()}`),
              run.stderr);
    assert.equal(existsSync(out), false);
  });

  test('a period that is not over has no return', () => {
    const out = path('too-soon.json');
    const run = harbour(['profile', 'return', '--db', areas.north.url, '--key', areas.north.key,
                         '--period', currentQuarter(), '--out', out]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /has not ended yet/);
    assert.equal(existsSync(out), false);
  });
  describe('The regional analyst\'s page', () => {
    let server;
    let period;
    const trustedWeb = () => path('trusted-web.keys');
    const sql = (query) => engine.sql(areas.north.url, query).trim();
    const publicLine = (code) => harbourOk(['keys', 'public', '--key', areas[code].key]);
    const signedIn = async (username) => {
      const web = new WebClient(server.base);
      await web.signInOk(username);
      return web;
    };
    // The form's fields and files as a browser sends them (multipart/form-data).
    // `csrf`: the form token to send (null: none); by default the one the page gives.
    const upload = async (web, files, { format = 'page', csrf } = {}) => {
      const body = new FormData();
      const token = csrf === undefined ? csrfOf((await web.get('/profile/regional')).text) : csrf;
      if (token !== null) body.append('_csrf', token);
      body.append('format', format);
      for (const [name, text] of files) body.append('returns', new Blob([text], { type: 'application/json' }), name);
      return web.request('POST', '/profile/regional', { body });
    };
    const fileOf = (code) => [`${code}.json`, readFileSync(areas[code].returnFile, 'utf8')];
    const problems = (html) => [...html.matchAll(/<li><a href="#returns">([^<]*)<\/a><\/li>/g)]
      .map((m) => m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    const lastAudit = () => sql("SELECT outcome || '|' || record_id || '|' || detail FROM audit_log " +
                                "WHERE action = 'profile.regional' AND username = 'demo.regional' ORDER BY seq DESC LIMIT 1");

    before(async () => {
      period = areas.north.file.return.period.code;
      writeFileSync(trustedWeb(), `# Only north, to begin with\n${publicLine('north')}`);
      writeFileSync(path('harbour.toml'), `[profile]\ntrusted_keys = "${trustedWeb()}"\n`);
      server = await startServer(areas.north.url, { args: ['--config', path('harbour.toml')] });
    });
    after(async () => {
      await server?.stop();
    });

    test('the page offers a multiple JSON file input with the form token and states the limit', async () => {
      const web = await signedIn('demo.regional');
      const page = await web.get('/profile/regional');
      assert.equal(page.status, 200);
      assert.match(page.text, /<form method="post" action="\/profile\/regional" enctype="multipart\/form-data"/);
      assert.match(page.text, /<input class="govuk-file-upload" id="returns" name="returns" type="file" multiple accept="\.json,application\/json"/);
      assert.ok(csrfOf(page.text));
      assert.match(page.text, />Combine returns</);
      assert.match(page.text, /up to 1 MiB/);
      // The regional analyst sees nothing local: home and navigation offer only this page.
      const home = await web.get('/');
      assert.equal(home.status, 200);
      const links = [...home.text.matchAll(/<a class="govuk-service-navigation__link" href="([^"]*)"/g)]
        .map((m) => m[1].replace(/&#x2F;/g, '/'));
      assert.deepEqual(links.filter((href) => href !== '/'), ['/profile/regional']);
      assert.doesNotMatch(home.text, /href="\/children/);
      assert.equal((await web.get('/profile')).status, 403);
      assert.equal((await web.get(`/profile/export.csv?period=${period}`)).status, 403);
      assert.equal((await web.get('/children?q=Smith')).status, 403);
      const child = sql('SELECT id FROM children LIMIT 1');
      assert.equal((await web.get(`/children/${child}`)).status, 403);
    });

    test('an untrusted partnership, a tampered file and a broken one are all listed, and nothing is combined', async () => {
      const web = await signedIn('demo.regional');
      const tampered = structuredClone(areas.north.file);
      const children = tampered.return.tables.find((t) => t.id === 'children');
      children.rows[0].count += 1;
      children.total += 1;
      const res = await upload(web, [['north-tampered.json', JSON.stringify(tampered)], fileOf('south'),
                                     ['broken.json', '{"return": ']]);
      assert.equal(res.status, 422);
      assert.match(res.text, /<title>Error: /);
      const listed = problems(res.text);
      assert.equal(listed.length, 3, listed.join('\n'));
      assert.ok(listed[0].startsWith('north-tampered.json: signature: does not match the return'), listed[0]);
      assert.equal(listed[1], 'south.json: return.partnership_code: no key is trusted for the partnership south ' +
                              '(the trusted-keys file has no line for it)');
      assert.equal(listed[2], 'broken.json: file: is not JSON text');
      assert.doesNotMatch(res.text, /The region&#39;s figures|The region's figures/);
      assert.equal(lastAudit(), 'refused||not combined: 3 files, 3 problems');
    });

    test('a key added to the trusted-keys file counts at the next upload, without a restart', async () => {
      writeFileSync(trustedWeb(), `${publicLine('north')}${publicLine('south')}`);
      const web = await signedIn('demo.regional');
      const res = await upload(web, [fileOf('north'), fileOf('south')]);
      assert.equal(res.status, 200, problems(res.text).join('\n'));
      assert.match(res.text, /The region&#39;s figures for [^<]+|The region's figures for/);
      assert.ok(res.text.includes(`(${period})`));
      assert.match(res.text, /North Harbour Safeguarding Partnership \(north\), from north\.json/);
      assert.match(res.text, /\(south\), from south\.json/);
      // The children table: the sum of the two returns, or c when it is 1 to 5.
      const exact = ['north', 'south'].map((code) => areas[code].file.return.tables.find((t) => t.id === 'children').total)
        .reduce((a, b) => a + b, 0);
      const table = res.text.match(/<table class="govuk-table harbour-profile-table" id="table-children">[\s\S]*?<\/table>/)[0];
      assert.ok(table.includes(`<strong>${exact > 5 ? exact : 'c'}</strong>`), table);
      assert.equal(lastAudit(), `allowed|${period}|page; ${period}; 2 partnerships: north, south`);
      // Every count shown is 0, more than 5, or c.
      for (const m of res.text.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">(\d+)<\/td>/g)) {
        const n = Number(m[1]);
        assert.ok(n === 0 || n > 5, `a count of ${n} is shown`);
      }
    });

    test('the same result downloads as JSON and as CSV, audited with its format', async () => {
      const web = await signedIn('demo.regional');
      const json = await upload(web, [fileOf('north'), fileOf('south')], { format: 'json' });
      assert.equal(json.status, 200);
      assert.match(json.headers.get('content-type'), /^application\/json/);
      assert.equal(json.headers.get('content-disposition'), `attachment; filename="harbour-region-${period}.json"`);
      const region = JSON.parse(json.text);
      assert.equal(region.release, 'published');
      assert.equal(region.period.code, period);
      assert.deepEqual(region.partnerships.map((p) => p.code), ['north', 'south']);
      assert.equal(region.tables.length, 27);
      assert.equal(lastAudit(), `allowed|${period}|json; ${period}; 2 partnerships: north, south`);
      const csv = await upload(web, [fileOf('north'), fileOf('south')], { format: 'csv' });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type'), /^text\/csv/);
      assert.ok(csv.text.startsWith('Harbour combined returns,'), csv.text.slice(0, 100));  // fetch drops the BOM
      assert.equal(csv.headers.get('content-disposition'), `attachment; filename="harbour-region-${period}.csv"`);
      assert.equal(lastAudit(), `allowed|${period}|csv; ${period}; 2 partnerships: north, south`);
    });

    test('returns of two periods are refused, naming the file that differs', async () => {
      const [year, q] = period.split('-Q').map(Number);
      const earlier = q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
      const file = path('south-earlier-web.json');
      harbourOk(['profile', 'return', '--db', areas.south.url, '--key', areas.south.key, '--period', earlier, '--out', file]);
      const web = await signedIn('demo.regional');
      const res = await upload(web, [fileOf('north'), ['south-earlier.json', readFileSync(file, 'utf8')]]);
      assert.equal(res.status, 422);
      assert.deepEqual(problems(res.text), [`south-earlier.json: return.period: is ${earlier}, but north.json is for ${period}: ` +
                                            'the returns combined must all be for one period']);
      assert.equal(lastAudit(), 'refused||not combined: 2 files, 1 problems');
    });

    test('no file chosen, or a bad format, is a clear error', async () => {
      const web = await signedIn('demo.regional');
      const none = await upload(web, []);
      assert.equal(none.status, 422);
      assert.deepEqual(problems(none.text), ['Choose one or more return files.']);
      // What a browser sends for a file input with nothing chosen: one part, no name, no bytes.
      const token = csrfOf((await web.get('/profile/regional')).text);
      const raw = `--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n` +
        '--b\r\nContent-Disposition: form-data; name="returns"; filename=""\r\n' +
        'Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n';
      const empty = await web.request('POST', '/profile/regional', { body: raw, headers: { 'content-type': 'multipart/form-data; boundary=b' } });
      assert.equal(empty.status, 422);
      assert.deepEqual(problems(empty.text), ['Choose one or more return files.']);
      const bad = await upload(web, [fileOf('north')], { format: 'xlsx' });
      assert.equal(bad.status, 422);
      assert.deepEqual(problems(bad.text), ['Choose how to see the result: on the page, as JSON or as CSV.']);
    });

    test('an upload without the form token is refused and audited', async () => {
      const web = await signedIn('demo.regional');
      const before = Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'csrf.check' AND username = 'demo.regional'"));
      const missing = await upload(web, [fileOf('north')], { csrf: null });
      assert.equal(missing.status, 403);
      assert.match(missing.text, /This form has expired/);
      const wrong = await upload(web, [fileOf('north')], { csrf: 'not-the-token' });
      assert.equal(wrong.status, 403);
      assert.equal(Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'csrf.check' AND username = 'demo.regional'")), before + 2);
    });

    test('without [profile] trusted_keys, or with a broken file, every upload is refused, saying why', async () => {
      const bare = await startServer(areas.north.url);  // no harbour.toml: no trusted keys
      try {
        const web = new WebClient(bare.base);
        await web.signInOk('demo.regional');
        const res = await upload(web, [fileOf('north')]);
        assert.equal(res.status, 503);
        assert.deepEqual(problems(res.text), ['The returns cannot be checked: No partnership\'s key is trusted yet: an ' +
                                              'administrator sets [profile] trusted_keys in harbour.toml to the trusted-keys file.']);
      } finally {
        await bare.stop();
      }
      const saved = readFileSync(trustedWeb(), 'utf8');
      try {
        writeFileSync(trustedWeb(), 'north not-a-key\n');
        const web = await signedIn('demo.regional');
        const res = await upload(web, [fileOf('north')]);
        assert.equal(res.status, 503);
        assert.match(problems(res.text)[0], /^The returns cannot be checked: .*trusted-web\.keys.*line 1/);
        rmSync(trustedWeb());
        const gone = await upload(web, [fileOf('north')]);
        assert.equal(gone.status, 503);
        assert.match(problems(gone.text)[0], /trusted-web\.keys cannot be read/);
      } finally {
        writeFileSync(trustedWeb(), saved);
      }
    });

    test('every other role is refused the page and the upload (403, audited)', async () => {
      for (const username of ['demo.analyst', 'demo.coordinator', 'demo.practitioner']) {
        const web = await signedIn(username);
        assert.equal((await web.get('/profile/regional')).status, 403, username);
        const res = await upload(web, [fileOf('north')], { csrf: await web.csrf() });
        assert.equal(res.status, 403, username);
        assert.doesNotMatch(res.text, /The region/);
        const refusals = Number(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'profile.regional' AND username = '${username}' AND outcome = 'refused'`));
        assert.equal(refusals, 2, username);
        const home = await web.get('/');
        assert.doesNotMatch(home.text, /href="\/profile\/regional"/, username);
      }
    });
  });
});
