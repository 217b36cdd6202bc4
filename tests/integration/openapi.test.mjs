// docs/api/openapi.yaml must describe every /api/v1 route the server has (each area's Register
// in src/web/<area>/, and src/web/app.cc) with the same method, and nothing the server does not
// have. Both are read as text: the routes from their routes.Api(Method::kX, "/api/v1/...") (or
// Public) lines, the document's `paths:` block by indentation (a full YAML parser is not needed
// for it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/harbour.mjs';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

// "/children/{id}" and "/children/{child_id}" are the same route: parameter names may differ
// between the code and the document.
const shape = (path) => path.replace(/\{[^}]*\}/g, '{}');

function routerRoutes() {
  const web = join(repoRoot, 'src/web');
  const sources = readdirSync(web, { recursive: true }).filter((f) => f.endsWith('.cc') && !f.endsWith('_test.cc'));
  const routes = [];
  for (const file of sources) {
    const source = readFileSync(join(web, file), 'utf8');
    for (const m of source.matchAll(/\.(?:Add|Api|Public)\(\s*Method::k(\w+)\s*,\s*"([^"]+)"/g)) {
      if (m[2].startsWith('/api/v1/')) routes.push({ method: m[1].toLowerCase(), path: m[2] });
    }
  }
  assert.ok(routes.length > 50, `the router's API routes were found in src/web (${routes.length})`);
  return routes;
}

// Map from path to the set of its methods, from the document's `paths:`, with the first
// server URL (e.g. "/api/v1") in front of each path.
function documentedRoutes(text) {
  const lines = text.split('\n');
  const serverUrl = text.match(/^servers:\s*\n\s*-\s*url:\s*["']?([^\s"']+)/m)?.[1] ?? '';
  const prefix = serverUrl.replace(/^https?:\/\/[^/]+/, '').replace(/\/$/, '');
  const start = lines.findIndex((l) => /^paths:\s*$/.test(l));
  assert.ok(start >= 0, 'the document has a top-level paths: block');
  const routes = new Map();
  let pathIndent = -1;
  let current = null;
  let memberIndent = -1;  // the indent of the keys directly under the current path
  for (let i = start + 1; i < lines.length; ++i) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = line.match(/^ */)[0].length;
    if (indent === 0) break;  // the next top-level key ends paths:
    const key = line.trim().match(/^["']?([^"']*?)["']?\s*:(\s|$)/)?.[1];
    if (pathIndent < 0) pathIndent = indent;
    if (indent === pathIndent) {
      current = key?.startsWith('/') ? prefix + key : null;
      memberIndent = -1;
      if (current) routes.set(current, new Set());
    } else if (current && indent > pathIndent) {
      if (memberIndent < 0) memberIndent = indent;
      if (indent === memberIndent && METHODS.includes(key)) routes.get(current).add(key);
    }
  }
  return routes;
}

const readDocument = () => readFileSync(join(repoRoot, 'docs/api/openapi.yaml'), 'utf8');

test('every /api/v1 route in the router is documented in docs/api/openapi.yaml', () => {
  const code = routerRoutes();
  assert.ok(code.length >= 5, `found the API routes in src/web (${code.length})`);
  const documented = new Map();
  for (const [path, methods] of documentedRoutes(readDocument())) documented.set(shape(path), methods);
  const missing = code.filter(({ method, path }) => !documented.get(shape(path))?.has(method))
    .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
  assert.deepEqual(missing, [], 'routes the server has but the document does not describe');
});

test('docs/api/openapi.yaml describes no /api/v1 route the server does not have', () => {
  const code = new Set(routerRoutes().map(({ method, path }) => `${method} ${shape(path)}`));
  const extra = [];
  for (const [path, methods] of documentedRoutes(readDocument())) {
    for (const method of methods) {
      if (!code.has(`${method} ${shape(path)}`)) extra.push(`${method.toUpperCase()} ${path}`);
    }
  }
  assert.deepEqual(extra, [], 'documented routes the server does not have');
});

test('docs/api/openapi.yaml is an OpenAPI 3 document with bearer authentication', () => {
  const text = readDocument();
  assert.match(text, /^openapi:\s*["']?3\.\d+\.\d+/m);
  assert.match(text, /^info:/m);
  assert.match(text, /scheme:\s*bearer/i);
});
