// The exploitation panel's meetings through the JSON API (issue 4), on SQLite and PostgreSQL:
// the real `harbour` binary with the synthetic demo area (10 children, seed 7). A referral goes
// from the practitioner through screening to "accepted"; the coordinator arranges a meeting,
// puts the child on its agenda and invites the demo panel member, who then sees that child's
// record (and no other) and records the panel's decision and an action; the referrer hears each
// step; the action's owner completes it through the API. Also: strict bodies, 403 and 404
// refusals (audited), and the minutes PDF for a signed-in coordinator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiClient,
  assertJsonError,
  harbour,
  harbourOk,
  serveDemoArea,
  syntheticNhsNumber,
  uniqueName,
  WebClient,
} from '../support/harbour.mjs';
import { assertEntriesNameTheirChild } from '../support/audit_trail.mjs';
import { postgresEngine, sqliteEngine } from '../support/engines.mjs';

const ID = /^[0-9a-f]{32}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const OTHER_PANEL = 'other.panel';
const OTHER_PASSWORD = 'another-panel-member-password';
const USERS = ['demo.practitioner', 'demo.voluntary', 'demo.coordinator', 'demo.panel', OTHER_PANEL];

// "YYYY-MM-DD" in Europe/London, `days` from today.
const londonDay = (days = 0) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

function childJson() {
  return {
    given_name: uniqueName('Kit'),
    family_name: uniqueName('Panelton'),
    date_of_birth: `${new Date().getUTCFullYear() - 15}-05-21`,
    sex: 'female',
    nhs_number: syntheticNhsNumber(),
    postcode: 'HB1 2AB',
  };
}

function definePanelApiTests(engine) {
  describe(`Panel meetings API on ${engine.name}`, { timeout: 300_000 }, () => {
    let url;
    let server;
    let base;
    const tokens = {};
    const ids = {};
    const api = (username) => new ApiClient(base, tokens[username]);
    const sql = (query) => engine.sql(url, query).trim();

    async function newChild(username = 'demo.practitioner') {
      const res = await api(username).post('/api/v1/children', childJson());
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    async function acceptedReferral(child) {
      const made = await api('demo.practitioner').post(`/api/v1/children/${child.id}/referrals`, {
        no_assessment_reason: 'First seen this week.',
        reason: 'Seen getting into cars with older men after school.',
        sharing: 'consent',
      });
      assert.equal(made.status, 201, made.text);
      for (const to of ['screening', 'accepted']) {
        const moved = await api('demo.coordinator').post(`/api/v1/referrals/${made.json.id}/transitions`, { to });
        assert.equal(moved.status, 200, moved.text);
        assert.equal(moved.json.state, to);
      }
      return made.json;
    }

    async function newMeeting(body = {}) {
      const res = await api('demo.coordinator').post('/api/v1/panel/meetings', {
        date: londonDay(-1), time: '14:00', place: 'Room 2, Harbourside Civic Centre', online: false,
        recorded_afterwards: true, ...body,
      });
      assert.equal(res.status, 201, res.text);
      return res.json;
    }

    serveDemoArea(engine, {
      children: 10, seed: 7, users: USERS, tokens,
      prepare: (fresh) => {
        url = fresh;
        harbourOk(['user', 'add', '--db', url, '--username', OTHER_PANEL, '--name', 'Morgan Other',
                   '--agency', 'HNHS', '--role', 'panel-member', '--password-stdin'], { input: `${OTHER_PASSWORD}\n` });
        for (const u of USERS) {
          ids[u] = sql(`SELECT id FROM users WHERE username = '${u}'`);
          assert.match(ids[u], ID, u);
        }
      },
      ready: (live) => ({ url, server, base } = live),
    });

    test('referral to meeting to decision to action, with the referrer told at each step', async () => {
      const child = await newChild();
      const elsewhere = await newChild();  // never on an agenda
      const referral = await acceptedReferral(child);
      const name = `${child.given_name} ${child.family_name}`;

      // The coordinator arranges the meeting: they are its first member.
      const made = await api('demo.coordinator').post('/api/v1/panel/meetings', {
        date: londonDay(-1), time: '14:00', place: ' Room 2, Harbourside Civic Centre ', online: true,
        recorded_afterwards: true,
      });
      assert.equal(made.status, 201, made.text);
      const meeting = made.json;
      assert.match(meeting.id, ID);
      assert.equal(made.headers.get('location'), `/api/v1/panel/meetings/${meeting.id}`);
      for (const key of Object.keys(meeting)) assert.match(key, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, key);
      assert.equal(meeting.date, londonDay(-1));
      assert.equal(meeting.time, '14:00');
      assert.equal(meeting.recorded_afterwards, true);
      assert.equal(meeting.place, 'Room 2, Harbourside Civic Centre');
      assert.equal(meeting.online, true);
      assert.equal(meeting.reference, `exploitation panel ${londonDay(-1)}`);
      assert.match(meeting.starts_at, INSTANT);
      assert.deepEqual(meeting.members.map((m) => [m.user_id, m.attendance]), [[ids['demo.coordinator'], 'invited']]);
      assert.deepEqual(meeting.items, []);

      // The accepted referral is proposed; a pair that is not a proposal is refused.
      const proposal = meeting.proposals.find((p) => p.referral_id === referral.id);
      assert.ok(proposal, `proposals include the accepted referral: ${JSON.stringify(meeting.proposals)}`);
      assert.equal(proposal.child_id, child.id);
      assert.equal(proposal.reason, 'referral');
      assert.equal(proposal.child_name, name);
      assert.match(proposal.detail, /^Referred by Alex Morgan \(Harbourside Academy\) on /);
      const notProposed = await api('demo.coordinator').post(`/api/v1/panel/meetings/${meeting.id}/agenda`,
        { child_id: elsewhere.id, referral_id: '' });
      assertJsonError(notProposed, 422, 'not a proposal');
      assert.deepEqual(Object.keys(notProposed.json.error.fields), ['child_id']);

      const added = await api('demo.coordinator').post(`/api/v1/panel/meetings/${meeting.id}/agenda`,
        { child_id: child.id, referral_id: referral.id });
      assert.equal(added.status, 201, added.text);
      const item = added.json;
      assert.match(item.id, ID);
      assert.equal(item.meeting_id, meeting.id);
      assert.equal(item.position, 1);
      assert.equal(item.child_id, child.id);
      assert.equal(item.referral_id, referral.id);
      assert.equal(item.reason, 'referral');
      assert.equal(item.decision, null);

      // The panel member is invited; twice is refused.
      const invited = await api('demo.coordinator').post(`/api/v1/panel/meetings/${meeting.id}/members`,
        { user_id: ids['demo.panel'] });
      assert.equal(invited.status, 201, invited.text);
      const member = invited.json.members.find((m) => m.user_id === ids['demo.panel']);
      assert.deepEqual(member, { user_id: ids['demo.panel'], name: 'Riley Hughes', agency: member.agency,
                                 role: 'panel-member', attendance: 'invited' });
      assert.ok(member.agency.length > 0);
      assert.deepEqual(invited.json.items.map((i) => i.id), [item.id]);
      const twice = await api('demo.coordinator').post(`/api/v1/panel/meetings/${meeting.id}/members`,
        { user_id: ids['demo.panel'] });
      assertJsonError(twice, 422, 'already a member');
      assert.match(twice.json.error.fields.user_id, /already a member/);

      // The member sees the meeting (without proposals) and the child on its agenda, nothing else.
      const theirs = await api('demo.panel').get('/api/v1/panel/meetings');
      assert.equal(theirs.status, 200, theirs.text);
      assert.equal(theirs.json.scope, 'mine');
      const listed = theirs.json.meetings.find((m) => m.id === meeting.id);
      assert.ok(listed, 'the member lists the meeting');
      assert.equal(listed.items, 1);
      assert.equal(listed.discussed, 0);
      const seen = await api('demo.panel').get(`/api/v1/panel/meetings/${meeting.id}`);
      assert.equal(seen.status, 200, seen.text);
      assert.equal(seen.json.proposals, undefined, 'proposals are for coordinators');
      assert.deepEqual(seen.json.items.map((i) => i.child_id), [child.id]);
      const record = await api('demo.panel').get(`/api/v1/children/${child.id}`);
      assert.equal(record.status, 200, record.text);
      assert.equal(record.json.id, child.id);
      assertJsonError(await api('demo.panel').get(`/api/v1/children/${elsewhere.id}`), 404, 'a child not on the agenda');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE username = 'demo.panel' AND record_id = '${elsewhere.id}' ` +
                       `AND outcome = 'refused'`), '1', 'the refusal is audited');

      // A panel member of another meeting, and other roles, do not see it.
      const other = await api(OTHER_PANEL).get(`/api/v1/panel/meetings/${meeting.id}`);
      assertJsonError(other, 404, 'a panel member who is not a member');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE username = '${OTHER_PANEL}' AND action = 'panel.view' ` +
                       `AND record_id = '${meeting.id}' AND outcome = 'refused'`), '1');
      assert.deepEqual((await api(OTHER_PANEL).get('/api/v1/panel/meetings')).json.meetings
        .filter((m) => m.id === meeting.id), []);
      assertJsonError(await api(OTHER_PANEL).post(`/api/v1/panel/meetings/${meeting.id}/items/${item.id}/decision`,
        { category: '1', models: ['peer'], plan: 'x', next_review: londonDay(30) }), 404, 'decision by a non-member');
      assertJsonError(await api('demo.practitioner').get(`/api/v1/panel/meetings/${meeting.id}`), 404, 'a practitioner');
      assertJsonError(await api('demo.voluntary').get('/api/v1/panel/meetings'), 403, 'the list for a practitioner');
      assertJsonError(await api('demo.panel').post('/api/v1/panel/meetings', { date: londonDay(1), time: '10:00', online: true }),
                      403, 'a panel member arranging a meeting');
      assertJsonError(await api('demo.panel').post(`/api/v1/panel/meetings/${meeting.id}/members`, { user_id: ids[OTHER_PANEL] }),
                      403, 'a panel member inviting');
      assert.ok(Number(sql("SELECT count(*) FROM audit_log WHERE username = 'demo.panel' AND action = 'panel.manage' " +
                           "AND outcome = 'refused'")) >= 2, '403s are audited');
      assertJsonError(await api('demo.coordinator').get(`/api/v1/panel/meetings/${'0'.repeat(32)}`), 404, 'no such meeting');
      assertJsonError(await api('demo.coordinator').get('/api/v1/panel/meetings/not-an-id'), 404, 'not an id');

      // Attendance: all or nothing.
      const badMark = await api('demo.coordinator').post(`/api/v1/panel/meetings/${meeting.id}/attendance`,
        { attendance: { [ids['demo.panel']]: 'present', [ids[OTHER_PANEL]]: 'present', [ids['demo.coordinator']]: 'late' } });
      assertJsonError(badMark, 422, 'attendance of a non-member and an unknown code');
      assert.deepEqual(Object.keys(badMark.json.error.fields).sort(),
                       [`attendance.${ids['demo.coordinator']}`, `attendance.${ids[OTHER_PANEL]}`].sort());
      const marked = await api('demo.coordinator').post(`/api/v1/panel/meetings/${meeting.id}/attendance`,
        { attendance: { [ids['demo.panel']]: 'present', [ids['demo.coordinator']]: 'present' } });
      assert.equal(marked.status, 200, marked.text);
      assert.ok(marked.json.members.every((m) => m.attendance === 'present'));

      // The member records the decision: every problem named, then accepted.
      const decisionPath = `/api/v1/panel/meetings/${meeting.id}/items/${item.id}/decision`;
      const noModels = await api('demo.panel').post(decisionPath,
        { category: '2', models: [], elements: ['gang'], plan: 'Disruption visits.', next_review: londonDay(42) });
      assertJsonError(noModels, 422, 'no models');
      assert.deepEqual(Object.keys(noModels.json.error.fields), ['models']);
      const early = await api('demo.panel').post(decisionPath,
        { category: '2', models: ['peer'], plan: 'Disruption visits.', next_review: londonDay(-1) });
      assertJsonError(early, 422, 'review before the meeting');
      assert.deepEqual(Object.keys(early.json.error.fields), ['next_review']);
      assert.equal(sql(`SELECT state FROM referrals WHERE id = '${referral.id}'`), 'accepted', 'nothing moved yet');
      const decided = await api('demo.panel').post(decisionPath, {
        category: '2', models: ['peer', 'organised'], elements: ['gang'],
        plan: 'Disruption visits to the address.\nSchool support plan.', next_review: londonDay(42),
      });
      assert.equal(decided.status, 200, decided.text);
      assert.equal(decided.json.id, item.id);
      assert.equal(decided.json.decision.category, '2');
      assert.deepEqual(decided.json.decision.models, ['peer', 'organised']);
      assert.deepEqual(decided.json.decision.elements, ['gang']);
      assert.equal(decided.json.decision.plan, 'Disruption visits to the address.\nSchool support plan.');
      assert.equal(decided.json.decision.next_review, londonDay(42));
      assert.match(decided.json.decision.recorded_at, INSTANT);

      const afterDecision = await api('demo.coordinator').get(`/api/v1/referrals/${referral.id}`);
      assert.equal(afterDecision.json.state, 'discussed');

      // An action for the practitioner.
      const actionsPath = `/api/v1/panel/meetings/${meeting.id}/items/${item.id}/actions`;
      const badAction = await api('demo.panel').post(actionsPath, { title: '', owner: 'nobody', due: londonDay(-3) });
      assertJsonError(badAction, 422, 'a bad action');
      assert.deepEqual(Object.keys(badAction.json.error.fields).sort(), ['due', 'owner', 'title']);
      const acted = await api('demo.panel').post(actionsPath,
        { title: 'Home visit with the school nurse', owner: ids['demo.practitioner'], due: londonDay(7) });
      assert.equal(acted.status, 201, acted.text);
      const task = acted.json;
      assert.match(task.id, ID);
      assert.equal(task.title, 'Home visit with the school nurse');
      assert.equal(task.owner, ids['demo.practitioner']);
      assert.match(task.who, /^Alex Morgan \(/);
      assert.equal(task.child_id, child.id);
      assert.equal(task.source_type, 'panel');
      assert.equal(task.source_id, item.id);
      assert.equal(task.status, 'open');
      assert.equal(task.overdue, false);
      assert.equal(task.completed_at, null);
      const itemActions = await api('demo.coordinator').get(actionsPath);
      assert.equal(itemActions.status, 200, itemActions.text);
      assert.deepEqual(itemActions.json.actions.map((a) => a.id), [task.id]);

      // The referrer heard each step, the category and the action.
      const told = await api('demo.practitioner').get(`/api/v1/referrals/${referral.id}`);
      assert.equal(told.status, 200, told.text);
      const titles = told.json.messages.map((m) => m.title);
      assert.ok(titles.some((t) => t.startsWith(`${name} is on the agenda of the exploitation panel meeting on `)), titles.join('\n'));
      const discussed = told.json.messages.find((m) => m.title === `The exploitation panel discussed ${name}`);
      assert.ok(discussed, titles.join('\n'));
      assert.match(discussed.body, /Category 2/);
      const actionMessage = told.json.messages.find((m) => m.title === `The exploitation panel agreed an action for ${name}`);
      assert.ok(actionMessage, titles.join('\n'));
      assert.match(actionMessage.body, /owns it; it is due by /);

      // The action is the owner's task, and in the child's chronology.
      const web = new WebClient(base);
      await web.signInOk('demo.practitioner');
      const tasksPage = await web.get('/tasks');
      assert.equal(tasksPage.status, 200);
      assert.ok(tasksPage.text.includes('Home visit with the school nurse'), 'My tasks lists the action');
      const chronology = await api('demo.practitioner').get(`/api/v1/children/${child.id}/chronology`);
      assert.equal(chronology.status, 200, chronology.text);
      const types = chronology.json.entries.map((e) => e.type);
      assert.ok(types.includes('panel'), types.join(','));
      assert.ok(types.includes('panel_action'), types.join(','));
      const onlyPanel = await api('demo.practitioner').get(`/api/v1/children/${child.id}/chronology?type=panel_action`);
      assert.deepEqual(onlyPanel.json.entries.map((e) => e.id), [task.id]);

      // The coordinator follows the panel's open actions.
      const open = await api('demo.coordinator').get('/api/v1/panel/actions');
      assert.equal(open.status, 200, open.text);
      const listedTask = open.json.actions.find((a) => a.id === task.id);
      assert.ok(listedTask, 'the open action is listed');
      assert.equal(listedTask.overdue, false);
      assert.ok(open.json.actions.every((a) => a.status === 'open' && typeof a.overdue === 'boolean'));
      assert.equal(open.json.overdue, open.json.actions.filter((a) => a.overdue).length);
      assertJsonError(await api('demo.panel').get('/api/v1/panel/actions'), 403, 'the actions list for a panel member');

      // The owner completes it: an outcome is required; only once; nobody else may.
      const completePath = `/api/v1/tasks/${task.id}/complete`;
      const blank = await api('demo.practitioner').post(completePath, { outcome: '  ' });
      assertJsonError(blank, 422, 'empty outcome');
      assert.deepEqual(Object.keys(blank.json.error.fields), ['outcome']);
      assertJsonError(await api('demo.voluntary').post(completePath, { outcome: 'Not mine' }), 404, 'someone else\'s task');
      assert.equal(sql(`SELECT count(*) FROM audit_log WHERE username = 'demo.voluntary' AND action = 'task.complete' ` +
                       `AND record_id = '${task.id}' AND outcome = 'refused'`), '1');
      const done = await api('demo.practitioner').post(completePath, { outcome: 'Visited on Tuesday; plan agreed.' });
      assert.equal(done.status, 200, done.text);
      assert.equal(done.json.status, 'done');
      assert.equal(done.json.outcome, 'Visited on Tuesday; plan agreed.');
      assert.equal(done.json.completed_by, 'Alex Morgan');
      assert.match(done.json.completed_at, INSTANT);
      assertJsonError(await api('demo.practitioner').post(completePath, { outcome: 'Again' }), 409, 'already done');
      const stillOpen = await api('demo.coordinator').get('/api/v1/panel/actions');
      assert.equal(stillOpen.json.actions.find((a) => a.id === task.id), undefined, 'done actions leave the list');
      const history = await api('demo.panel').get(actionsPath);
      assert.equal(history.json.actions[0].status, 'done');

      // The meeting now counts one child discussed.
      const summary = (await api('demo.coordinator').get('/api/v1/panel/meetings')).json;
      assert.equal(summary.scope, 'all');
      const row = summary.meetings.find((m) => m.id === meeting.id);
      assert.equal(row.items, 1);
      assert.equal(row.discussed, 1);

      // The minutes, for a signed-in coordinator.
      const coordinator = new WebClient(base);
      await coordinator.signInOk('demo.coordinator');
      const pdf = await coordinator.get(`/panel/meetings/${meeting.id}/minutes.pdf`);
      assert.equal(pdf.status, 200, pdf.text.slice(0, 300));
      assert.match(pdf.headers.get('content-type') ?? '', /^application\/pdf/);
      assert.ok(pdf.text.startsWith('%PDF-'), 'a PDF');

      const verify = harbour(['audit', 'verify', '--db', url]);
      assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    });

    test('the chronology credits the wrong agency: every entry credits the person and the agency they recorded it for', async () => {
      const child = await newChild();
      const referral = await acceptedReferral(child);
      const concern = await api('demo.practitioner').post(`/api/v1/children/${child.id}/concerns`, {
        observed_at: new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        location: 'Harbourside bus station', category: 'sexual_exploitation', indicators: ['ws.going_missing'],
        narrative: 'Seen getting into a car with two older men.', first_hand: true, immediate_danger: false,
      });
      assert.equal(concern.status, 201, concern.text);
      const meeting = await newMeeting();
      const path = `/api/v1/panel/meetings/${meeting.id}`;
      const item = await api('demo.coordinator').post(`${path}/agenda`, { child_id: child.id, referral_id: referral.id });
      assert.equal(item.status, 201, item.text);
      const decided = await api('demo.coordinator').post(`${path}/items/${item.json.id}/decision`,
        { category: '2', models: ['peer'], elements: [], plan: 'Disruption visits.', next_review: londonDay(28) });
      assert.equal(decided.status, 200, decided.text);
      // The action is the practitioner's (Harbourside Academy) to carry out, recorded by the coordinator.
      const action = await api('demo.coordinator').post(`${path}/items/${item.json.id}/actions`,
        { title: 'Home visit with the school nurse', owner: ids['demo.practitioner'], due: londonDay(7) });
      assert.equal(action.status, 201, action.text);

      const [coordinatorName, coordinatorAgencyId, coordinatorAgency] =
        sql(`SELECT u.display_name || '|' || a.id || '|' || a.name FROM users u JOIN agencies a ON a.id = u.agency_id ` +
            `WHERE u.username = 'demo.coordinator'`).split('|');
      const ownerAgency = sql(`SELECT a.name FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.username = 'demo.practitioner'`);
      assert.notEqual(coordinatorAgency, ownerAgency, 'the demo coordinator and the owner are in different agencies');

      const chronology = await api('demo.coordinator').get(`/api/v1/children/${child.id}/chronology`);
      assert.equal(chronology.status, 200, chronology.text);
      const entries = chronology.json.entries;
      for (const e of entries) {
        assert.ok(e.agency !== '' && e.agency_id !== '', `every entry names its agency: ${JSON.stringify(e)}`);
        assert.ok(e.recorded_by !== '', `every entry names who recorded it: ${JSON.stringify(e)}`);
      }
      const panelAction = entries.find((e) => e.type === 'panel_action');
      assert.deepEqual([panelAction.recorded_by, panelAction.agency_id, panelAction.agency],
                       [coordinatorName, coordinatorAgencyId, coordinatorAgency], 'the action: by the coordinator, for their agency');
      const panelDecision = entries.find((e) => e.type === 'panel');
      assert.deepEqual([panelDecision.recorded_by, panelDecision.agency], [coordinatorName, coordinatorAgency], 'the decision');
      const seen = entries.find((e) => e.type === 'concern');
      assert.equal(seen.agency, ownerAgency);
      assert.equal(seen.location, 'Harbourside bus station');

      // The page: the byline credits the coordinator's agency, the concern says where it was seen,
      // and the agency filter starts on "All agencies" with no blank choice.
      const web = new WebClient(base);
      await web.signInOk('demo.coordinator');
      const page = await web.get(`/children/${child.id}/chronology`);
      assert.equal(page.status, 200);
      const actionItem = page.text.split('moj-timeline__item').find((part) => part.includes('Panel action: Home visit'));
      assert.ok(actionItem, 'the action is on the page');
      const escaped = (text) => text.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
      assert.ok(actionItem.includes(`by ${escaped(coordinatorName)}, ${escaped(coordinatorAgency)}</p>`),
                `the action's byline credits the coordinator's agency: ${actionItem}`);
      assert.match(page.text, /Where seen:<\/strong> Harbourside bus station/);

      // The panel's category never reaches the child: it is on the child's page, in the risk
      // panel, labelled as what the partnership acts on.
      const record = await web.get(`/children/${child.id}`);
      assert.equal(record.status, 200);
      const category = record.text.match(/<dt class="govuk-summary-list__key">Panel's category[\s\S]*?<dd[^>]*id="panel-category">([\s\S]*?)<\/dd>/);
      assert.ok(category, 'the risk panel has the panel\'s category');
      assert.match(category[1], /Category 2: significant risk/);
      assert.match(record.text, /what the partnership acts on/);
      const select = page.text.match(/<select class="govuk-select" id="agency"[\s\S]*?<\/select>/)[0];
      const options = [...select.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)];
      assert.equal(options[0][3], 'All agencies');
      assert.equal(options[0][2], ' selected', 'the filter starts on "All agencies"');
      assert.equal(options.filter((o) => o[1] === '').length, 1, 'one option without a value');
      assert.ok(options.every((o) => o[3].trim() !== ''), 'no blank option');
      assert.equal(options.filter((o) => o[2]).length, 1, 'one option selected');
    });

    test('meetings and decisions out of time: no decision before the meeting starts; a past meeting only as recording one that took place', async () => {
      const child = await newChild();
      const referral = await acceptedReferral(child);
      const coordinator = api('demo.coordinator');
      const past = await coordinator.post('/api/v1/panel/meetings',
        { date: londonDay(-2), time: '10:00', place: 'Room 2', online: false });
      assertJsonError(past, 422, 'a past meeting not marked as recorded afterwards');
      assert.match(past.json.error.fields.date, /Recording a meeting that took place/);
      const notYet = await coordinator.post('/api/v1/panel/meetings',
        { date: londonDay(2), time: '10:00', place: 'Room 2', online: false, recorded_afterwards: true });
      assertJsonError(notYet, 422, 'a meeting to come recorded as having taken place');
      assert.deepEqual(Object.keys(notYet.json.error.fields), ['recorded_afterwards']);

      const ahead = await newMeeting({ date: londonDay(2), time: '10:00', recorded_afterwards: false });
      assert.equal(ahead.recorded_afterwards, false);
      const path = `/api/v1/panel/meetings/${ahead.id}`;
      const item = await coordinator.post(`${path}/agenda`, { child_id: child.id, referral_id: referral.id });
      assert.equal(item.status, 201, item.text);
      const early = await coordinator.post(`${path}/items/${item.json.id}/decision`,
        { category: '2', models: ['peer'], elements: [], plan: 'Disruption visits.', next_review: londonDay(30) });
      assertJsonError(early, 409, 'a decision before the meeting starts');
      assert.equal(early.json.error.code, 'meeting_not_started');
      assert.match(early.json.error.message, /has not started yet/);
      const state = await api('demo.practitioner').get(`/api/v1/referrals/${referral.id}`);
      assert.equal(state.json.state, 'accepted', 'the referrer is not told the panel discussed the child');
      assert.equal(sql(`SELECT count(*) FROM panel_items WHERE id = '${item.json.id}' AND recorded_at IS NOT NULL`), '0');

      // On the page: the form says so, and what was typed is kept.
      const web = new WebClient(base);
      await web.signInOk('demo.coordinator');
      const itemPage = `/panel/meetings/${ahead.id}/items/${item.json.id}`;
      assert.match((await web.get(itemPage)).text, /This meeting has not started yet/);
      const refused = await web.postWithCsrf(itemPage,
        { category: '2', models: 'peer', plan: 'Typed before the meeting.', next_review: londonDay(30) });
      assert.equal(refused.status, 409, refused.text.slice(0, 300));
      assert.match(refused.text, /govuk-error-summary/);
      assert.match(refused.text, /Typed before the meeting\./);

      // A meeting recorded afterwards is shown as such.
      const recorded = await newMeeting();
      assert.equal(recorded.recorded_afterwards, true);
      const shown = await web.get(`/panel/meetings/${recorded.id}`);
      assert.match(shown.text, /Recorded after it took place/);
      const arranged = await web.postWithCsrf('/panel/meetings', { date: londonDay(-3), time: '09:00', place: 'Room 9' });
      assert.equal(arranged.status, 422);
      assert.match(arranged.text, /Recording a meeting that took place/);
      assert.match(arranged.text, /value="Room 9"/, 'what was typed is kept');
    });

    test('a member who sent apologies no longer sees the meeting or its children', async () => {
      const child = await newChild();
      const referral = await acceptedReferral(child);
      const meeting = await newMeeting();
      const path = `/api/v1/panel/meetings/${meeting.id}`;
      assert.equal((await api('demo.coordinator').post(`${path}/agenda`, { child_id: child.id, referral_id: referral.id })).status, 201);
      assert.equal((await api('demo.coordinator').post(`${path}/members`, { user_id: ids[OTHER_PANEL] })).status, 201);
      assert.equal((await api(OTHER_PANEL).get(path)).status, 200);
      assert.equal((await api(OTHER_PANEL).get(`/api/v1/children/${child.id}`)).status, 200);
      const marked = await api('demo.coordinator').post(`${path}/attendance`, { attendance: { [ids[OTHER_PANEL]]: 'apologies' } });
      assert.equal(marked.status, 200, marked.text);
      assertJsonError(await api(OTHER_PANEL).get(path), 404, 'after apologies');
      assertJsonError(await api(OTHER_PANEL).get(`/api/v1/children/${child.id}`), 404, 'the child after apologies');
    });

    test('"My tasks" completes a panel action with the same verb as the API', async () => {
      const child = await newChild();
      const referral = await acceptedReferral(child);
      const meeting = await newMeeting();
      const path = `/api/v1/panel/meetings/${meeting.id}`;
      const item = await api('demo.coordinator').post(`${path}/agenda`, { child_id: child.id, referral_id: referral.id });
      assert.equal(item.status, 201, item.text);
      const task = await api('demo.coordinator').post(`${path}/items/${item.json.id}/actions`,
        { title: 'Ring the school about attendance', owner: ids['demo.practitioner'], due: londonDay(3) });
      assert.equal(task.status, 201, task.text);

      const stranger = new WebClient(base);
      await stranger.signInOk('demo.voluntary');
      assert.equal((await stranger.postWithCsrf(`/tasks/${task.json.id}`, { outcome: 'Not mine' })).status, 404);
      const web = new WebClient(base);
      await web.signInOk('demo.practitioner');
      const blank = await web.postWithCsrf(`/tasks/${task.json.id}`, { outcome: ' ' });
      assert.equal(blank.status, 422, blank.text.slice(0, 300));
      assert.match(blank.text, /Enter what was done/);
      const done = await web.postWithCsrf(`/tasks/${task.json.id}`, { outcome: 'Rang the school.' });
      assert.equal(done.status, 303, done.text.slice(0, 300));
      assert.equal(done.location, '/tasks?completed=1');
      const listed = await api('demo.coordinator').get(`${path}/items/${item.json.id}/actions`);
      assert.equal(listed.json.actions[0].status, 'done');
      assert.equal(listed.json.actions[0].outcome, 'Rang the school.');
      assertJsonError(await api('demo.practitioner').post(`/api/v1/tasks/${task.json.id}/complete`, { outcome: 'Again' }),
                      409, 'done on the page, then again through the API');
    });

    test('bodies are strict: unknown members and wrong types are named, and non-JSON is refused', async () => {
      const meeting = await newMeeting({ online: true, place: null });
      assert.equal(meeting.place, '');
      const coordinator = api('demo.coordinator');

      const shape = await coordinator.post('/api/v1/panel/meetings', { date: 20261203, time: '14:00', online: 'yes', room: 2 });
      assertJsonError(shape, 422, 'meeting shape');
      assert.deepEqual(shape.json.error.fields, {
        date: 'Must be a string', online: 'Must be true or false', room: 'Is not a field of this resource',
      });
      const values = await coordinator.post('/api/v1/panel/meetings', { date: '2026-02-30', time: '25:00', online: false });
      assertJsonError(values, 422, 'meeting values');
      assert.deepEqual(Object.keys(values.json.error.fields).sort(), ['date', 'place', 'time']);

      const notJson = await coordinator.request('POST', '/api/v1/panel/meetings', {
        body: 'date=2026-12-03', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assertJsonError(notJson, 400, 'form body');
      assert.equal(notJson.json.error.code, 'unsupported_media_type');
      const malformed = await coordinator.request('POST', `/api/v1/panel/meetings/${meeting.id}/attendance`, {
        body: '{"attendance": ', headers: { 'content-type': 'application/json' },
      });
      assertJsonError(malformed, 400, 'malformed');
      assert.equal(malformed.json.error.code, 'malformed_json');
      const array = await coordinator.post(`/api/v1/panel/meetings/${meeting.id}/members`, ['x']);
      assertJsonError(array, 422, 'not an object');
      assert.equal(array.json.error.code, 'not_an_object');

      const attendance = await coordinator.post(`/api/v1/panel/meetings/${meeting.id}/attendance`,
        { attendance: { [ids['demo.coordinator']]: 1 } });
      assertJsonError(attendance, 422, 'attendance type');
      assert.deepEqual(attendance.json.error.fields, { [`attendance.${ids['demo.coordinator']}`]: 'Must be a string' });
      const agenda = await coordinator.post(`/api/v1/panel/meetings/${meeting.id}/agenda`, { child: 'x' });
      assertJsonError(agenda, 422, 'agenda shape');
      assert.deepEqual(agenda.json.error.fields, { child: 'Is not a field of this resource' });
      const noItem = await coordinator.post(`/api/v1/panel/meetings/${meeting.id}/items/${'0'.repeat(32)}/decision`,
        { category: '1', models: ['peer'], plan: 'x', next_review: londonDay(30) });
      assertJsonError(noItem, 404, 'an item not on the agenda');
      const decisionShape = await coordinator.post(`/api/v1/panel/meetings/${meeting.id}/items/${'0'.repeat(32)}/decision`, {});
      assertJsonError(decisionShape, 404, 'no item: 404 whatever the body');
      const task = await coordinator.post(`/api/v1/tasks/${'0'.repeat(32)}/complete`, { outcome: 'x' });
      assertJsonError(task, 404, 'no such task');
      assertJsonError(await new ApiClient(base).get('/api/v1/panel/meetings'), 401, 'no token');
    });

    test('every audit entry about a child names it (regression)', () => {
      assertEntriesNameTheirChild(engine, url);
    });
  });
}

definePanelApiTests(sqliteEngine());
definePanelApiTests(postgresEngine());
