// The auditor's audit trail in a real browser: filter by a child and see the practitioner's
// concern in words with its code; a bad date comes back with the error summary and what was
// typed; the CSV export downloads. No page may log a console error or break the CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, createToken, syntheticNhsNumber, uniqueName } from '../support/harbour.mjs';
import { startBrowserHarness } from '../support/browser.mjs';

let harness;

before(async () => {
  harness = await startBrowserHarness({ children: 5, seed: 17 });
}, { timeout: 90_000 });

after(async () => {
  await harness?.stop();
});

test('an auditor filters the trail by a child, corrects a bad date and downloads the CSV', { timeout: 120_000 }, async () => {
  const { base, openPage, signIn } = harness;
  const practitioner = new ApiClient(base, createToken(harness.url, 'demo.practitioner'));
  const created = await practitioner.post('/api/v1/children', {
    given_name: uniqueName('Ash'), family_name: uniqueName('Auditfield'),
    date_of_birth: `${new Date().getUTCFullYear() - 14}-02-11`, sex: 'male', nhs_number: syntheticNhsNumber(),
  });
  assert.equal(created.status, 201, created.text);
  const child = created.json;
  const concern = await practitioner.post(`/api/v1/children/${child.id}/concerns`, {
    observed_at: new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    category: 'criminal_exploitation', indicators: ['ws.unexplained_gifts'], first_hand: true,
    narrative: 'Seen with older youths near the station; new trainers and phone.', immediate_danger: false,
  });
  assert.equal(concern.status, 201, concern.text);

  const badDate = `${base}/audit?child=${child.id}&user=&agency=&action=&from_day=31&from_month=2&from_year=2026` +
                  '&to_day=&to_month=&to_year=';
  const auditor = await openPage(new Set([badDate]));
  try {
    const { page } = auditor;
    await signIn(page, 'demo.auditor');
    await page.goto(`${base}/audit`);
    await page.getByLabel('Child record ID').fill(child.id);
    await page.getByLabel('Action').selectOption('concern.create');
    await page.getByRole('button', { name: 'Filter entries' }).click();
    await page.waitForURL(/\/audit\?child=/);
    const table = page.getByRole('table', { name: new RegExp(`Entries about child record ${child.id}`) });
    await assert.doesNotReject(table.waitFor());
    assert.match(await table.innerText(), /Logged a concern\s+concern\.create/);
    assert.equal(await page.getByLabel('Action').inputValue(), 'concern.create', 'the filter is kept');

    // A date that does not exist: the error summary, and every box as typed.
    await page.getByLabel('Action').selectOption('');
    const from = page.getByRole('group', { name: 'Date from' });
    await from.getByLabel('Day').fill('31');
    await from.getByLabel('Month').fill('2');
    await from.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Filter entries' }).click();
    await assert.doesNotReject(page.getByRole('heading', { name: 'There is a problem' }).waitFor());
    assert.match(await page.title(), /^Error: Audit trail/);
    await page.getByRole('link', { name: 'Date from must be a real date' }).click();
    assert.equal(await from.getByLabel('Day').inputValue(), '31');
    assert.equal(await page.getByLabel('Child record ID').inputValue(), child.id);

    // Corrected, the CSV of the same filter downloads.
    await from.getByLabel('Day').fill('');
    await from.getByLabel('Month').fill('');
    await from.getByLabel('Year').fill('');
    await page.getByRole('button', { name: 'Filter entries' }).click();
    await page.getByRole('table').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these entries as CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  } finally {
    await auditor.context.close();
  }
  assert.deepEqual(auditor.problems, [], 'no console errors for the auditor');
});
