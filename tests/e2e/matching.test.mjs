// One child, one record, in a real browser (issue 13): a practitioner is warned before adding a
// duplicate and picks the existing child instead; the coordinator merges two records from the
// duplicate-review queue, seeing the waterfall; the coordinator undoes the merge. Each new page
// passes axe. Writes build/screenshots/duplicate-check.png, duplicate-queue.png,
// duplicate-review.png and undo-merge.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, createToken, harbourOk, repoRoot, uniqueName } from '../support/harbour.mjs';
import { checkAccessibility, startBrowserHarness } from '../support/browser.mjs';

let harness;

before(async () => {
  harness = await startBrowserHarness({ children: 10, seed: 21 });
}, { timeout: 90_000 });

after(async () => {
  await harness?.stop();
});

const shots = join(repoRoot, 'build/screenshots');

test('warned before a duplicate, then merged from the queue with the waterfall, then unmerged', { timeout: 150_000 }, async () => {
  const { base, openPage, signIn, url } = harness;
  mkdirSync(shots, { recursive: true });
  const family = uniqueName('Harrowgate');
  const police = new ApiClient(base, createToken(url, 'demo.practitioner'));
  const existing = await police.post('/api/v1/children', {
    given_name: 'Katherine', family_name: family, date_of_birth: '2012-07-03', sex: 'female', postcode: 'HB4 7QT',
  });
  assert.equal(existing.status, 201, existing.text);

  // The practitioner starts to add "Kate", is shown Katherine's record, and uses it.
  {
    const { context, page, problems } = await openPage();
    try {
      await signIn(page, 'demo.practitioner');
      await page.goto(`${base}/children/new`);
      await page.locator('input[name=given_name]').fill('Kate');
      await page.locator('input[name=family_name]').fill(family);
      await page.locator('input[name=dob_day]').fill('3');
      await page.locator('input[name=dob_month]').fill('7');
      await page.locator('input[name=dob_year]').fill('2012');
      await page.locator('input[name=sex][value=female]').check();
      await page.getByRole('button', { name: 'Save child', exact: true }).click();
      await page.getByText('This child may already have a record').waitFor();
      assert.equal(await page.locator('input[name=given_name]').inputValue(), 'Kate', 'what was typed is kept');
      await page.getByText('Given name: known variant').first().waitFor();
      await checkAccessibility(page);
      await page.screenshot({ path: join(shots, 'duplicate-check.png'), fullPage: true });
      await page.getByRole('link', { name: /Use this record/ }).first().click();
      await page.waitForURL(new RegExp(`/children/${existing.json.id}$`));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }

  // A second record made by another agency through the API is queued; the run re-scores it.
  const voluntary = new ApiClient(base, createToken(url, 'demo.voluntary'));
  const second = await voluntary.post('/api/v1/children', {
    given_name: 'Katie', family_name: family, date_of_birth: '2012-07-03', sex: 'female',
  });
  assert.equal(second.status, 201, second.text);
  harbourOk(['people', 'match', '--db', url]);

  const { context, page, problems } = await openPage();
  try {
    await signIn(page, 'demo.coordinator');
    await page.goto(`${base}/matching`);
    await checkAccessibility(page);
    await page.screenshot({ path: join(shots, 'duplicate-queue.png'), fullPage: true });
    await page.getByRole('link', { name: new RegExp(`Review.*${family}`) }).first().click();
    await page.getByRole('heading', { name: 'Why the matcher thinks so' }).waitFor();
    const waterfall = page.locator('#waterfall');
    await waterfall.getByText('known variant').waitFor();
    await waterfall.getByText('Prior').waitFor();
    await checkAccessibility(page);
    await page.screenshot({ path: join(shots, 'duplicate-review.png'), fullPage: true });
    await page.getByLabel(/merge, keeping the first record/).check();
    await page.getByLabel('Reason').fill('Same school and GP; confirmed with the school.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByText('Another record of this child was merged into this one').waitFor();

    // Undo it from the child's page.
    await page.getByRole('link', { name: /Undo this merge/ }).click();
    await page.getByRole('heading', { name: 'Undo a merge' }).waitFor();
    await checkAccessibility(page);
    await page.screenshot({ path: join(shots, 'undo-merge.png'), fullPage: true });
    await page.getByLabel('Why are you undoing it?').fill('Two girls of that name at the school.');
    await page.getByRole('button', { name: 'Undo the merge' }).click();
    await page.getByText('The merge was undone').waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
