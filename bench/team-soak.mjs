// The team server under a working day's load (not a test): a throw-away PostgreSQL, the team server
// (scripts/team-server.mjs) and 30 Node clients (@hocuspocus/provider + ws), each signed in through the
// practice identity provider as tests/server do, editing for SOAK_SECONDS (default 180). Every client
// edits the shared registers unit and, for administrators, one of three cycle units: a new record now
// and then, typing into a shared text the rest of the time. It reports the p95 time for a change to
// appear at every other client of its unit (budget 1 s on loopback), the server's memory (RSS), and
// lost edits: those missing, once the clients are quiet, at a client of the unit or at a fresh client
// that loads the unit from the server afterwards (must be 0).
//   node bench/team-soak.mjs            SOAK_SECONDS=20 node bench/team-soak.mjs
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { DEMO_PASSWORD } from '../src/server/demo-idp.js';
import { startPostgres } from '../tests/server/helpers/postgres.mjs';
import {
  connect,
  createTeamFixture,
  makeAppDir,
  signIn,
  temporaryFolder,
  waitFor,
} from '../tests/server/helpers/team.mjs';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 180);
const CLIENTS = 30;
const EDIT_EVERY_MS = 1_000;
const BUDGET_MS = 1_000;
// Administrators write every unit; a contributor writes the registers.
const USERS = ['priya', 'sam', 'jo'];
const WRITES_CYCLES = new Set(['priya', 'sam']);
const CYCLES = Array.from({ length: 3 }, () => `cycle:${randomUUID()}`);

const progress = (text) => process.stderr.write(`soak: ${text}\n`);

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
}

function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const folder = temporaryFolder('team-soak-');
const postgres = await startPostgres();
const fixture = await createTeamFixture({ appDir: makeAppDir(join(folder.dir, 'app')) });
let server;
const clients = [];
try {
  server = await fixture.start({ DATABASE_URL: postgres.url, TEAM_MAX_CONNECTIONS_PER_USER: '100' });
  const pid = server.child.pid;
  const rssAtStart = rssMb(pid);

  /** unit → edit id → when it was made (Date.now(); all clients share this process's clock). */
  const sent = new Map();
  /** Every arrival of another client's edit: ms from its making. */
  const delays = [];

  progress(`signing in ${CLIENTS} clients`);
  for (let i = 0; i < CLIENTS; i++) {
    const user = USERS[i % USERS.length];
    const { cookie } = await signIn(fixture.baseUrl, user, DEMO_PASSWORD);
    const units = ['registers', ...(WRITES_CYCLES.has(user) ? [CYCLES[i % CYCLES.length]] : [])];
    const client = { index: i, user, units: new Map() };
    for (const unit of units) {
      const doc = new Y.Doc();
      const edits = doc.getMap('evidence');
      edits.observe((event) => {
        const at = Date.now();
        if (event.transaction.local) return;
        for (const key of event.keysChanged) {
          const made = sent.get(unit)?.get(key);
          if (made !== undefined) delays.push(at - made);
        }
      });
      const connection = connect(fixture.baseUrl, cookie, unit, doc);
      client.units.set(unit, connection);
    }
    clients.push(client);
  }
  await Promise.all(clients.flatMap((c) => [...c.units.values()].map((u) => u.synced)));
  progress(`${CLIENTS} clients connected to ${1 + CYCLES.length} units; editing for ${SECONDS} s`);

  let edits = 0;
  const editOnce = (client) => {
    for (const [unit, { document }] of client.units) {
      const id = `${client.index}-${++edits}`;
      if (!sent.has(unit)) sent.set(unit, new Map());
      document.transact(() => {
        // A record as the projector lays one out, and typing into a shared narrative.
        const record = new Y.Map();
        record.set('id', id);
        record.set('title', `Soak edit ${id}`);
        record.set('updatedAt', new Date().toISOString());
        sent.get(unit).set(id, Date.now());
        document.getMap('evidence').set(id, record);
        const text = document.getMap('narratives').get('shared') ?? new Y.Text();
        if (!text.doc) document.getMap('narratives').set('shared', text);
        if (text.length > 20_000) text.delete(0, 1_000);
        text.insert(text.length, ` ${id}`);
      });
    }
  };
  const timers = clients.map((client) =>
    setTimeout(function tick() {
      editOnce(client);
      timers[client.index] = setTimeout(tick, EDIT_EVERY_MS * (0.5 + Math.random()));
    }, Math.random() * EDIT_EVERY_MS),
  );
  let rssPeak = rssAtStart;
  const started = Date.now();
  while (Date.now() - started < SECONDS * 1_000) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    rssPeak = Math.max(rssPeak, rssMb(pid));
    const elapsed = Math.round((Date.now() - started) / 1_000);
    if (elapsed % 30 === 0) progress(`${elapsed} s: ${edits} edits, server ${rssMb(pid).toFixed(0)} MB`);
  }
  timers.forEach((timer) => clearTimeout(timer));

  progress('quiet: waiting for every edit to arrive everywhere');
  await Promise.all(clients.flatMap((c) => [...c.units.values()].map((u) => u.acknowledged())));
  const missingAt = (doc, unit) =>
    [...(sent.get(unit)?.keys() ?? [])].filter((id) => !doc.getMap('evidence').has(id)).length;
  const missingEverywhere = () =>
    clients.reduce(
      (sum, c) => sum + [...c.units].reduce((n, [unit, { document }]) => n + missingAt(document, unit), 0),
      0,
    );
  await waitFor(() => missingEverywhere() === 0, 'every edit at every client', 30_000).catch(() => {});
  let lost = missingEverywhere();
  // And from the server's storage: a fresh client of each unit.
  const { cookie } = await signIn(fixture.baseUrl, 'priya', DEMO_PASSWORD);
  for (const unit of ['registers', ...CYCLES]) {
    const fresh = connect(fixture.baseUrl, cookie, unit, new Y.Doc());
    await fresh.synced;
    lost += missingAt(fresh.document, unit);
    fresh.destroy();
  }
  const rssAtEnd = rssMb(pid);

  const p95 = percentile(delays, 95);
  const rows = [
    ['clients', String(CLIENTS)],
    ['duration', `${SECONDS} s`],
    ['edits made', edits.toLocaleString('en-GB')],
    ['arrivals measured', delays.length.toLocaleString('en-GB')],
    ['median time to another client', `${percentile(delays, 50).toFixed(0)} ms`],
    [`p95 time to another client (budget ${BUDGET_MS} ms)`, `${p95.toFixed(0)} ms`],
    ['slowest', `${Math.max(...delays).toFixed(0)} ms`],
    [
      'server RSS at start / peak / end',
      `${rssAtStart.toFixed(0)} / ${rssPeak.toFixed(0)} / ${rssAtEnd.toFixed(0)} MB`,
    ],
    ['lost edits (must be 0)', String(lost)],
    ['verdict', p95 <= BUDGET_MS && lost === 0 ? 'within budget' : 'OVER BUDGET'],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(
    `\n| Team server soak, PostgreSQL, loopback${' '.repeat(Math.max(0, width - 38))} | ${'value'.padStart(22)} |`,
  );
  console.log(`| ${'-'.repeat(Math.max(width, 38))} | ${'-'.repeat(21)}: |`);
  for (const [name, value] of rows)
    console.log(`| ${name.padEnd(Math.max(width, 38))} | ${value.padStart(22)} |`);
  process.exitCode = p95 <= BUDGET_MS && lost === 0 ? 0 : 1;
} finally {
  for (const client of clients) for (const unit of client.units.values()) unit.destroy();
  await fixture.close();
  postgres.stop();
  folder.remove();
}
