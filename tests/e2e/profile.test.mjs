// An analyst's journey through the area profile in a real browser (issue 12): open it from the
// navigation, choose a quarter, read a chart and the table beside it, download the XLSX file and
// open it with a real XLSX reader (exceljs) to check that it is suppressed like the page. Every
// page is checked with axe-core, and none may log a console error or break the CSP. And a
// regional analyst uploading the synthetic partnerships' returns (scripts/demo-returns) and
// reading the region's combined table. And a coordinator publishing the board report to the
// register, refused the second time, and a practitioner downloading it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startBrowserHarness } from '../support/browser.mjs';
import { repoRoot } from '../support/harbour.mjs';

let harness;
let returns;  // scripts/demo-returns' directory: three signed returns and their harbour.toml

before(async () => {
  returns = mkdtempSync(join(tmpdir(), 'harbour-e2e-returns-'));
  execFileSync(join(repoRoot, 'scripts/demo-returns'), [returns], { stdio: 'ignore' });
  harness = await startBrowserHarness({ children: 60, seed: 23, serverArgs: ['--config', join(returns, 'harbour.toml')] });
}, { timeout: 90_000 });

after(async () => {
  await harness?.stop();
  if (returns) rmSync(returns, { recursive: true, force: true });
});

test('a regional analyst uploads the partnerships\' returns and reads the combined table', { timeout: 60_000 }, async () => {
  const { openPage, signIn } = harness;
  const regional = await openPage();
  const { page } = regional;
  await signIn(page, 'demo.regional');
  await page.getByRole('link', { name: 'Regional returns' }).first().click();
  await page.waitForURL(/\/profile\/regional$/);
  await page.getByLabel('Returns').setInputFiles(['northport', 'southmere', 'eastwick'].map((c) => join(returns, `${c}-return.json`)));
  await page.getByRole('button', { name: 'Combine returns' }).click();
  await assert.doesNotReject(page.getByRole('heading', { name: /The region's figures for/ }).waitFor());
  assert.equal(await page.locator('#partnerships li').count(), 3);
  const children = page.getByRole('table', { name: 'Children identified' });
  const total = (await children.locator('tbody tr').last().locator('td').first().innerText()).trim();
  assert.match(total, /^(\d+|c)$/);
  assert.ok(total === 'c' || Number(total) > 5, `the total ${total} is published`);
  // Files too large together for the server's body limit are stopped before they are sent.
  await page.getByLabel('Returns').setInputFiles([{ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(1_100_000, 32) }]);
  await page.getByRole('button', { name: 'Combine returns' }).click();
  await assert.doesNotReject(page.getByText('The files chosen are too large together').waitFor());
  assert.equal(await page.locator('#partnerships li').count(), 3, 'nothing was sent: the result is still shown');
  await regional.context.close();
});

// The quarter before the last complete one, as the form offers it ("2026-Q2").
function quarterBeforeLast(today = new Date()) {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
    .format(today).split('-').map(Number);
  let quarter = Math.floor((m - 1) / 3) + 1 - 2;
  let year = y;
  while (quarter < 1) {
    quarter += 4;
    year -= 1;
  }
  return `${year}-Q${quarter}`;
}

test('an analyst chooses a quarter, reads a chart and its table, and exports XLSX', { timeout: 120_000 }, async () => {
  const { base, openPage, signIn } = harness;
  const analyst = await openPage();
  const dir = mkdtempSync(join(tmpdir(), 'harbour-profile-e2e-'));
  try {
    const { page } = analyst;
    await signIn(page, 'demo.analyst');
    await page.getByRole('link', { name: 'Area profile' }).first().click();
    await page.waitForURL(/\/profile$/);
    await assert.doesNotReject(page.getByRole('heading', { name: 'Area profile', level: 1 }).waitFor());

    const period = quarterBeforeLast();
    await page.getByLabel('Period').selectOption(period);
    await page.getByRole('button', { name: 'Show the profile' }).click();
    await page.waitForURL(new RegExp(`period=${period}`));
    assert.equal(await page.getByLabel('Period').inputValue(), period, 'the chosen quarter is kept');

    // The trend: a chart drawn by uPlot, and the table it is drawn from.
    const trend = page.locator('.harbour-chart[data-table="trend-table"]');
    await assert.doesNotReject(trend.locator('canvas').first().waitFor());
    assert.equal(await trend.getAttribute('aria-hidden'), 'true', 'screen readers read the table');
    const trendTable = page.getByRole('table', { name: 'Children identified, referrals and missing episodes by month' });
    assert.equal(await trendTable.locator('tbody tr').count(), 24);

    // A breakdown: its bars and its table, with "Not recorded" as a row and nothing of 1 to 5.
    const sex = page.getByRole('table', { name: 'Children identified by sex' });
    const rows = await sex.locator('tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => /^Female\t/.test(r)), rows.join('\n'));
    assert.ok(rows.some((r) => /^Not recorded\t/.test(r)));
    for (const r of rows) {
      const [, count, , previous] = r.split('\t');
      for (const v of [count, previous]) assert.ok(v === 'c' || !/^[1-5]$/.test(v), `${r}: a small number shown`);
    }

    // The XLSX file, read with a real reader.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the whole profile (XLSX)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), new RegExp(`^harbour-profile-${period}\\.xlsx$`));
    const file = join(dir, 'profile.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const about = book.getWorksheet('About');
    const aboutText = [];
    about.eachRow((row) => aboutText.push(row.values.filter((v) => v != null).join(' ')));
    assert.ok(aboutText.some((t) => t.includes(period)), aboutText.join('\n'));
    assert.ok(aboutText.some((t) => /c: a count of 1 to 5 is suppressed/.test(t)));
    assert.ok(aboutText.some((t) => /Not recorded:/.test(t)));
    const sheet = book.getWorksheet('Profile');
    let sexSeen = false;
    sheet.eachRow((row) => {
      const values = row.values.slice(1);
      if (values[0] === 'female') sexSeen = true;
      row.eachCell((cell) => {
        const v = cell.value;
        const count = Number.isInteger(v) && !String(cell.numFmt ?? '').includes('%');
        assert.ok(!(count && v >= 1 && v <= 5), `row ${row.number}: ${values.join(' | ')}`);
        assert.ok(cell.type !== ExcelJS.ValueType.Formula, `row ${row.number}: no formulas`);
      });
    });
    assert.ok(sexSeen, 'the sex table is in the file');
    const monitoring = book.getWorksheet('Monitoring');
    assert.ok(monitoring, 'equality and calibration are in the file');
    const firstColumn = [];
    monitoring.eachRow((row) => firstColumn.push(String(row.values[1] ?? '')));
    assert.ok(firstColumn.includes('Identification rates by sex'), firstColumn.join('\n'));
    assert.ok(firstColumn.includes('Calibration of the risk tool'));
  } finally {
    await analyst.context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// Regression: the drill-down form once carried its form token under the wrong name, so every
// submission was refused as an expired form; the integration tests, which add the token
// themselves, could not see it.
test('a coordinator drills down from a figure through the real form, and must say why', { timeout: 120_000 }, async () => {
  const { base, openPage, signIn } = harness;
  const coordinator = await openPage();
  try {
    const { page } = coordinator;
    await signIn(page, 'demo.coordinator');
    await page.goto(`${base}/profile?period=${new Date().getUTCFullYear()}&view=internal`);
    await assert.doesNotReject(page.getByText('Not for publication.').first().waitFor());
    await page.locator('a[href*="/profile/children?"]').first().click();
    await page.getByRole('button', { name: 'Show the children' }).click();
    await assert.doesNotReject(page.getByRole('heading', { name: 'There is a problem' }).waitFor());
    assert.match(await page.title(), /^Error: /);
    await page.getByLabel('Why do you need to see these children?').fill('Checking each child has a plan before the panel');
    await page.getByRole('button', { name: 'Show the children' }).click();
    await assert.doesNotReject(page.getByRole('heading', { name: 'Children behind the figure' }).waitFor());
    assert.ok(await page.getByRole('table').locator('tbody tr').count() > 0);
    assert.match(await page.locator('main').innerText(), /Checking each child has a plan before the panel/);
  } finally {
    await coordinator.context.close();
  }
});

test('a coordinator publishes the board report and a practitioner downloads it from the register', { timeout: 120_000 }, async () => {
  const { base, openPage, signIn } = harness;
  const coordinator = await openPage();
  const practitioner = await openPage();
  try {
    const { page } = coordinator;
    await signIn(page, 'demo.coordinator');
    await page.getByRole('link', { name: 'Board reports' }).first().click();
    await assert.doesNotReject(page.getByRole('heading', { name: 'Published board reports' }).waitFor());
    const period = await page.getByLabel('Period').locator('option:checked').innerText();
    await page.getByRole('button', { name: 'Publish the board report' }).click();
    const register = page.getByRole('table', { name: 'The register' });
    await assert.doesNotReject(register.waitFor());
    assert.match(await register.innerText(), new RegExp(period.replace(/[()]/g, '\\$&')));
    // The same period again: refused, with the reason, and nothing added.
    await page.getByRole('button', { name: 'Publish the board report' }).click();
    await assert.doesNotReject(page.getByRole('heading', { name: 'There is a problem' }).waitFor());
    assert.match(await page.locator('.govuk-error-summary').innerText(), /already published/);
    assert.equal(await register.locator('tbody tr').count(), 1);

    const reader = practitioner.page;
    await signIn(reader, 'demo.practitioner');
    await reader.getByRole('link', { name: 'Board reports' }).first().click();
    const [download] = await Promise.all([
      reader.waitForEvent('download'),
      reader.getByRole('link', { name: /^Download \(PDF\)/ }).click(),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'harbour-e2e-report-'));
    try {
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      assert.match(download.suggestedFilename(), /^harbour-board-report-.*-published\.pdf$/);
      assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await coordinator.context.close();
    await practitioner.context.close();
  }
});
