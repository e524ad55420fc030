// Team roles enforced by the server, per person and per unit (issue 22), against the real server, a real
// PostgreSQL and the practice identity provider: what a role may not see is refused before any of it is
// sent, what a role may not change is never applied or stored, and every grant is recorded.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import pg from 'pg';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../../src/server/demo-idp.js';
import { startPostgres } from './helpers/postgres.mjs';
import {
  connect,
  createTeamFixture,
  makeAppDir,
  openRawSocket,
  signIn,
  temporaryFolder,
  waitFor,
  withTimeout,
} from './helpers/team.mjs';

let database;
let db;
let fixture;
let server;
let app;
const cookies = {};
const clients = [];

before(async () => {
  app = temporaryFolder('team-roles-app-');
  makeAppDir(app.dir);
  database = await startPostgres();
  db = new pg.Pool({ connectionString: database.url, max: 2 });
  fixture = await createTeamFixture({ appDir: app.dir });
  server = await fixture.start({ DATABASE_URL: database.url });
  for (const name of ['priya', 'jo', 'amara', 'ben', 'mei', 'dan', 'rita']) {
    cookies[name] = (await signIn(fixture.baseUrl, name, DEMO_PASSWORD)).cookie;
  }
});

after(async () => {
  for (const client of clients) client.destroy();
  await db?.end();
  await fixture?.close();
  database?.stop();
  app?.remove();
});

/** A Yjs client of one unit as this person; destroyed after the file. */
function open(person, unit, doc = new Y.Doc()) {
  const client = connect(fixture.baseUrl, cookies[person], unit, doc);
  clients.push(client);
  return client;
}

async function opened(person, unit) {
  const client = open(person, unit);
  await withTimeout(client.synced, `${person} to open ${unit}`);
  return client;
}

async function refused(person, unit) {
  const client = open(person, unit);
  await waitFor(() => client.events.authenticationFailed, `${unit} to be refused to ${person}`);
  assert.equal(client.events.authenticationFailed, 'forbidden', `${person} on ${unit}`);
  assert.equal(client.document.share.size, 0, `nothing of ${unit} reached ${person}`);
  client.destroy();
}

const api = (path, { person, body, origin = new URL(fixture.baseUrl).origin } = {}) =>
  fetch(new URL(path, fixture.baseUrl), {
    method: body ? 'POST' : 'GET',
    headers: {
      cookie: cookies[person] ?? '',
      ...(body ? { 'content-type': 'application/json', origin } : {}),
    },
    body: body && JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });

async function allocate(unit, fields) {
  const response = await api('auth/allocations', { person: 'priya', body: { unit, ...fields } });
  assert.equal(response.status, 200, `allocating ${unit}`);
}

/** A record as the projector writes it: tables are Y.Maps keyed by record id. */
function setRecord(doc, table, id, fields) {
  doc.transact(() => {
    const record = new Y.Map();
    for (const [key, value] of Object.entries(fields)) record.set(key, value);
    doc.getMap(table).set(id, record);
  });
}
const field = (doc, table, id, name) => doc.getMap(table).get(id)?.get(name);

async function storedDoc(unit) {
  const row = (await db.query('SELECT state FROM team_documents WHERE name = $1', [unit])).rows[0];
  const doc = new Y.Doc();
  if (row) Y.applyUpdate(doc, row.state);
  return doc;
}

/** A round created by the administrator with these auditors; the server records its owner. */
async function roundWith(fields) {
  const round = `round:${randomUUID()}`;
  const creator = await opened('priya', round);
  setRecord(creator.document, 'auditRounds', round.slice(6), { title: 'Neglect themed audit' });
  await creator.acknowledged();
  await allocate(round, fields);
  return round;
}

test('/auth/me names each person’s roles, from the identity provider’s groups', async () => {
  const roles = async (person) => {
    const me = await (await api('auth/me', { person })).json();
    return { roles: me.roles, agency: me.agency };
  };
  assert.deepEqual(await roles('priya'), { roles: ['admin'], agency: null });
  assert.deepEqual(await roles('jo'), { roles: ['contributor'], agency: null });
  assert.deepEqual(await roles('amara'), { roles: ['auditor'], agency: null });
  assert.deepEqual(await roles('mei'), { roles: ['moderator'], agency: null });
  assert.deepEqual(await roles('dan'), { roles: ['partner-auditor'], agency: 'police' });
  assert.deepEqual(await roles('rita'), { roles: ['reader'], agency: null });
});

test('without a session nothing opens', async () => {
  assert.equal((await openRawSocket(fixture.baseUrl)).status, 401);
  assert.equal((await api('auth/people')).status, 401);
});

test('an auditor cannot open another auditor’s audit while the round is open; once closed, only read it', async () => {
  const round = await roundWith({ auditors: ['amara', 'ben'] });
  const audit = `audit:${randomUUID()}`;
  const amara = await opened('amara', audit);
  setRecord(amara.document, 'caseAudits', audit.slice(6), { overallGrade: 'requires-improvement' });
  await amara.acknowledged();
  await allocate(audit, { round });

  await refused('ben', audit);
  await refused('jo', audit);
  assert.match(server.output(), new RegExp(` refused-unit unit=${audit} user=ben reason=forbidden`));

  await allocate(round, { closed: true });
  const ben = await opened('ben', audit);
  assert.equal(ben.provider.authorizedScope, 'readonly');
  assert.equal(field(ben.document, 'caseAudits', audit.slice(6), 'overallGrade'), 'requires-improvement');
  await refused('ben', `round:${randomUUID()}`);
});

test('an allocation may name people as the workbook does: by name or email address, in any case', async () => {
  // The workbook records auditors and moderators by the names people typed; the server matches them as
  // it matches a contributor's assignee (src/server/assignment.js).
  const round = await roundWith({ auditors: ['Amara Osei', 'BEN@demo.invalid'] });
  assert.equal((await opened('amara', round)).provider.authorizedScope, 'readonly');
  assert.equal((await opened('ben', round)).provider.authorizedScope, 'readonly');
  await refused('mei', round);
  const audit = `audit:${randomUUID()}`;
  const priya = await opened('priya', audit);
  setRecord(priya.document, 'caseAudits', audit.slice(6), { caseReference: 'NAMED-1' });
  await priya.acknowledged();
  await allocate(audit, { round, auditor: 'amara osei' });
  const amara = await opened('amara', audit);
  assert.notEqual(
    amara.provider.authorizedScope,
    'readonly',
    'the audit allocated to her by name is hers to write',
  );
  await refused('ben', audit);
});

test('a reader reads, and their update is refused: never applied, passed on or stored', async () => {
  const writer = await opened('priya', 'registers');
  const id = randomUUID();
  setRecord(writer.document, 'actions', id, { title: 'Review step-down decisions', status: 'to-do' });
  await writer.acknowledged();

  const rita = await opened('rita', 'registers');
  assert.equal(rita.provider.authorizedScope, 'readonly');
  assert.equal(field(rita.document, 'actions', id, 'status'), 'to-do');
  rita.document.getMap('actions').get(id).set('status', 'done');
  await waitFor(
    () => / refused-write unit=registers user=rita reason=read-only/.test(server.output()),
    'the refusal in the log',
  );
  await new Promise((resolve) => setTimeout(resolve, 2_500)); // longer than the store debounce

  assert.equal(field(writer.document, 'actions', id, 'status'), 'to-do', 'not passed on');
  const fresh = await opened('priya', 'registers');
  assert.equal(field(fresh.document, 'actions', id, 'status'), 'to-do', 'not applied');
  await waitFor(async () => field(await storedDoc('registers'), 'actions', id, 'status'), 'the store');
  assert.equal(field(await storedDoc('registers'), 'actions', id, 'status'), 'to-do', 'not stored');
});

test('in blind moderation the moderator reads the audit only after submitting their own grades', async () => {
  const round = await roundWith({ auditors: ['amara'] });
  const audit = `audit:${randomUUID()}`;
  const amara = await opened('amara', audit);
  setRecord(amara.document, 'caseAudits', audit.slice(6), {
    overallGrade: 'good',
    domainGrades: { d1: 'good' },
  });
  await amara.acknowledged();
  await allocate(audit, { round });

  const moderation = `moderation:${randomUUID()}`;
  const admin = await opened('priya', moderation);
  setRecord(admin.document, 'moderations', moderation.slice(11), { auditId: audit.slice(6), blind: true });
  await admin.acknowledged();
  await allocate(moderation, { audit, moderator: 'mei', blind: true });

  await refused('mei', audit);
  await refused('ben', moderation);
  const mei = await opened('mei', moderation);
  assert.equal(mei.provider.authorizedScope, 'read-write');
  // Turning the document's own blind flag off changes nothing: the server's allocation decides.
  const record = mei.document.getMap('moderations').get(moderation.slice(11));
  record.set('blind', false);
  record.set('overallGrade', 'requires-improvement');
  await mei.acknowledged();
  await refused('mei', audit);

  record.set('submittedAt', '2026-12-02T10:00:00.000Z');
  await mei.acknowledged();
  await waitFor(
    async () =>
      (await (await api(`auth/allocations?unit=${moderation}`, { person: 'priya' })).json()).allocation
        .submittedAt,
    'the server to record the submission',
  );
  const reading = await opened('mei', audit);
  assert.equal(reading.provider.authorizedScope, 'readonly');
  assert.equal(field(reading.document, 'caseAudits', audit.slice(6), 'overallGrade'), 'good');
});

test('a partner-agency auditor sees only the multi-agency rounds their agency is invited to', async () => {
  const police = await roundWith({ agencies: ['police', 'health'] });
  const health = await roundWith({ agencies: ['health'] });
  const routine = await roundWith({ auditors: ['amara'] });
  const dan = await opened('dan', police);
  assert.equal(dan.provider.authorizedScope, 'readonly');
  await refused('dan', health);
  await refused('dan', routine);
  await refused('dan', 'registers');
  await refused('dan', `cycle:${randomUUID()}`);

  // Their own contribution is theirs; nobody else's in the round reaches them, and theirs reaches no auditor.
  const contribution = `audit:${randomUUID()}`;
  const own = await opened('dan', contribution);
  setRecord(own.document, 'caseAudits', contribution.slice(6), { summary: 'Police contribution' });
  await own.acknowledged();
  await allocate(contribution, { round: police });
  await refused('amara', contribution);
  const healthAudit = `audit:${randomUUID()}`;
  await opened('priya', healthAudit);
  await allocate(healthAudit, { round: police, agency: 'health' });
  await refused('dan', healthAudit);

  const listed = await (await api('auth/units', { person: 'dan' })).json();
  assert.deepEqual(
    listed.units,
    [
      { unit: contribution, access: 'write' },
      { unit: police, access: 'read' },
    ].sort((a, b) => (a.unit < b.unit ? -1 : 1)),
  );
});

test('a contributor changes only the criteria assigned to them', async () => {
  const cycle = `cycle:${randomUUID()}`;
  const admin = await opened('priya', cycle);
  const mine = randomUUID();
  const theirs = randomUUID();
  setRecord(admin.document, 'criterionAssessments', mine, { assignee: 'Jo Evans', grade: 'not-yet-graded' });
  setRecord(admin.document, 'criterionAssessments', theirs, { assignee: 'Sam Okafor', grade: 'good' });
  await admin.acknowledged();

  const jo = await opened('jo', cycle);
  assert.equal(jo.provider.authorizedScope, 'read-write');
  jo.document.transact(() => {
    jo.document.getMap('criterionAssessments').get(mine).set('grade', 'good');
    // The projector notes each edit in the unit's change log, keyed by the record it is about.
    jo.document.getMap('changes').set(`criterionAssessments/${mine}/grade@1`, { key: 'x', seq: 1 });
  });
  await waitFor(() => field(admin.document, 'criterionAssessments', mine, 'grade') === 'good', 'Jo’s grade');

  jo.document.getMap('criterionAssessments').get(theirs).set('grade', 'inadequate');
  const refusal = new RegExp(` refused-write unit=${cycle} user=jo reason=not-assigned`);
  await waitFor(() => refusal.test(server.output()), 'the refusal in the log');
  jo.destroy();

  const reassigning = await opened('jo', cycle);
  reassigning.document.getMap('criterionAssessments').get(mine).set('assignee', 'Priya Shah');
  const reassigned = new RegExp(` refused-write unit=${cycle} user=jo reason=assignee-changed`);
  await waitFor(() => reassigned.test(server.output()), 'the refused reassignment in the log');

  const check = await opened('priya', cycle);
  assert.equal(field(check.document, 'criterionAssessments', theirs, 'grade'), 'good', 'not applied');
  assert.equal(field(admin.document, 'criterionAssessments', theirs, 'grade'), 'good', 'not passed on');
  assert.equal(field(check.document, 'criterionAssessments', mine, 'assignee'), 'Jo Evans');
});

test('a contributor sends her self-evaluation for review, and may not agree it or send it back herself', async () => {
  const cycle = `cycle:${randomUUID()}`;
  const admin = await opened('priya', cycle);
  const narrative = randomUUID();
  setRecord(admin.document, 'narratives', narrative, { assignee: 'Jo Evans', status: 'in-progress' });
  await admin.acknowledged();

  const jo = await opened('jo', cycle);
  const record = () => jo.document.getMap('narratives').get(narrative);
  jo.document.transact(() => {
    record().set('status', 'ready-for-review');
    record().set('review', { requestedBy: 'Jo Evans', requestedAt: '2026-12-01T09:00:00.000Z' });
  });
  await waitFor(
    () => field(admin.document, 'narratives', narrative, 'status') === 'ready-for-review',
    'Jo’s request for review',
  );

  jo.document.transact(() => {
    record().set('status', 'agreed');
    record().set('review', {
      requestedBy: 'Jo Evans',
      requestedAt: '2026-12-01T09:00:00.000Z',
      signedOffBy: 'Jo Evans',
      signedOffAt: '2026-12-01T09:01:00.000Z',
    });
  });
  const refusal = new RegExp(` refused-write unit=${cycle} user=jo reason=review-decision`);
  await waitFor(() => refusal.test(server.output()), 'the refused sign-off in the log');
  jo.destroy();

  const backing = await opened('jo', cycle);
  backing.document
    .getMap('narratives')
    .get(narrative)
    .set('review', {
      requestedBy: 'Jo Evans',
      sentBack: { by: 'Jo Evans', at: '2026-12-01T09:02:00.000Z', comment: 'Fine as it is.' },
    });
  const sentBack = new RegExp(` refused-write unit=${cycle} user=jo reason=review-decision`, 'g');
  await waitFor(
    () => (server.output().match(sentBack) ?? []).length >= 2,
    'the refused send-back in the log',
  );

  const check = await opened('priya', cycle);
  assert.equal(field(check.document, 'narratives', narrative, 'status'), 'ready-for-review', 'not stored');
  assert.equal(field(admin.document, 'narratives', narrative, 'status'), 'ready-for-review', 'not passed on');
});

test('a contributor comments on any criterion, edits only her own comments and may resolve anyone’s', async () => {
  const cycle = `cycle:${randomUUID()}`;
  const admin = await opened('priya', cycle);
  const criterion = randomUUID();
  const priyasComment = randomUUID();
  setRecord(admin.document, 'criterionAssessments', criterion, { assignee: 'Sam Okafor', grade: 'good' });
  setRecord(admin.document, 'comments', priyasComment, { by: 'Priya Shah', body: 'Which audit shows this?' });
  await admin.acknowledged();

  const jo = await opened('jo', cycle);
  const josComment = randomUUID();
  setRecord(jo.document, 'comments', josComment, { by: 'Jo Evans', body: 'The March audit, 40 cases.' });
  await waitFor(
    () => field(admin.document, 'comments', josComment, 'body') === 'The March audit, 40 cases.',
    'Jo’s comment',
  );
  jo.document.getMap('comments').get(priyasComment).set('resolvedBy', 'Jo Evans');
  await waitFor(
    () => field(admin.document, 'comments', priyasComment, 'resolvedBy') === 'Jo Evans',
    'the thread resolved',
  );

  jo.document.getMap('comments').get(priyasComment).set('body', 'Rewritten by Jo');
  const notTheirs = new RegExp(` refused-write unit=${cycle} user=jo reason=not-theirs`);
  await waitFor(() => notTheirs.test(server.output()), 'the refused edit in the log');
  jo.destroy();
  const posing = await opened('jo', cycle);
  setRecord(posing.document, 'comments', randomUUID(), { by: 'Priya Shah', body: 'Signed as someone else' });
  await waitFor(() => server.output().split(notTheirs).length > 2, 'a comment in another’s name refused too');
  posing.destroy();

  const rita = await opened('rita', cycle);
  assert.equal(rita.provider.authorizedScope, 'readonly', 'a reader may not comment');
  const check = await opened('priya', cycle);
  assert.equal(
    field(check.document, 'comments', priyasComment, 'body'),
    'Which audit shows this?',
    'not applied',
  );
});

test('only an administrator grants roles; each grant is recorded, and open units follow it at once', async () => {
  const forbidden = await api('auth/people', { person: 'jo', body: { id: 'rita', roles: ['admin'] } });
  assert.equal(forbidden.status, 403);
  const crossSite = await api('auth/people', {
    person: 'priya',
    body: { id: 'rita', roles: ['contributor'] },
    origin: 'https://evil.example',
  });
  assert.equal(crossSite.status, 403);
  const invalid = await api('auth/people', { person: 'priya', body: { id: 'rita', roles: ['owner'] } });
  assert.equal(invalid.status, 400);

  const rita = await opened('rita', 'rehearsals');
  assert.equal(rita.provider.authorizedScope, 'readonly');
  const granted = await api('auth/people', { person: 'priya', body: { id: 'rita', roles: ['contributor'] } });
  assert.equal(granted.status, 200);
  await waitFor(
    () =>
      / unit-access-changed unit=rehearsals user=rita access=write reason=access-changed/.test(
        server.output(),
      ),
    'her open unit to be closed for its new access',
  );
  const me = await (await api('auth/me', { person: 'rita' })).json();
  assert.deepEqual(me.roles, ['contributor', 'reader']);
  const writer = await opened('rita', 'rehearsals');
  assert.equal(writer.provider.authorizedScope, 'read-write');

  const listed = await (await api('auth/people', { person: 'priya' })).json();
  assert.deepEqual(
    listed.people.map((p) => [p.userId, p.roles, p.grantedBy]),
    [['rita', ['contributor'], 'priya']],
  );
  const change = listed.changes.find((c) => c.kind === 'grant');
  assert.deepEqual(
    { by: change.by, subject: change.subject, before: change.before, after: change.after },
    { by: 'priya', subject: 'rita', before: null, after: { roles: ['contributor'], agency: null } },
  );
  const rows = await db.query(`SELECT by_user, subject, after FROM team_access_changes WHERE kind = 'grant'`);
  assert.deepEqual(rows.rows, [
    { by_user: 'priya', subject: 'rita', after: { roles: ['contributor'], agency: null } },
  ]);

  // Everyone who has signed in is listed by name for the administrator, with the roles they have now
  // (from the identity provider at their last sign-in, and granted here), and only for her.
  const rita2 = listed.known.find((p) => p.userId === 'rita');
  assert.deepEqual(
    { name: rita2.name, email: rita2.email, granted: rita2.granted, roles: rita2.roles },
    {
      name: 'Rita Novak',
      email: 'rita@demo.invalid',
      granted: ['contributor'],
      roles: ['contributor', 'reader'],
    },
  );
  assert.deepEqual(
    listed.known.map((p) => p.name),
    ['Amara Osei', 'Ben Hughes', 'Dan Price', 'Jo Evans', 'Mei Chen', 'Priya Shah', 'Rita Novak'],
  );
  assert.deepEqual(listed.known.find((p) => p.userId === 'dan').agency, 'police');
  assert.equal(
    (await api('auth/people', { person: 'jo' })).status,
    403,
    'a contributor does not see the list',
  );
  const stored = await db.query('SELECT user_id, name FROM team_people ORDER BY user_id');
  assert.equal(stored.rows.length, 7, 'kept in PostgreSQL');
});
