// The two database engines Harbour runs on, behind one small interface for the scenarios:
//   await engine.start()        prepare the engine (start PostgreSQL; make a temp dir)
//   await engine.newDatabase()  a URL for a new, empty database
//   engine.sql(url, query)      run SQL with the engine's own CLI (sqlite3 / psql); returns text
//   await engine.stop()         stop everything and remove every file made
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, psql } from './postgres.mjs';

export function sqliteEngine() {
  let dir = null;
  let n = 0;
  const cleanup = () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  };
  process.on('exit', cleanup);
  return {
    name: 'SQLite',
    async start() {
      dir = mkdtempSync(join(tmpdir(), 'harbour-sqlite-'));
    },
    async newDatabase() {
      return `sqlite:///${join(dir, `harbour-${++n}.db`)}`;
    },
    sql(url, query) {
      const path = url.slice('sqlite:///'.length);
      const out = spawnSync('sqlite3', ['-batch', '-cmd', '.timeout 10000', path, query], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      if (out.error) throw out.error;
      if (out.status !== 0 || out.stderr.trim() !== '') {
        throw new Error(`sqlite3 failed (${out.status}): ${out.stderr}`);
      }
      return out.stdout;
    },
    async stop() {
      cleanup();
    },
  };
}

export function postgresEngine() {
  let cluster = null;
  return {
    name: 'PostgreSQL',
    async start() {
      cluster = await startPostgres();
    },
    async newDatabase() {
      return cluster.createDatabase();
    },
    sql(url, query) {
      return psql(url, query);
    },
    async stop() {
      await cluster?.stop();
      cluster = null;
    },
  };
}
