// The feedback loop in a real browser (issue 4, first slice): a voluntary-sector practitioner
// refers a child to the panel; the exploitation coordinator screens and accepts the referral
// from the queue; the referrer sees every step on "My referrals", with an unread count in the
// header. No page may log a console error or break the CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, createToken, syntheticNhsNumber, uniqueName } from '../support/harbour.mjs';
import { startBrowserHarness } from '../support/browser.mjs';

let harness;

before(async () => {
  harness = await startBrowserHarness({ children: 10, seed: 13 });
}, { timeout: 90_000 });

after(async () => {
  await harness?.stop();
});

test('a voluntary worker refers, the coordinator accepts, the referrer sees each step', { timeout: 180_000 }, async () => {
  const { base, openPage, signIn } = harness;
  const voluntary = new ApiClient(base, createToken(harness.url, 'demo.voluntary'));
  const created = await voluntary.post('/api/v1/children', {
    given_name: uniqueName('Kit'),
    family_name: uniqueName('Referfield'),
    date_of_birth: `${new Date().getUTCFullYear() - 15}-07-08`,
    sex: 'female',
    nhs_number: syntheticNhsNumber(),
  });
  assert.equal(created.status, 201, created.text);
  const child = created.json;
  const name = `${child.given_name} ${child.family_name}`;

  // The referrer (the first send is refused on purpose: a 422 for the form's URL is expected).
  const referrer = await openPage(new Set([`${base}/children/${child.id}/referrals`]));
  let referralUrl;
  try {
    await signIn(referrer.page, 'demo.voluntary');
    await referrer.page.goto(`${base}/children/${child.id}`);
    await referrer.page.getByRole('link', { name: 'Refer to the panel' }).click();
    await referrer.page.waitForURL(`${base}/children/${child.id}/referrals/new`);
    await referrer.page.locator('#reason').fill('Picked up from our drop-in by a man in a grey car; new phone and trainers.');
    await referrer.page.locator('#sharing-without_consent').check();
    await referrer.page.locator('#sharing_reason').fill('Asking the family could put her at more risk (DPA 2018 Sch 1 para 18).');
    await referrer.page.getByRole('button', { name: 'Send the referral' }).click();
    await assert.doesNotReject(referrer.page.getByRole('heading', { name: 'There is a problem' }).waitFor(),
                               'without an assessment, a reason for none is needed');
    await referrer.page.locator('#no_assessment_reason').fill('We met her for the first time this week.');
    assert.equal(await referrer.page.locator('#sharing_reason').inputValue(),
                 'Asking the family could put her at more risk (DPA 2018 Sch 1 para 18).', 'kept as typed');
    await referrer.page.getByRole('button', { name: 'Send the referral' }).click();
    await referrer.page.waitForURL(/\/referrals\/[0-9a-f]{32}\?made=1$/);
    referralUrl = referrer.page.url().replace(/\?.*$/, '');
    await assert.doesNotReject(referrer.page.getByText('Referral sent').waitFor());
  } finally {
    await referrer.context.close();
  }
  assert.deepEqual(referrer.problems, [], 'no console errors for the referrer');

  // The coordinator screens and accepts it from the queue.
  const coordinator = await openPage();
  try {
    await signIn(coordinator.page, 'demo.coordinator');
    await coordinator.page.goto(`${base}/referrals`);
    await coordinator.page.locator('#to-screen').getByRole('link', { name }).click();
    await coordinator.page.waitForURL(referralUrl);
    for (const step of ['Being screened', 'Accepted for a meeting']) {
      await coordinator.page.getByLabel(step).check();
      await coordinator.page.getByRole('button', { name: 'Save and tell the referrer' }).click();
      await coordinator.page.waitForURL(`${referralUrl}?moved=1`);
      assert.equal((await coordinator.page.locator('#referral-state').innerText()).trim(), step);
    }
    // The referral is part of the child's chronology.
    await coordinator.page.goto(`${base}/children/${child.id}/chronology?type=referral`);
    await assert.doesNotReject(coordinator.page.getByRole('heading', {
      name: 'Referral to the exploitation panel: Accepted for a meeting' }).waitFor());
  } finally {
    await coordinator.context.close();
  }
  assert.deepEqual(coordinator.problems, [], 'no console errors for the coordinator');

  // The referrer sees the unread count and every step.
  const back = await openPage();
  try {
    await signIn(back.page, 'demo.voluntary');
    assert.match(await back.page.locator('#unread-messages').innerText(), /^2 unread/);
    await back.page.locator('#unread-messages').click();
    await back.page.waitForURL(`${base}/my/referrals`);
    const card = back.page.locator('.govuk-summary-card', { hasText: name });
    const text = await card.innerText();
    assert.match(text, new RegExp(`Your referral of ${name} to the .* was received`));
    assert.match(text, /The coordinator is screening your referral/);
    assert.match(text, /was accepted for a .* meeting/);
    assert.match(text, /What happens next/);
    await back.page.reload();
    assert.equal(await back.page.locator('#unread-messages').count(), 0, 'read once seen');
  } finally {
    await back.context.close();
  }
  assert.deepEqual(back.problems, [], 'no console errors when reading the feedback');
});
