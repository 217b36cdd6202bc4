// Partner intelligence in a real browser (issue 5): a housing worker submits intelligence about
// a car and a man seen with a child at a hotel (first without saying what they know: refused,
// with what was typed kept); the intelligence officer sees the source, creates records for the
// man, the car and the hotel, links them to the child, and grades and sanitises the report (a
// sanitised text naming the source's agency is refused); the housing worker sees the outcome but
// never the grade or the sanitised text; the child's page shows the linked man, car and hotel to
// the coordinator, but not to the housing worker, and a practitioner of an uninvolved agency
// cannot open the child at all. No page may log a console error or break the CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, createToken, syntheticNhsNumber, uniqueName } from '../support/harbour.mjs';
import { startBrowserHarness } from '../support/browser.mjs';

let harness;

before(async () => {
  harness = await startBrowserHarness({ children: 10, seed: 23 });
}, { timeout: 90_000 });

after(async () => {
  await harness?.stop();
});

async function asUser(username, expected, body) {
  const { page, context, problems } = await harness.openPage(expected);
  try {
    await harness.signIn(page, username);
    await body(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], `${username}: no console errors or CSP violations`);
}

test('housing intelligence about a man, a car and a hotel reaches the child page', { timeout: 240_000 }, async () => {
  const { base } = harness;
  const housing = new ApiClient(base, createToken(harness.url, 'worker.hhouse'));
  const created = await housing.post('/api/v1/children', {
    given_name: uniqueName('Nia'),
    family_name: uniqueName('Quayside'),
    date_of_birth: `${new Date().getUTCFullYear() - 15}-02-11`,
    sex: 'female',
    nhs_number: syntheticNhsNumber(),
  });
  assert.equal(created.status, 201, created.text);
  const child = created.json;
  const man = uniqueName('Dean Marsh');
  // A car the intelligence unit already knows: the officer is offered its record, not a new one.
  const letters = 'ABCDEFGHJKLMNOPRSTUVWXY';
  const pick = () => letters[Math.floor(Math.random() * letters.length)];
  const mark = `HB${10 + Math.floor(Math.random() * 80)}${pick()}${pick()}${pick()}`;
  const intel = new ApiClient(base, createToken(harness.url, 'demo.intel'));
  const known = await intel.post('/api/v1/records/vehicles',
    { registration: mark, make: 'Ford', model: 'Focus', colour: 'silver', confirm: true });
  assert.equal(known.status, 201, known.text);
  const typedMark = `${mark.slice(0, 4).toLowerCase()} ${mark.slice(4).toLowerCase()}`;
  let reportUrl;

  // The housing worker submits from the child's page.
  await asUser('worker.hhouse', new Set([`${base}/intelligence`]), async (page) => {
    await page.goto(`${base}/children/${child.id}`);
    await page.getByRole('link', { name: 'Submit intelligence' }).click();
    await page.waitForURL(`${base}/intelligence/new?child=${child.id}`);
    await page.locator('#who').fill(`A man who calls himself ${man}, about 30`);
    await page.locator('#where').fill('Seaview Hotel car park, Quay Street');
    await page.locator('#when').fill('Three evenings last week, around 9pm');
    await page.locator('#category').selectOption('sexual_exploitation');
    await page.locator('#knowledge-first_hand').check();
    await page.locator('#immediate_danger-no').check();
    await page.locator('#person_name').fill(man);
    await page.locator('#person_age').fill('about 30');
    await page.locator('#vehicle_registration').fill(typedMark);
    await page.locator('#vehicle_make').fill('Ford');
    await page.locator('#vehicle_model').fill('Focus');
    await page.locator('#vehicle_colour').fill('silver');
    await page.locator('#place_name').fill('Seaview Hotel');
    await page.locator('#place_place_type').selectOption('hotel');
    await page.locator('#place_postcode').fill('hb1 2ab');
    await page.getByRole('button', { name: 'Submit intelligence' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.match(await page.locator('#what-error').innerText(), /what happened/i);
    assert.equal(await page.locator('#vehicle_registration').inputValue(), typedMark, 'kept as typed');
    assert.equal(await page.locator('#place_place_type').inputValue(), 'hotel');

    await page.locator('#what').fill(`${child.given_name} was seen getting out of a silver Ford Focus with ${man} and going into the hotel.`);
    await page.getByRole('button', { name: 'Submit intelligence' }).click();
    await page.waitForURL(/\/intelligence\/reports\/[0-9a-f]{32}\?made=1/);
    reportUrl = page.url().replace(/[?#].*$/, '');
    await page.getByText('Intelligence submitted').waitFor();
    assert.match(await page.locator('#report-status').innerText(), /With the intelligence unit/);
  });

  // The intelligence officer: the source, records for each subject, links, then the grade.
  const officerUrls = new Set([`${reportUrl}/grade`]);
  await asUser('demo.intel', officerUrls, async (page) => {
    await page.goto(`${base}/intelligence/queue`);
    await page.locator(`#waiting a[href="${reportUrl.replace(base, '')}"]`).click();
    await page.waitForURL(reportUrl);
    assert.match(await page.locator('#source-details').innerText(), /Harbourside Housing/);

    // The car: its exact match is offered before a new record is created, and used.
    const car = page.locator('.govuk-summary-card[data-type="vehicle"]');
    await car.locator('summary').click();
    await car.getByRole('button', { name: 'Create the record' }).click();
    await page.waitForURL(/\/subjects\/[0-9a-f]{32}\/create$/);
    const offered = page.locator('.govuk-summary-card[data-type="vehicle"] .govuk-inset-text');
    assert.match(await offered.innerText(), /Existing records match exactly/);
    await offered.getByRole('button', { name: 'Use this record' }).first().click();
    await page.waitForURL((url) => url.href.startsWith(reportUrl) && !url.href.includes('/subjects/'));
    assert.equal(await page.locator('.govuk-summary-card[data-type="vehicle"] form').count(), 0, 'matched');

    for (const kind of ['person', 'place']) {
      const card = page.locator(`.govuk-summary-card[data-type="${kind}"]`);
      await card.locator('summary').click();
      if (kind === 'person') {
        await card.locator('input[name="age_from"]').fill('25');
        await card.locator('input[name="age_to"]').fill('35');
      }
      await card.getByRole('button', { name: 'Create the record' }).click();
      await page.waitForURL((url) => url.href.startsWith(reportUrl) && !url.href.includes('/subjects/'));
    }
    const cards = await page.locator('#subjects ~ .govuk-summary-card').allInnerTexts();
    assert.ok(cards.some((t) => t.includes(man)), 'the man is a record');
    assert.ok(cards.some((t) => t.includes(`${mark.slice(0, 4)} ${mark.slice(4)}`)), 'the car is the known record');
    assert.ok(cards.some((t) => t.includes('Seaview Hotel, HB1 2AB')), 'the hotel is a record');

    const link = async (from, type, to) => {
      await page.locator('#from').selectOption({ label: from });
      await page.locator('#link_type').selectOption(type);
      await page.locator('#to').selectOption({ label: to });
      await page.getByRole('button', { name: 'Link them' }).click();
      await page.waitForURL(/\?linked=1/);
    };
    const labels = await page.locator('#from option').allInnerTexts();
    const childLabel = labels.find((l) => l.startsWith('Child: '));
    const manLabel = labels.find((l) => l.startsWith('Person: '));
    const carLabel = labels.find((l) => l.startsWith('Vehicle: '));
    const hotelLabel = labels.find((l) => l.startsWith('Place: '));
    assert.ok(childLabel && manLabel && carLabel && hotelLabel, labels.join(' | '));
    await link(childLabel, 'suspected_exploiter', manLabel);
    await link(manLabel, 'driver', carLabel);
    await link(childLabel, 'seen_in', carLabel);
    await link(childLabel, 'seen_at', hotelLabel);
    assert.equal((await page.locator('#report-links li').allInnerTexts()).length, 4);

    // Grade: a sanitised text naming the source's agency is refused, with what was typed kept.
    await page.locator('#source-2').check();
    await page.locator('#intelligence-B').check();
    await page.locator('#handling-P').check();
    const leaky = 'Harbourside Housing report a young person seen with an adult male at a hotel.';
    await page.locator('#sanitised_text').fill(leaky);
    await page.locator('#outcome').selectOption('log_created');
    await page.getByRole('button', { name: 'Record the grade and outcome' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.match(await page.locator('#sanitised_text-error').innerText(), /names the source/);
    assert.equal(await page.locator('#sanitised_text').inputValue(), leaky);
    await page.locator('#sanitised_text').fill('A young person has been seen with an adult male in a silver car at a hotel.');
    await page.getByRole('button', { name: 'Record the grade and outcome' }).click();
    await page.waitForURL(/\?graded=1/);
    assert.match(await page.locator('#grade').innerText(), /2\/B\/P/);
  });

  // The housing worker hears the outcome; never the grade or the sanitised text.
  await asUser('worker.hhouse', new Set(), async (page) => {
    await page.goto(`${base}/my/intelligence`);
    assert.match(await page.locator('#submissions').innerText(), /Intelligence log created/);
    await page.goto(reportUrl);
    assert.match(await page.locator('#outcome-message').innerText(), /intelligence log has been created/i);
    assert.equal(await page.locator('#sanitised-text').count(), 0, 'no sanitised text for the submitter');
    assert.equal(await page.locator('#grade').count(), 0, 'no grade for the submitter');
    // The child's page has no linked records for a practitioner.
    await page.goto(`${base}/children/${child.id}`);
    assert.equal(await page.locator('#linked-records').count(), 0);
    assert.ok(!(await page.locator('main').innerText()).includes('Seaview Hotel'));
  });

  // The coordinator sees the linked man, car and hotel on the child's page.
  await asUser('demo.coordinator', new Set(), async (page) => {
    await page.goto(`${base}/children/${child.id}`);
    const linked = await page.locator('#linked-records').innerText();
    assert.ok(linked.includes(man), linked);
    assert.ok(linked.includes(`${mark.slice(0, 4)} ${mark.slice(4)}`), linked);
    assert.match(linked, /Seaview Hotel/);
    assert.match(linked, /Suspected exploiter/);
    assert.match(linked, /2\/B\/P/);
    await page.goto(reportUrl);
    assert.match(await page.locator('#sanitised-text').innerText(), /young person/);
    assert.equal(await page.locator('#source-details').count(), 0, 'no source for the coordinator');
    assert.equal(await page.locator('#original').count(), 0, 'no original for the coordinator');
  });

  // A practitioner of an agency not involved with the child cannot open the record.
  const childUrl = `${base}/children/${child.id}`;
  await asUser('worker.hyot', new Set([childUrl, reportUrl]), async (page) => {
    const res = await page.goto(childUrl);
    assert.equal(res.status(), 404);
    const report = await page.goto(reportUrl);
    assert.equal(report.status(), 404);
  });
});
