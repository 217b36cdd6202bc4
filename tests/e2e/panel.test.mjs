// The panel in a real browser (issue 4): a voluntary-sector practitioner refers a child; the
// exploitation coordinator accepts the referral, arranges a meeting, adds the child from the
// proposed agenda and invites a panel member; the panel member records the category, the
// exploitation model and an action (a decision without a model is refused and keeps what was
// typed); the action is in its owner's "My tasks" and the child's chronology; the minutes print
// and export; and the referrer follows every step on "My referrals". A panel member is refused
// a child who is not on their agenda. No page may log a console error or break the CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, createToken, syntheticNhsNumber, uniqueName } from '../support/harbour.mjs';
import { startBrowserHarness } from '../support/browser.mjs';

let harness;

before(async () => {
  harness = await startBrowserHarness({ children: 10, seed: 17 });
}, { timeout: 90_000 });

after(async () => {
  await harness?.stop();
});

const londonDate = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000)
  .toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
// "HH:MM" in Europe/London, two minutes ago, and its date: a meeting that has just begun.
const justBegan = () => {
  const at = new Date(Date.now() - 120_000);
  return {
    date: at.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }),
    time: at.toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false }),
  };
};

async function newChild(client, given) {
  const created = await client.post('/api/v1/children', {
    given_name: uniqueName(given),
    family_name: uniqueName('Panelton'),
    date_of_birth: `${new Date().getUTCFullYear() - 14}-03-09`,
    sex: 'female',
    nhs_number: syntheticNhsNumber(),
  });
  assert.equal(created.status, 201, created.text);
  return created.json;
}

test('refer, accept, meet, decide, act: the referrer sees each step', { timeout: 240_000 }, async () => {
  const { base, openPage, signIn } = harness;
  const voluntary = new ApiClient(base, createToken(harness.url, 'demo.voluntary'));
  const child = await newChild(voluntary, 'Mae');
  const name = `${child.given_name} ${child.family_name}`;
  const elsewhere = await newChild(voluntary, 'Ora');  // never on an agenda

  // 1. The voluntary-sector practitioner refers.
  const referrer = await openPage();
  let referralUrl;
  try {
    await signIn(referrer.page, 'demo.voluntary');
    await referrer.page.goto(`${base}/children/${child.id}/referrals/new`);
    await referrer.page.locator('#no_assessment_reason').fill('First contact this week.');
    await referrer.page.locator('#reason').fill('Seen getting into cars with older men near the retail park.');
    await referrer.page.locator('#sharing-consent').check();
    await referrer.page.getByRole('button', { name: 'Send the referral' }).click();
    await referrer.page.waitForURL(/\/referrals\/[0-9a-f]{32}\?made=1$/);
    referralUrl = referrer.page.url().replace(/\?.*$/, '');
  } finally {
    await referrer.context.close();
  }
  assert.deepEqual(referrer.problems, []);

  // 2. The coordinator accepts it, arranges a meeting today, adds the child and a member.
  // The first try at arranging the meeting is refused (a start in the past): a 422, expected.
  const coordinator = await openPage(new Set([`${base}/panel/meetings`]));
  let meetingUrl;
  try {
    await signIn(coordinator.page, 'demo.coordinator');
    await coordinator.page.goto(referralUrl);
    for (const step of ['Being screened', 'Accepted for a meeting']) {
      await coordinator.page.getByLabel(step).check();
      await coordinator.page.getByRole('button', { name: 'Save and tell the referrer' }).click();
      await coordinator.page.waitForURL(`${referralUrl}?moved=1`);
    }
    await coordinator.page.getByRole('link', { name: 'Panel', exact: true }).click();
    await coordinator.page.waitForURL(`${base}/panel`);
    // The meeting has just begun: arranging it now means recording a meeting that took place.
    const began = justBegan();
    await coordinator.page.locator('#date').fill(began.date);
    await coordinator.page.locator('#time').fill(began.time);
    await coordinator.page.locator('#place').fill('Room 4, Civic Centre');
    await coordinator.page.getByRole('button', { name: 'Arrange the meeting' }).click();
    await coordinator.page.getByText('To record a meeting that has already taken place').first().waitFor();
    assert.equal(await coordinator.page.locator('#place').inputValue(), 'Room 4, Civic Centre', 'what was typed is kept');
    await coordinator.page.getByLabel('Recording a meeting that took place').check();
    await coordinator.page.getByRole('button', { name: 'Arrange the meeting' }).click();
    await coordinator.page.waitForURL(/\/panel\/meetings\/[0-9a-f]{32}\?created=1$/);
    meetingUrl = coordinator.page.url().replace(/\?.*$/, '');
    await coordinator.page.getByText('Recorded after it took place').first().waitFor();
    await coordinator.page.getByRole('button', { name: `Add ${name} to the agenda` }).click();
    await coordinator.page.waitForURL(`${meetingUrl}#agenda`);
    await assert.doesNotReject(coordinator.page.locator('#agenda-items').getByRole('link', { name }).waitFor());
    await coordinator.page.locator('#user_id').selectOption({ label: 'Riley Hughes (Harbourside NHS Foundation Trust)' });
    await coordinator.page.getByRole('button', { name: 'Invite' }).click();
    await coordinator.page.waitForURL(`${meetingUrl}#members`);
    await coordinator.page.getByLabel('Attendance of Riley Hughes').selectOption('present');
    await coordinator.page.getByLabel('Attendance of Casey Lewis').selectOption('present');
    await coordinator.page.getByRole('button', { name: 'Save attendance' }).click();
    await coordinator.page.waitForURL(`${meetingUrl}#members`);
    assert.equal(await coordinator.page.getByLabel('Attendance of Riley Hughes').inputValue(), 'present');
  } finally {
    await coordinator.context.close();
  }
  assert.deepEqual(coordinator.problems, []);

  // 3. The panel member records the decision and an action.
  const notOnAgenda = `${base}/children/${elsewhere.id}`;
  const expected = new Set([notOnAgenda]);  // the refused decision's URL is added below
  const member = await openPage(expected);
  try {
    await signIn(member.page, 'demo.panel');
    await member.page.getByRole('link', { name: 'Panel', exact: true }).click();
    await member.page.locator('#upcoming').getByRole('link').first().click();
    await member.page.waitForURL(meetingUrl);
    await member.page.locator('#agenda-items').getByRole('link', { name }).click();
    await member.page.waitForURL(/\/items\/[0-9a-f]{32}$/);
    const itemUrl = member.page.url();
    expected.add(itemUrl);
    await member.page.getByLabel('Category 2: significant risk').check();
    await member.page.locator('#plan').fill('Disruption: CAWN against the driver; school mentor twice a week.');
    await member.page.locator('#next_review').fill(londonDate(28));
    await member.page.getByRole('button', { name: 'Record the decision' }).click();
    await assert.doesNotReject(member.page.getByRole('heading', { name: 'There is a problem' }).waitFor());
    assert.match(await member.page.locator('#models-error').innerText(), /required once discussed/);
    assert.equal(await member.page.locator('#plan').inputValue(),
                 'Disruption: CAWN against the driver; school mentor twice a week.', 'kept as typed');
    assert.ok(await member.page.getByLabel('Category 2: significant risk').isChecked(), 'choice kept');
    await member.page.getByLabel('Peer exploitation').check();
    await member.page.getByLabel('Online element').check();
    await member.page.getByRole('button', { name: 'Record the decision' }).click();
    await member.page.waitForURL(`${itemUrl}#actions`);
    assert.match(await member.page.locator('#recorded-decision').innerText(),
                 /Category 2: significant risk.*Peer exploitation; Online element/);
    await member.page.locator('#title').fill('Return home interview follow-up visit');
    const owner = await member.page.locator('#owner option', { hasText: 'Riley Hughes' }).innerText();
    await member.page.locator('#owner').selectOption({ label: owner });
    await member.page.locator('#due').fill(londonDate(7));
    await member.page.getByRole('button', { name: 'Add the action' }).click();
    await member.page.waitForURL(`${itemUrl}#actions`);
    await assert.doesNotReject(member.page.locator('#action-list').getByText('Return home interview follow-up visit').waitFor());

    // The child is open to them while on the agenda; a child who is not stays hidden.
    await member.page.goto(`${base}/children/${child.id}/chronology`);
    await assert.doesNotReject(member.page.getByText(/Panel action: Return home interview follow-up visit/).waitFor());
    const refused = await member.page.goto(notOnAgenda);
    assert.equal(refused.status(), 404);

    // The action is theirs to do.
    await member.page.goto(`${base}/tasks`);
    await assert.doesNotReject(member.page.getByText('Return home interview follow-up visit').first().waitFor());

    // Minutes: a printable page and two exports.
    await member.page.goto(`${meetingUrl}/minutes`);
    await assert.doesNotReject(member.page.getByRole('heading', { name: /^Minutes: / }).waitFor());
    assert.match(await member.page.locator('#attendance').innerText(), /Harbourside NHS Foundation Trust\s+Present/);
    await member.page.emulateMedia({ media: 'print' });
    assert.equal(await member.page.locator('.govuk-service-navigation').isVisible(), false, 'no menu in print');
    await member.page.emulateMedia({ media: 'screen' });
    const pdf = await member.page.request.get(`${meetingUrl}/minutes.pdf`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));
    const html = await member.page.request.get(`${meetingUrl}/minutes?format=html`);
    assert.match(html.headers()['content-disposition'], /attachment; filename="minutes-.*\.html"/);
    assert.match(await html.text(), new RegExp(`${name} \\(New referral\\)`));
  } finally {
    await member.context.close();
  }
  assert.deepEqual(member.problems, []);

  // 4. The referrer sees each step.
  const back = await openPage();
  try {
    await signIn(back.page, 'demo.voluntary');
    await back.page.goto(`${base}/my/referrals`);
    const text = await back.page.locator('.govuk-summary-card', { hasText: name }).innerText();
    assert.match(text, /was accepted for a .* meeting/);
    assert.match(text, new RegExp(`${name} is on the agenda of the .* meeting on`));
    assert.match(text, new RegExp(`discussed ${name}`));
    assert.match(text, /Category 2: significant risk\. Exploitation model: Peer exploitation/);
    assert.match(text, /agreed an action/);
    assert.match(text, /Harbourside NHS Foundation Trust owns it/);
  } finally {
    await back.context.close();
  }
  assert.deepEqual(back.problems, []);
});
