// Drives the real `harbour` program for the integration and browser tests: CLI commands, a
// server on 127.0.0.1 and an OS-chosen port, a cookie-jar client for the HTML forms, a bearer
// token client for /api/v1, and raw TCP for malformed HTTP.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const harbourBin = process.env.HARBOUR_BIN ?? join(repoRoot, 'build/release/harbour');
export const DEMO_PASSWORD = 'harbour-demo-password';

// Commands run from an empty directory with no HARBOUR_CONFIG, so that a developer's
// config/harbour.toml never changes what the tests exercise (--db is always given).
const neutralDir = mkdtempSync(join(tmpdir(), 'harbour-cwd-'));
process.on('exit', () => rmSync(neutralDir, { recursive: true, force: true }));
function childEnv() {
  const env = { ...process.env };
  delete env.HARBOUR_CONFIG;
  return env;
}

// Runs `harbour ...args`; returns { status, stdout, stderr }. Never throws for a non-zero exit.
export function harbour(args, { input } = {}) {
  const out = spawnSync(harbourBin, args, {
    cwd: neutralDir,
    env: childEnv(),
    input: input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (out.error) throw out.error;
  return { status: out.status, signal: out.signal, stdout: out.stdout, stderr: out.stderr };
}

// Like harbour() but throws, with the output, unless the command succeeds.
export function harbourOk(args, options) {
  const out = harbour(args, options);
  if (out.status !== 0) {
    throw new Error(`harbour ${args.join(' ')} exited ${out.status ?? out.signal}:\n${out.stdout}\n${out.stderr}`);
  }
  return out.stdout;
}

// Migrates a fresh database and loads the synthetic demo area.
export function prepareDatabase(url, { children = 20, seed = 7 } = {}) {
  harbourOk(['migrate', '--db', url]);
  harbourOk(['demo-data', '--db', url, '--children', String(children), '--seed', String(seed)]);
}

export function createToken(url, username) {
  const secret = harbourOk(['token', 'create', '--username', username, '--db', url]).trim();
  if (!/^[A-Za-z0-9_-]{20,128}$/.test(secret)) throw new Error(`unexpected token output: ${secret}`);
  return secret;
}

// One engine's demo area for a describe block: before its tests, starts `engine`, loads the
// demo area into a fresh database, runs `prepare(url)` (extra users and the like), fills `tokens`
// with an API token for each of `users`, starts the server and hands `{ url, server, base }` to
// `ready`; after them, stops the server (printing its log when HARBOUR_TEST_LOG=1) and the
// engine.
export function serveDemoArea(engine, { children, seed, users = [], tokens = {}, prepare, ready }) {
  let server;
  before(async () => {
    await engine.start();
    const url = await engine.newDatabase();
    prepareDatabase(url, { children, seed });
    if (prepare) await prepare(url);
    for (const u of users) tokens[u] = createToken(url, u);
    server = await startServer(url);
    ready?.({ url, server, base: server.base });
  }, { timeout: 120_000 });
  after(async () => {
    if (process.env.HARBOUR_TEST_LOG === '1' && server) process.stderr.write(server.output());
    await server?.stop();
    await engine.stop();
  }, { timeout: 30_000 });
}

// Starts `harbour serve` on 127.0.0.1 with port 0 and waits for /healthz. Returns
// { base, port, output(), stop() }. `args` are more options of `serve` (such as --config FILE).
export async function startServer(url, { threads = 4, args = [] } = {}) {
  const child = spawn(harbourBin, ['serve', '--db', url, '--listen', '127.0.0.1:0', '--threads', String(threads), ...args], {
    cwd: neutralDir,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const port = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error('harbour serve printed no address in 20 s:\n' + output)), 20_000);
    child.stdout.on('data', (chunk) => {
      keep(chunk);
      stdout += chunk.toString('utf8');
      const m = stdout.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`harbour serve exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  const server = {
    base,
    port,
    output: () => output,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const done = await Promise.race([exited, sleep(5_000).then(() => null)]);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        const res = await fetch(`${base}/healthz`);
        await res.arrayBuffer();
        if (res.status === 200) break;
      } catch {}
      if (Date.now() > deadline) throw new Error('/healthz did not answer 200 in 20 s:\n' + output);
      await sleep(50);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

// --- HTML ------------------------------------------------------------------------------------

const decodeEntities = (text) =>
  text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

// The value of the first <input> whose name is `name`, or undefined.
export function inputValue(html, name) {
  for (const m of html.matchAll(/<input\b[^>]*>/gi)) {
    const tag = m[0];
    const n = tag.match(/\bname\s*=\s*"([^"]*)"/i);
    if (!n || n[1] !== name) continue;
    const v = tag.match(/\bvalue\s*=\s*"([^"]*)"/i);
    return v ? decodeEntities(v[1]) : '';
  }
  return undefined;
}

export const csrfOf = (html) => inputValue(html, '_csrf');

// --- cookie-jar client for the pages -----------------------------------------------------

// A browser stand-in: keeps cookies, never follows redirects, and sends forms URL-encoded.
export class WebClient {
  constructor(base) {
    this.base = base;
    this.cookies = new Map();
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  // Returns { status, headers, location, setCookies, text }.
  async request(method, path, { form, body, headers = {} } = {}) {
    const h = { ...headers };
    if (this.cookies.size > 0 && !('cookie' in h)) h.cookie = this.cookieHeader();
    let payload = body;
    if (form !== undefined) {
      const params = new URLSearchParams();
      const pairs = Array.isArray(form) ? form : Object.entries(form);
      for (const [k, v] of pairs) {
        if (Array.isArray(v)) v.forEach((x) => params.append(k, x));
        else params.append(k, v);
      }
      payload = params.toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await res.text();
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age\s*=\s*0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, location: res.headers.get('location'), setCookies, text };
  }

  get(path, options) {
    return this.request('GET', path, options);
  }

  post(path, form, options = {}) {
    return this.request('POST', path, { ...options, form });
  }

  // Posts a form with the session's CSRF token (taken from a page of the signed-in layout).
  async postWithCsrf(path, form) {
    const token = await this.csrf();
    const pairs = Array.isArray(form) ? form : Object.entries(form);
    return this.post(path, [['_csrf', token], ...pairs]);
  }

  // The session's CSRF token: every signed-in page carries it in the sign-out form. A
  // not-found page is used because it renders the layout without touching any record.
  async csrf() {
    const page = await this.get('/__no-such-page__');
    const token = csrfOf(page.text);
    if (!token) throw new Error(`no _csrf input on a signed-in page (status ${page.status})`);
    return token;
  }

  // The whole sign-in form flow. Returns the POST's response.
  async signIn(username, password = DEMO_PASSWORD) {
    const form = await this.get('/sign-in');
    const token = csrfOf(form.text);
    if (form.status !== 200 || !token) {
      throw new Error(`GET /sign-in gave ${form.status} without a _csrf input`);
    }
    return this.post('/sign-in', { _csrf: token, username, password });
  }

  // Signs in and checks that it worked.
  async signInOk(username, password = DEMO_PASSWORD) {
    const res = await this.signIn(username, password);
    if (res.status !== 303 || !this.cookies.has('harbour_session')) {
      throw new Error(`sign-in as ${username} failed: ${res.status}\n${res.text.slice(0, 2000)}`);
    }
    return res;
  }
}

// --- API client ------------------------------------------------------------------------------

export class ApiClient {
  constructor(base, token) {
    this.base = base;
    this.token = token;
  }

  // Returns { status, headers, text, json } (json undefined when the body is not JSON).
  async request(method, path, { json, body, headers = {}, auth = true } = {}) {
    const h = { accept: 'application/json', ...headers };
    if (auth && this.token) h.authorization = `Bearer ${this.token}`;
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await res.text();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, headers: res.headers, text, json: parsed };
  }

  get(path, options) {
    return this.request('GET', path, options);
  }

  post(path, json, options = {}) {
    return this.request('POST', path, { ...options, json });
  }
}

// --- raw HTTP --------------------------------------------------------------------------------

// Sends `bytes` on a fresh TCP connection and returns everything the server sends back until
// it closes the connection (or `timeout` ms pass).
export function rawHttp(port, bytes, { timeout = 5_000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    }, timeout);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (e) => {
      // A reset after the response still counts: keep what arrived.
      clearTimeout(timer);
      if (chunks.length > 0) resolve(Buffer.concat(chunks).toString('latin1'));
      else reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
  });
}

export const statusOf = (rawResponse) => Number((rawResponse.match(/^HTTP\/1\.[01] (\d{3})/) ?? [])[1]);

// --- synthetic data --------------------------------------------------------------------------

// A valid NHS number in the 999 range (never issued to a person), distinct per call.
let nhsCounter = Math.floor(Math.random() * 400_000);
export function syntheticNhsNumber() {
  for (;;) {
    nhsCounter = (nhsCounter + 1) % 1_000_000;
    // Keep clear of the demo loader's small numbers (999000000..999001000).
    const body = '999' + String(500_000 + (nhsCounter % 499_000)).padStart(6, '0');
    let sum = 0;
    for (let i = 0; i < 9; ++i) sum += Number(body[i]) * (10 - i);
    let check = 11 - (sum % 11);
    if (check === 11) check = 0;
    if (check === 10) continue;
    return body + String(check);
  }
}

// A made-up name unlikely to collide with the demo data or other tests (letters only).
export function uniqueName(prefix) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = '';
  for (let i = 0; i < 6; ++i) s += letters[Math.floor(Math.random() * 26)];
  return prefix + s;
}

// "YYYY-MM-DD" parts of a date `daysAgo` days before today (UTC).
export function pastDate(daysAgo) {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear(), iso: d.toISOString().slice(0, 10) };
}

// Checks an API error response: the status, a JSON content type and the {"error": {code,
// message, fields}} body every /api/v1 error has.
export function assertJsonError(res, status, what) {
  assert.equal(res.status, status, `${what}: status (body ${res.text.slice(0, 800)})`);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/, `${what}: content type`);
  assert.ok(res.json && typeof res.json.error === 'object', `${what}: {"error":{...}} body: ${res.text}`);
  assert.equal(typeof res.json.error.code, 'string', `${what}: error.code`);
  assert.equal(typeof res.json.error.message, 'string', `${what}: error.message`);
  assert.ok(res.json.error.message.length > 0, `${what}: error.message is empty`);
  assert.equal(typeof res.json.error.fields, 'object', `${what}: error.fields`);
}
