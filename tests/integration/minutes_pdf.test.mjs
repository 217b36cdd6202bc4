// The minutes PDF prints every name as it was stored (regression: "The minutes PDF drops
// letters": "Ń" came out as "?"). The real `harbour` binary on SQLite and PostgreSQL: children
// named in Polish, Irish, Vietnamese, Turkish, Czech, Greek, Cyrillic and Chinese letters are
// referred, put on one meeting's agenda and discussed; the coordinator's PDF of the minutes,
// read back with poppler's pdftotext, carries each name, the plan and the action as typed, in
// embedded fonts. Also: `harbour serve` refuses to start when a configured font is missing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApiClient,
  harbour,
  serveDemoArea,
  syntheticNhsNumber,
  WebClient,
} from '../support/harbour.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const USERS = ['demo.practitioner', 'demo.coordinator'];
const NAMES = [
  ['Zoë', 'Ńowak-O\'Brien'],
  ['Łucja', 'Żółć'],
  ['Nguyễn Thị', 'Ánh'],
  ['Şükrü', 'Öztürk'],
  ['Jiří', 'Dvořák'],
  ['Siobhán', 'Ó Súilleabháin'],
  ['Ελένη', 'Παπαδοπούλου'],
  ['Анна', 'Іванова'],
  ['小龍', '李'],
];

const londonDay = (days = 0) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

// Runs a poppler tool (Debian package poppler-utils) on the PDF's bytes; returns its output.
function poppler(tool, pdf, args) {
  const dir = mkdtempSync(join(tmpdir(), 'harbour-pdf-'));
  try {
    const file = join(dir, 'minutes.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync(tool, args(file), { encoding: 'utf8', timeout: 60_000 });
    if (out.error) throw new Error(`${tool} (poppler-utils; run scripts/setup): ${out.error.message}`);
    assert.equal(out.status, 0, `${tool} failed: ${out.stderr}`);
    return out.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function defineMinutesPdfTests(engine) {
  describe(`The minutes PDF on ${engine.name}`, { timeout: 300_000 }, () => {
    let base;
    const tokens = {};
    const api = (username) => new ApiClient(base, tokens[username]);

    serveDemoArea(engine, {
      children: 5, seed: 11, users: USERS, tokens,
      ready: (live) => ({ base } = live),
    });

    test('every stored name comes out right in the PDF', async () => {
      const made = await api('demo.coordinator').post('/api/v1/panel/meetings', {
        date: londonDay(-1), time: '14:00', place: 'Sala Główna, Harbourside', online: false,
        recorded_afterwards: true,
      });
      assert.equal(made.status, 201, made.text);
      const meeting = made.json;

      const items = [];
      for (const [given, family] of NAMES) {
        const child = await api('demo.practitioner').post('/api/v1/children', {
          given_name: given, family_name: family, date_of_birth: `${new Date().getUTCFullYear() - 14}-02-11`,
          sex: 'female', nhs_number: syntheticNhsNumber(), postcode: 'HB1 2AB',
        });
        assert.equal(child.status, 201, child.text);
        assert.equal(child.json.given_name, given, 'stored as typed');
        const referral = await api('demo.practitioner').post(`/api/v1/children/${child.json.id}/referrals`, {
          no_assessment_reason: 'First seen this week.', reason: 'Seen with older men after school.', sharing: 'consent',
        });
        assert.equal(referral.status, 201, referral.text);
        for (const to of ['screening', 'accepted']) {
          const moved = await api('demo.coordinator').post(`/api/v1/referrals/${referral.json.id}/transitions`, { to });
          assert.equal(moved.status, 200, moved.text);
        }
        const item = await api('demo.coordinator').post(`/api/v1/panel/meetings/${meeting.id}/agenda`,
          { child_id: child.json.id, referral_id: referral.json.id });
        assert.equal(item.status, 201, item.text);
        items.push(item.json);
      }
      const first = `/api/v1/panel/meetings/${meeting.id}/items/${items[0].id}`;
      const decided = await api('demo.coordinator').post(`${first}/decision`, {
        category: '2', models: ['peer'], elements: [],
        plan: 'Spotkanie z rodziną Ńowak; Żółć-Łącka school plan.', next_review: londonDay(28),
      });
      assert.equal(decided.status, 200, decided.text);
      // An action owned by the coordinator, the meeting's first member.
      const acted = await api('demo.coordinator').post(`${first}/actions`, {
        title: 'Visit Şükrü and Zoë at Café Ñandú', owner: meeting.members[0].user_id, due: londonDay(7),
      });
      assert.equal(acted.status, 201, acted.text);

      const coordinator = new WebClient(base);
      await coordinator.signInOk('demo.coordinator');
      const res = await fetch(`${base}/panel/meetings/${meeting.id}/minutes.pdf`,
        { headers: { cookie: coordinator.cookieHeader() } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/pdf/);
      const pdf = Buffer.from(await res.arrayBuffer());
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');

      const text = poppler('pdftotext', pdf, (file) => ['-enc', 'UTF-8', file, '-']).normalize('NFC');
      NAMES.forEach(([given, family], i) => {
        assert.ok(text.includes(`${i + 1}. ${given} ${family} (New referral)`),
          `${given} ${family} is in the PDF:\n${text}`);
      });
      assert.ok(text.includes('Where: Sala Główna, Harbourside'), text);
      assert.ok(text.includes('Spotkanie z rodziną Ńowak; Żółć-Łącka school plan.'), text);
      assert.ok(text.includes('Visit Şükrü and Zoë at Café Ñandú'), text);
      assert.ok(!text.includes('?'), `no letter became "?":\n${text}`);
      assert.ok(!text.includes('[U+'), `no character is missing from the fonts:\n${text}`);

      // Every font is embedded; none is a standard (Windows-1252) font.
      const fonts = poppler('pdffonts', pdf, (file) => [file]).trim().split('\n').slice(2);
      assert.ok(fonts.length >= 2, fonts.join('\n'));
      assert.ok(fonts.some((row) => /DejaVuSans/.test(row)), fonts.join('\n'));
      assert.ok(fonts.some((row) => /WenQuanYi/.test(row)), 'the Chinese name uses the CJK fallback');
      for (const row of fonts) assert.match(row, /CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/, row);
    });
  });
}

defineMinutesPdfTests(sqliteEngine());
defineMinutesPdfTests(postgresEngine());

describe('harbour serve and the PDF fonts', () => {
  test('a missing font stops the server at start-up with a message naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'harbour-fonts-'));
    try {
      const config = join(dir, 'harbour.toml');
      writeFileSync(config, '[pdf]\nfont = "/usr/share/fonts/truetype/dejavu/NoSuchFont.ttf"\n');
      const out = harbour(['serve', '--config', config, '--db', `sqlite:///${join(dir, 'none.db')}`,
                           '--listen', '127.0.0.1:0']);
      assert.equal(out.status, 1, out.stdout + out.stderr);
      assert.match(out.stderr, /NoSuchFont\.ttf cannot be read/);
      assert.match(out.stderr, /pdf\.font/);
      assert.match(out.stderr, /fonts-dejavu-core/);
      assert.ok(!out.stdout.includes('listening'), out.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
