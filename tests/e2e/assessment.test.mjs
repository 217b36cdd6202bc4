// A risk assessment in a real browser (issue 3): a school's practitioner has logged two
// concerns about a child; the practitioner starts an
// assessment, sees the answers pre-filled with where they came from, confirms them, saves a
// draft, judges the risk lower than the tool, is asked for a rationale (what was entered is
// kept), gives one, submits, and sees the tool's level, the explanation and the tasks; completes
// a task on "My tasks"; the child's page shows the level and the next review. The coordinator
// is alerted to the lower judgement. No page may log a console error or break the CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, createToken, repoRoot, syntheticNhsNumber, uniqueName } from '../support/harbour.mjs';
import { startBrowserHarness } from '../support/browser.mjs';

let harness;

before(async () => {
  harness = await startBrowserHarness({ children: 20, seed: 11 });
}, { timeout: 90_000 });

after(async () => {
  await harness?.stop();
});

const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

// A child known to the school (demo.practitioner) with two concerns, five and two days ago.
async function childWithConcerns() {
  const school = new ApiClient(harness.base, createToken(harness.url, 'demo.practitioner'));
  const child = await school.post('/api/v1/children', {
    given_name: uniqueName('Ro'),
    family_name: uniqueName('Assessfield'),
    date_of_birth: `${new Date().getUTCFullYear() - 14}-03-04`,
    sex: 'female',
    nhs_number: syntheticNhsNumber(),
    postcode: 'HB2 3DE',
  });
  assert.equal(child.status, 201, child.text);
  const id = child.json.id;
  const concern = (indicators, when) => ({
    observed_at: when,
    category: 'sexual_exploitation',
    indicators,
    narrative: 'Seen being collected from school by an unknown adult in a car; new phone.',
    first_hand: true,
    immediate_danger: false,
    location: 'outside the school',
  });
  const first = await school.post(`/api/v1/children/${id}/concerns`,
                                  concern(['ws.unexplained_gifts', 'ws.cars_with_unknown_adults'], daysAgo(5)));
  assert.equal(first.status, 201, first.text);
  const second = await school.post(`/api/v1/children/${id}/concerns`, concern(['ws.unexplained_gifts'], daysAgo(2)));
  assert.equal(second.status, 201, second.text);
  return { id, name: `${child.json.given_name} ${child.json.family_name}` };
}

test('a practitioner completes a pre-filled assessment, disagrees with a rationale and sees the tasks', { timeout: 180_000 }, async () => {
  const { base, openPage, signIn } = harness;
  const child = await childWithConcerns();
  const childUrl = `${base}/children/${child.id}`;
  // The two refused submissions (422) are the point of the test; their URLs are added below.
  const expected422 = new Set();
  const { context, page, problems } = await openPage(expected422);
  try {
    await signIn(page, 'demo.practitioner');
    await page.goto(childUrl);
    await assert.doesNotReject(page.locator('#review-marker', { hasText: 'Not assessed' }).waitFor(),
                               'an unassessed child is marked so');

    // Start: the answers the records suggest are shown with where they came from.
    await page.getByRole('button', { name: 'Start a risk assessment' }).click();
    await page.waitForURL(new RegExp(`/children/${child.id}/assessments/[0-9a-f]{32}$`));
    const assessmentUrl = page.url();
    expected422.add(assessmentUrl);
    const gifts = page.locator('[data-indicator="ws.unexplained_gifts"]');
    const cars = page.locator('[data-indicator="ws.cars_with_unknown_adults"]');
    await assert.doesNotReject(gifts.getByText('Suggested by the records').waitFor(), 'gifts is pre-filled');
    assert.equal(await gifts.locator('.harbour-provenance li').count(), 2, 'both concerns are named as sources');
    assert.match(await gifts.locator('.harbour-provenance').innerText(), /Harbourside|Academy|School|recorded by/i);
    await assert.doesNotReject(cars.getByText('Suggested by the records').waitFor(), 'cars is pre-filled');
    assert.notEqual(await cars.locator('input[type=date]').first().inputValue(), '', 'the last-seen date is pre-filled');

    // Confirm both, save a draft, and come back to it.
    await gifts.getByLabel('Yes, confirm').check();
    await cars.getByLabel('Yes, confirm').check();
    await page.getByRole('button', { name: 'Save as a draft' }).click();
    await page.waitForURL(`${assessmentUrl}?saved=1`);
    await assert.doesNotReject(page.getByText('Draft saved').waitFor());
    assert.ok(await gifts.getByLabel('Yes, confirm').isChecked(), 'the draft keeps the confirmation');
    const preview = await page.locator('#preview').innerText();
    assert.match(preview, /the tool's level is/);

    // Judge lower than the tool without a rationale: refused, with the answers kept.
    await page.locator('#judged_level-no_current_concern').check();
    await page.getByRole('button', { name: 'Submit the assessment' }).click();
    await assert.doesNotReject(page.getByRole('heading', { name: 'There is a problem' }).waitFor());
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Explain why your judged level differs/);
    assert.ok(await cars.getByLabel('Yes, confirm').isChecked(), 'the confirmed answer is kept');
    assert.ok(await page.locator('#judged_level-no_current_concern').isChecked(), 'the judged level is kept');

    // Give the rationale and submit.
    const rationale = 'Known to us for a year; the car was her older cousin\'s, checked with the family.';
    await page.locator('#rationale').fill(rationale);
    await page.getByRole('button', { name: 'Submit the assessment' }).click();
    await page.waitForURL(`${assessmentUrl}?submitted=1`);
    await assert.doesNotReject(page.getByText('Assessment submitted').waitFor());
    assert.equal((await page.locator('#judged-level').innerText()).trim(), 'No current concern');
    const computed = (await page.locator('#computed-level').innerText()).trim();
    assert.notEqual(computed, 'No current concern', 'the tool computed a higher level');
    assert.equal((await page.locator('#rationale').innerText()).trim(), rationale);
    assert.match(await page.locator('#plan-note').innerText(), /The tool's required actions still apply/,
                 'a lower judgement keeps the tool\'s actions');
    const contributions = await page.locator('#contributions').innerText();
    assert.match(contributions, /Getting into cars with unknown adults/);
    const taskRows = page.locator('#tasks tbody tr');
    assert.ok(await taskRows.count() >= 1, 'the required actions became tasks');
    // The practitioner's own action (a safeguarding lead's goes to the agency's leads).
    const ownRow = taskRows.filter({ has: page.locator('td:nth-child(2)', { hasText: /^Practitioner$/ }) }).first();
    const firstTask = (await ownRow.locator('td').first().innerText()).trim();
    mkdirSync(join(repoRoot, 'build/screenshots'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, 'build/screenshots/assessment.png'), fullPage: true });

    // My tasks lists them; completing one needs an outcome and records it.
    await page.goto(`${base}/tasks`);
    const task = page.locator('.harbour-task', { hasText: firstTask }).first();
    await assert.doesNotReject(task.waitFor(), 'the task is on My tasks');
    expected422.add(new URL(await task.locator('form').getAttribute('action'), base).href);
    await task.getByRole('button', { name: 'Mark as done' }).click();
    await assert.doesNotReject(page.getByText('Enter what was done').first().waitFor(), 'an outcome is required');
    const again = page.locator('.harbour-task', { hasText: firstTask }).first();
    await again.locator('textarea').fill('Recorded on the school system; outcome shared with the DSL.');
    await again.getByRole('button', { name: 'Mark as done' }).click();
    await page.waitForURL(`${base}/tasks?completed=1`);
    await assert.doesNotReject(page.getByText('Recorded on the school system; outcome shared with the DSL.').waitFor());

    // The chronology shows the assessment beside the concerns it drew on.
    await page.goto(`${childUrl}/chronology?type=assessment`);
    await assert.doesNotReject(
      page.getByRole('heading', { name: `Risk assessment: No current concern (the tool: ${computed})` }).waitFor(),
      'the assessment is in the chronology');

    // The child's page shows the level and the next review.
    await page.goto(childUrl);
    assert.equal((await page.locator('#current-level').innerText()).trim(), 'No current concern');
    assert.match(await page.locator('#review-marker').innerText(), /Next review by|Review due/);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'no console errors, exceptions, CSP violations or failed assets');

  // The coordinator is alerted to the judgement below the tool's level.
  const coordinator = await openPage();
  try {
    await signIn(coordinator.page, 'demo.coordinator');
    const alert = coordinator.page.locator('tr', { hasText: child.name });
    await assert.doesNotReject(alert.getByText('Judged below the computed risk level').waitFor());
    assert.match(await alert.innerText(), /Alex Morgan judged No current concern; the tool computed/);
    await coordinator.page.goto(`${base}/reviews`);
    await assert.doesNotReject(coordinator.page.getByRole('heading', { name: 'Reviews due across the area' }).waitFor());
  } finally {
    await coordinator.context.close();
  }
  assert.deepEqual(coordinator.problems, [], 'no console errors for the coordinator');
});
