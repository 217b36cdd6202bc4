// A throw-away PostgreSQL 15 cluster for one test file: a temporary data directory, a server on
// 127.0.0.1 and a free port (plus a Unix socket inside the temporary directory), trust
// authentication for the role "harbour", and fsync off. initdb and postgres refuse to run as
// root, so when the tests run as root (as in CI) both run as the `postgres` OS user.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, chownSync, openSync, closeSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const PG_BIN = process.env.HARBOUR_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const ROLE = 'harbour';

// A port that was free a moment ago on 127.0.0.1 (the caller retries if it is taken by then).
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// uid/gid of the OS user that owns the cluster when we are root; {} otherwise.
function clusterOwner() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
  const id = (flag) => {
    const out = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error('running as root needs the `postgres` OS user: ' + out.stderr);
    return Number(out.stdout.trim());
  };
  return { uid: id('-u'), gid: id('-g') };
}

function run(bin, args, options = {}) {
  const out = spawnSync(join(PG_BIN, bin), args, { encoding: 'utf8', timeout: 60_000, ...options });
  if (out.error) throw out.error;
  if (out.status !== 0) {
    throw new Error(`${bin} ${args.join(' ')} failed (${out.status}):\n${out.stdout}\n${out.stderr}`);
  }
  return out.stdout;
}

// Every cluster this process started, so that an exit without teardown still stops them.
const running = new Set();
process.on('exit', () => {
  for (const cluster of running) cluster.killNow();
});

let dbCounter = 0;

// Starts a cluster. Returns { port, url(dbName?), createDatabase(name?) -> url, psql(url, sql),
// stop() }. url() is the first database, made here.
export async function startPostgres() {
  const owner = clusterOwner();
  // As root the cluster's files belong to `postgres`, which must be able to reach them: /tmp
  // is always traversable, a private $TMPDIR may not be.
  const dir = mkdtempSync(join(owner.uid !== undefined ? '/tmp' : tmpdir(), 'harbour-pg-'));
  const data = join(dir, 'data');
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid);
  const asOwner = { ...owner, cwd: dir, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } };
  let child = null;
  let logPath = join(dir, 'postgres.log');
  const cluster = {
    dir,
    port: 0,
    killNow() {
      // Synchronous last resort (process exit): the postmaster's pid is in postmaster.pid.
      try {
        const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (pid > 0) process.kill(pid, 'SIGQUIT');
      } catch {}
      try {
        child?.kill('SIGKILL');
      } catch {}
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {}
    },
  };
  running.add(cluster);
  try {
    run('initdb', ['-D', data, '-U', ROLE, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
        asOwner);
    for (let attempt = 0; ; ++attempt) {
      const port = await freePort();
      const log = openSync(logPath, 'a');
      child = spawn(join(PG_BIN, 'postgres'),
                    ['-D', data, '-k', dir, '-h', '127.0.0.1', '-p', String(port), '-c', 'fsync=off',
                     '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off', '-c',
                     'max_connections=50', '-c', 'shared_buffers=32MB'],
                    { ...asOwner, stdio: ['ignore', log, log] });
      closeSync(log);
      const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      child.exited = exited;
      const ready = await waitReady(port, exited);
      if (ready) {
        cluster.port = port;
        break;
      }
      child.kill('SIGKILL');
      await exited;
      if (attempt >= 3) {
        throw new Error('PostgreSQL did not start:\n' + readFileSync(logPath, 'utf8').slice(-4000));
      }
    }
  } catch (error) {
    cluster.killNow();
    running.delete(cluster);
    throw error;
  }

  const base = `postgresql://${ROLE}@127.0.0.1:${cluster.port}`;
  cluster.url = (name) => `${base}/${name}`;
  cluster.createDatabase = (name = `harbour_test_${process.pid}_${++dbCounter}`) => {
    run('createdb', ['-h', '127.0.0.1', '-p', String(cluster.port), '-U', ROLE, '-E', 'UTF8', name]);
    return cluster.url(name);
  };
  cluster.stop = async () => {
    running.delete(cluster);
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');  // fast shutdown: disconnect clients, checkpoint, exit
      const stopped = await Promise.race([child.exited, sleep(10_000).then(() => null)]);
      if (!stopped) {
        child.kill('SIGKILL');
        await child.exited;
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return cluster;
}

async function waitReady(port, exited) {
  let gone = false;
  exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !gone) {
    const probe = spawnSync(join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', ROLE, '-t', '1'],
                            { encoding: 'utf8' });
    if (probe.status === 0) return true;
    await sleep(100);
  }
  return false;
}

// Runs SQL with psql against `url`; returns the unaligned, tuples-only output. Throws on error.
export function psql(url, sql) {
  const out = spawnSync(join(PG_BIN, 'psql'), [url, '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql],
                        { encoding: 'utf8', timeout: 30_000 });
  if (out.error) throw out.error;
  if (out.status !== 0) throw new Error(`psql failed (${out.status}): ${out.stderr}`);
  return out.stdout;
}

export const postgresAvailable = () => existsSync(join(PG_BIN, 'postgres'));
