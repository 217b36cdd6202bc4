// Missing episodes and return interviews in a real browser (issue 4): a practitioner records an
// episode with the child's return; the episode's 72-hour clock shows; an interview by the
// child's carer is refused with what was typed kept; an independent interviewer's completed
// interview raises a concern from a finding, which appears in the child's chronology with its
// indicator. No page may log a console error or break the CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, createToken, syntheticNhsNumber, uniqueName } from '../support/harbour.mjs';
import { startBrowserHarness } from '../support/browser.mjs';

let harness;

before(async () => {
  harness = await startBrowserHarness({ children: 10, seed: 19 });
}, { timeout: 90_000 });

after(async () => {
  await harness?.stop();
});

// A London wall-clock date and time `hoursAgo` before now, as the form's boxes take them.
function londonParts(hoursAgo) {
  const at = new Date(Date.now() - hoursAgo * 3_600_000);
  const part = (options) => at.toLocaleString('en-GB', { timeZone: 'Europe/London', ...options });
  return {
    day: part({ day: 'numeric' }),
    month: part({ month: 'numeric' }),
    year: part({ year: 'numeric' }),
    time: part({ hour: '2-digit', minute: '2-digit', hour12: false }),
  };
}

async function fillWhen(page, prefix, parts) {
  for (const [box, value] of Object.entries(parts)) await page.locator(`#${prefix}_${box}`).fill(value);
}

test('record an episode, its return and an independent return interview', { timeout: 180_000 }, async () => {
  const { base, openPage, signIn } = harness;
  const api = new ApiClient(base, createToken(harness.url, 'demo.practitioner'));
  const created = await api.post('/api/v1/children', {
    given_name: uniqueName('Ivy'),
    family_name: uniqueName('Runwell'),
    date_of_birth: `${new Date().getUTCFullYear() - 14}-05-02`,
    sex: 'female',
    nhs_number: syntheticNhsNumber(),
  });
  assert.equal(created.status, 201, created.text);
  const child = created.json;

  const expected = new Set();
  const { page, context, problems } = await openPage(expected);
  try {
    await signIn(page, 'demo.practitioner');
    await page.goto(`${base}/children/${child.id}`);
    await page.getByRole('link', { name: 'Missing episodes' }).click();
    await page.waitForURL(`${base}/children/${child.id}/missing`);
    await page.locator('#kind-missing').check();
    await fillWhen(page, 'started', londonParts(30));
    await page.locator('#reported_by').fill('Foster carer, by phone to police');
    await page.locator('#police_reference').fill('MISPER/2026/0001');
    await page.locator('#risk_grade').selectOption('medium');
    await page.locator('#carer_name').fill('Jo Fosterley');
    await fillWhen(page, 'returned', londonParts(6));
    await page.locator('#where_found').fill('A flat above the takeaway on Quay Street');
    await page.locator('#found_with').fill('Two older males');
    await page.getByRole('button', { name: 'Record the episode' }).click();
    await page.waitForURL(/\/missing\/[0-9a-f]{32}/);
    const episodeUrl = page.url().replace(/[?#].*$/, '');
    expected.add(`${episodeUrl}/interview`);
    expected.add(episodeUrl);
    assert.match(await page.locator('#clock').innerText(), /Due in \d+ hours/);

    // The carer may not interview the child.
    await page.locator('#status-completed').check();
    await fillWhen(page, 'held', londonParts(2));
    await page.locator('#place').fill('School, quiet room');
    await page.locator('#interviewer_name').fill('  jo fosterley ');
    await page.locator('#interviewer_agency').selectOption({ label: 'Safe Harbour Project' });
    await page.locator('#finding_pull_factors').fill('Promised a phone and money by the older males.');
    await page.getByRole('button', { name: 'Record the interview' }).click();
    await assert.doesNotReject(page.getByRole('heading', { name: 'There is a problem' }).waitFor());
    assert.match(await page.locator('#interviewer_name-error').innerText(), /carer/i);
    assert.equal(await page.locator('#finding_pull_factors').inputValue(),
                 'Promised a phone and money by the older males.', 'kept as typed');

    // An independent interviewer; the pull factor raises a concern with an indicator.
    await page.locator('#interviewer_name').fill('Sam Independent');
    await page.locator('#concern_finding').selectOption('pull_factors');
    const indicator = page.locator('input[name="concern_indicators"]').first();
    const indicatorLabel = (await page.locator(`label[for="${await indicator.getAttribute('id')}"]`).innerText()).trim();
    await indicator.check();
    await page.getByRole('button', { name: 'Record the interview' }).click();
    await page.waitForURL((url) => url.href.startsWith(episodeUrl) && !url.href.endsWith('/interview'));
    assert.match(await page.locator('#clock').innerText(), /Completed in time/);

    await page.goto(`${base}/children/${child.id}/chronology`);
    const text = await page.locator('main').innerText();
    assert.match(text, /Missing episode/i);
    assert.match(text, /Return interview/i);
    assert.ok(text.includes(indicatorLabel), `the raised concern shows its indicator "${indicatorLabel}"`);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, []);
});
