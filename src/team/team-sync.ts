/*
 * Team mode at run time (design.md §8): every sync unit of the workspace open as a Y.Doc kept in
 * IndexedDB by y-dexie, each attached to the one HocuspocusProviderWebsocket of this tab on
 * `/sync` of this origin. Local writes reach the units through the workbook's change hooks; what the
 * team changed is written into the workbook's tables and the pages refresh as they do for another tab.
 * A unit the server cannot load is kept as it is here and never retried in a loop.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { DexieYProvider } from 'y-dexie';
import type * as Y from 'yjs';
import {
  SYNCED_TABLES,
  isSetupTable,
  type LocalChange,
  type SyncedRecord,
  type SyncedTable,
  type TeamRepository,
  type TeamWrite,
} from '../storage/repositories/team-repository';
import {
  canonical,
  conflictsOf,
  readRecord,
  removeRecord,
  settleConflict,
  tableOf,
  watchTeamChanges,
  writeRecord,
  type Who,
} from './projector';
import { changeRefusal, type TeamPerson, type UnitAccess } from './change-access';
import { conflictInContext, type UnitConflict } from './conflict-context';
import { LocalInFlight } from './local-in-flight';
import type { TeamDatabase } from './team-db';
import { syncStateOf, type Peer, type SyncStatus, type TeamUser } from './sync-status';
import { TeamServerApi } from './team-server-api';
import { TextMemory } from './text-memory';
import { TRIM_LIMITS, trimChangeLog } from './trim-change-log';
import { REGISTERS, SETUP_UNITS, SHARED_UNITS, unitOfRecord } from './units';

export type { Peer, SyncState, SyncStatus, TeamUser } from './sync-status';
export type { UnitConflict } from './conflict-context';

export interface TeamSyncOptions {
  workbook: TeamRepository;
  teamDb: TeamDatabase;
  /** The signed-in person, with the roles the server named: what they may change is refused here too. */
  user: TeamUser & Partial<Pick<TeamPerson, 'email' | 'roles'>>;
  /** ws(s)://<this origin>/sync */
  url: string;
  /** Re-reads the workspace into the pages (the refresh other tabs' writes trigger), given the tables written. */
  refresh: (tables: SyncedTable[]) => Promise<void>;
  onStatus: (status: SyncStatus) => void;
  onPeers: (peers: Peer[]) => void;
  onConflicts: (conflicts: UnitConflict[]) => void;
  /** The access the server granted each unit opened so far. */
  onAccess?: (access: ReadonlyMap<string, UnitAccess>) => void;
  /** The socket was closed for an ended session: sign in again to go on syncing. */
  onSignedOut: () => void;
  /** The socket closed for another reason (network, refused handshake): worth asking /auth/me. */
  onConnectionLost?: () => void;
  /** False when the person is signed out: the units open and keep local edits, nothing connects. */
  connect?: boolean;
  now?: () => Date;
  WebSocketPolyfill?: unknown;
}

interface OpenUnit {
  name: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  stop: () => void;
}

const SIGNED_OUT_CODES = new Set([4401, 4403]);
const ATTACH_BATCH = 50;
const REFRESH_MS = 150;
/** How often to ask the server which rounds, audits and moderations this person may open now. */
const UNITS_EVERY_MS = 20_000;

export class TeamSync {
  #units = new Map<string, OpenUnit>();
  #opening = new Map<string, Promise<OpenUnit>>();
  #socket: HocuspocusProviderWebsocket | undefined;
  #socketState: 'connecting' | 'connected' | 'disconnected' = 'connecting';
  #signedOut = false;
  #unavailable = new Set<string>();
  /** Units this person's roles do not open (issue 22): neither loading nor a problem. */
  #forbidden = new Set<string>();
  #access = new Map<string, UnitAccess>();
  #unitsTimer: ReturnType<typeof setInterval> | undefined;
  #ready = false;
  #queued: LocalChange[][] = [];
  #stopLocal: (() => void) | undefined;
  #stopNetwork: (() => void) | undefined;
  #toWorkbook = new Map<string, Map<SyncedTable, Set<string>>>();
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #conflictTimer: ReturnType<typeof setTimeout> | undefined;
  #route = '';
  #work: Promise<unknown> = Promise.resolve();
  #texts = new TextMemory();
  #inFlight = new LocalInFlight();
  #stopped = false;
  /** Units that have had the team's state this session. */
  #synced = new Set<string>();
  /** Per set-up unit, records (id → table) to create once the team's state is in, unless it has them. */
  #awaitingTeam = new Map<string, Map<string, SyncedTable>>();

  #server: TeamServerApi;

  constructor(private readonly options: TeamSyncOptions) {
    this.#server = new TeamServerApi(options.url);
  }

  get #who(): Who {
    return { by: this.options.user.name, at: (this.options.now?.() ?? new Date()).toISOString() };
  }

  async start(): Promise<void> {
    // Hooks first, so no local write made while the units open is missed.
    if (this.options.connect === false) this.#signedOut = true;
    this.#stopLocal = this.options.workbook.watchLocalChanges(
      (changes) => {
        if (this.#ready) this.#send(changes);
        else this.#queued.push(changes);
      },
      {
        noted: (change) => this.#inFlight.add(change),
        aborted: (changes) => this.#inFlight.done(changes),
        refusal: (table, before, after) => this.refusal(table, before, after),
      },
    );
    this.#socket = new HocuspocusProviderWebsocket({
      url: this.options.url,
      delay: 500,
      minDelay: 250,
      maxDelay: 5_000,
      factor: 1.5,
      maxAttempts: 0,
      autoConnect: this.options.connect !== false,
      ...(this.options.WebSocketPolyfill ? { WebSocketPolyfill: this.options.WebSocketPolyfill } : {}),
      onStatus: ({ status }) => {
        this.#socketState = status;
        if (status === 'connected' && this.#ready) void this.#openAllocated();
        this.#report();
      },
      onClose: ({ event }) => {
        if (SIGNED_OUT_CODES.has(event?.code)) this.endSession();
        else this.options.onConnectionLost?.();
      },
    });
    const onNetwork = () => {
      // A socket the browser went offline under may linger: drop it now, and try again once back.
      if (navigator.onLine === false) this.#socket?.disconnect();
      else if (!this.#signedOut) void this.#socket?.connect();
      this.#report();
    };
    globalThis.addEventListener?.('online', onNetwork);
    globalThis.addEventListener?.('offline', onNetwork);
    this.#stopNetwork = () => {
      globalThis.removeEventListener?.('online', onNetwork);
      globalThis.removeEventListener?.('offline', onNetwork);
    };
    const local = await this.#localRecordsByUnit();
    const stored = (await this.options.teamDb.units.toCollection().primaryKeys()) as string[];
    const names = [...new Set([...SHARED_UNITS, ...local.keys(), ...stored])];
    for (let i = 0; i < names.length; i += ATTACH_BATCH) {
      await Promise.all(names.slice(i, i + ATTACH_BATCH).map((name) => this.#open(name, local.get(name))));
    }
    this.#ready = true;
    for (const changes of this.#queued.splice(0)) this.#send(changes);
    void this.#openAllocated();
    this.#unitsTimer = setInterval(() => {
      if (this.#socketState === 'connected') void this.#openAllocated();
    }, UNITS_EVERY_MS);
    await this.#work;
    this.#report();
    this.#scheduleConflicts();
  }

  /** Why this person may not make this change in the team workspace, or undefined when they may. */
  refusal(table: SyncedTable, before: SyncedRecord | undefined, after: SyncedRecord | undefined) {
    const { user } = this.options;
    if (!user.roles) return undefined;
    const person = { id: user.id, name: user.name, email: user.email, roles: user.roles };
    return changeRefusal(person, (unit) => this.#access.get(unit), table, before, after);
  }

  /**
   * Opens every round, audit and moderation the server says this person may open: how an auditor or a
   * moderator, who cannot read the registers' directory of units, learns of the ones allocated to them.
   */
  async #openAllocated(): Promise<void> {
    if (this.#signedOut || this.#stopped) return;
    for (const unit of await this.#server.allowedUnits()) {
      if (!this.#units.has(unit) && !this.#stopped) void this.#open(unit);
    }
  }

  /** An administrator's write of a round, audit or moderation tells the server who it is allocated to. */
  #allocate(table: SyncedTable, record: SyncedRecord): void {
    if (this.options.user.roles?.includes('admin') && !this.#signedOut) this.#server.allocate(table, record);
  }

  #setAccess(name: string, access: UnitAccess): void {
    if (this.#access.get(name) === access) return;
    this.#access.set(name, access);
    this.options.onAccess?.(new Map(this.#access));
  }

  /** Resolves once every local change so far has reached the units (not necessarily the server). */
  idle(): Promise<unknown> {
    return this.#work;
  }

  /** Where this person is in the app, for presence ("Sam is on this page"). */
  setRoute(route: string): void {
    this.#route = route;
    this.#units.get(REGISTERS)?.provider.setAwarenessField('user', {
      name: this.options.user.name,
      route,
    });
  }

  async settle(conflict: UnitConflict, value: unknown): Promise<void> {
    const unit = this.#units.get(conflict.unit);
    if (!unit) return;
    settleConflict(unit.doc, conflict, value, this.#who);
    this.#queueToWorkbook(conflict.unit, conflict.table, [conflict.id]);
    this.#scheduleConflicts();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopLocal?.();
    this.#stopNetwork?.();
    clearInterval(this.#unitsTimer);
    clearTimeout(this.#conflictTimer);
    await this.#flushToWorkbook();
    for (const unit of this.#units.values()) {
      unit.stop();
      unit.provider.destroy();
      DexieYProvider.release(unit.doc);
    }
    this.#units.clear();
    this.#socket?.destroy();
  }

  #serial(task: () => Promise<void> | void): void {
    this.#work = this.#work.then(task).catch((error: unknown) => console.error('Team sync:', error));
  }

  #send(changes: LocalChange[]): void {
    this.#serial(() => this.#sendLocal(changes).finally(() => this.#inFlight.done(changes)));
  }

  /** Syncing stops until the next sign-in (a new page load); editing goes on. */
  endSession(): void {
    if (this.#signedOut) return;
    this.#signedOut = true;
    // Editing goes on and is kept in IndexedDB; syncing waits for the next sign-in.
    this.#socket?.disconnect();
    this.#report();
    this.options.onSignedOut();
  }

  #report(): void {
    if (this.#stopped) return;
    const units = [...this.#units.values()]
      // A refused unit's provider still counts the sync it asked for: nothing there is waiting to go.
      .filter((unit) => !this.#unavailable.has(unit.name) && !this.#forbidden.has(unit.name))
      .map((unit) => unit.provider);
    const state = syncStateOf({
      signedOut: this.#signedOut,
      socket: this.#socketState,
      ready: this.#ready,
      opening: this.#opening.size > 0,
      units,
    });
    this.options.onStatus({ ...state, unavailable: [...this.#unavailable].sort() });
  }

  async #localRecordsByUnit(): Promise<Map<string, { table: SyncedTable; record: SyncedRecord }[]>> {
    const byUnit = new Map<string, { table: SyncedTable; record: SyncedRecord }[]>();
    for (const table of SYNCED_TABLES) {
      for (const record of await this.options.workbook.readAll(table)) {
        const unit = unitOfRecord(table, record);
        if (!unit) continue;
        const list = byUnit.get(unit) ?? [];
        list.push({ table, record });
        byUnit.set(unit, list);
      }
    }
    return byUnit;
  }

  #open(name: string, local: { table: SyncedTable; record: SyncedRecord }[] = []): Promise<OpenUnit> {
    const open = this.#units.get(name);
    if (open) return Promise.resolve(open);
    let opening = this.#opening.get(name);
    if (!opening) {
      opening = this.#load(name, local).finally(() => {
        this.#opening.delete(name);
        this.#report();
      });
      this.#opening.set(name, opening);
    }
    return opening;
  }

  async #load(name: string, local: { table: SyncedTable; record: SyncedRecord }[]): Promise<OpenUnit> {
    const { teamDb } = this.options;
    if (!(await teamDb.units.get(name))) await teamDb.units.put({ name } as never);
    const row = (await teamDb.units.get(name))!;
    const doc = row.doc;
    await DexieYProvider.load(doc).whenLoaded;

    // What this browser holds that the unit does not yet (new here, or written before the hooks ran).
    for (const { table, record } of local) {
      const held = readRecord(doc, table, record.id);
      this.#texts.remember(table, held);
      this.#texts.remember(table, record);
      if (!held && SETUP_UNITS.has(name)) this.#awaitTeam(name, table, record.id);
      else if (!held || String(record.updatedAt) > String(held.updatedAt)) {
        writeRecord(doc, table, record, undefined, this.#who, this.#texts.basesOf(table, record.id));
        this.#allocate(table, record);
      }
    }
    const stopWatching = watchTeamChanges(doc, SYNCED_TABLES, (table, ids) =>
      this.#queueToWorkbook(name, table, ids),
    );
    for (const table of SYNCED_TABLES) this.#queueToWorkbook(name, table, tableOf(doc, table).keys());
    const onUpdate = () => this.#scheduleConflicts();
    doc.on('update', onUpdate);

    const provider = new HocuspocusProvider({
      websocketProvider: this.#socket!,
      name,
      document: doc,
      token: 'session-cookie',
      ...(name === REGISTERS ? {} : { awareness: null }),
      onAuthenticationFailed: ({ reason }) => {
        if (reason === 'not-signed-in') this.endSession();
        else if (reason === 'unit-unavailable' || reason === 'forbidden') {
          (reason === 'forbidden' ? this.#forbidden : this.#unavailable).add(name);
          if (reason === 'forbidden') this.#setAccess(name, 'none');
          provider.detach();
        }
        this.#report();
      },
      onAuthenticated: ({ scope }) => this.#setAccess(name, scope === 'readonly' ? 'read' : 'write'),
      onUnsyncedChanges: () => this.#report(),
      onSynced: () => {
        if (!this.#synced.has(name)) {
          this.#synced.add(name);
          // A read-only unit takes no change from here: a trim or a record made in it would wait forever.
          const writable = provider.authorizedScope !== 'readonly';
          // Once the team's state is in, so what the trim keeps is judged on every side's edits.
          if (writable) trimChangeLog(doc, { ...TRIM_LIMITS, now: this.options.now?.() ?? new Date() });
          this.#serial(() => this.#createAwaited(name, writable));
        }
        this.#report();
      },
    });
    let stopDirectory = () => {};
    if (name === REGISTERS) {
      const directory = doc.getMap<string>('units');
      const openListed = () => {
        for (const listed of directory.keys()) if (!this.#units.has(listed)) void this.#open(listed);
      };
      directory.observe(openListed);
      stopDirectory = () => directory.unobserve(openListed);
      provider.on('awarenessChange', () => this.#reportPeers(provider));
      provider.setAwarenessField('user', { name: this.options.user.name, route: this.#route });
      queueMicrotask(openListed);
    }
    provider.attach();
    const unit: OpenUnit = {
      name,
      doc,
      provider,
      stop: () => {
        stopWatching();
        stopDirectory();
        doc.off('update', onUpdate);
      },
    };
    this.#units.set(name, unit);
    this.#report();
    if (!(SHARED_UNITS as readonly string[]).includes(name)) this.#list(name);
    return unit;
  }

  /**
   * The workspace's set-up has one record many browsers would create alike (the settings row): created
   * before the team's copy arrived, two copies would race and one would vanish whole. So a browser
   * creates it only once it has the team's state, and only if the team has none: someone joining
   * takes the team's settings, the first to join brings theirs.
   */
  #awaitTeam(unit: string, table: SyncedTable, id: string): void {
    const waiting = this.#awaitingTeam.get(unit) ?? new Map<string, SyncedTable>();
    waiting.set(id, table);
    this.#awaitingTeam.set(unit, waiting);
  }

  async #createAwaited(name: string, writable: boolean): Promise<void> {
    const unit = this.#units.get(name);
    const waiting = this.#awaitingTeam.get(name);
    this.#awaitingTeam.delete(name);
    if (!unit || !waiting) return;
    for (const [id, table] of waiting) {
      const [record] = await this.options.workbook.read(table, [id]);
      if (writable && record && !tableOf(unit.doc, table).has(id))
        writeRecord(unit.doc, table, record, undefined, this.#who);
      this.#queueToWorkbook(name, table, [id]);
    }
  }

  /** Every unit is listed in the registers unit, so the others learn it exists and open it. */
  #list(name: string): void {
    const registers = this.#units.get(REGISTERS);
    if (!registers) {
      void this.#open(REGISTERS).then(() => this.#list(name));
      return;
    }
    const directory = registers.doc.getMap<string>('units');
    if (!directory.has(name)) directory.set(name, this.#who.at);
  }

  async #sendLocal(changes: LocalChange[]): Promise<void> {
    const byTable = new Map<SyncedTable, LocalChange[]>();
    for (const change of changes) byTable.set(change.table, [...(byTable.get(change.table) ?? []), change]);
    for (const [table, list] of byTable) {
      const records = await this.options.workbook.read(
        table,
        list.map((c) => c.id),
      );
      for (const [index, change] of list.entries()) {
        const record = records[index];
        if (!record) {
          // The workspace's set-up is never removed from the team by a browser (see team-repository).
          if (isSetupTable(table)) continue;
          for (const unit of this.#units.values()) {
            if (tableOf(unit.doc, table).has(change.id)) removeRecord(unit.doc, table, change.id);
          }
          continue;
        }
        const name = unitOfRecord(table, record);
        if (!name) continue;
        const unit = await this.#open(name);
        if (SETUP_UNITS.has(name) && !this.#synced.has(name) && !tableOf(unit.doc, table).has(record.id)) {
          this.#awaitTeam(name, table, record.id);
          continue;
        }
        writeRecord(unit.doc, table, record, change.fields, this.#who, this.#texts.basesOf(table, record.id));
        this.#allocate(table, record);
        this.#texts.remember(table, record);
        // The unit may now differ from what was written (an edit merged into a colleague's newer text).
        this.#queueToWorkbook(name, table, [record.id]);
      }
    }
  }

  #queueToWorkbook(unit: string, table: SyncedTable, ids: Iterable<string>): void {
    let tables = this.#toWorkbook.get(unit);
    if (!tables) {
      tables = new Map();
      this.#toWorkbook.set(unit, tables);
    }
    const set = tables.get(table) ?? new Set<string>();
    for (const id of ids) set.add(id);
    tables.set(table, set);
    clearTimeout(this.#flushTimer);
    this.#flushTimer = setTimeout(() => this.#serial(() => this.#flushToWorkbook()), REFRESH_MS);
  }

  async #flushToWorkbook(): Promise<void> {
    const pending = this.#toWorkbook;
    this.#toWorkbook = new Map();
    const changes: { table: SyncedTable; put: TeamWrite[]; remove: TeamWrite[] }[] = [];
    for (const [name, tables] of pending) {
      const unit = this.#units.get(name);
      if (!unit) continue;
      for (const [table, ids] of tables) {
        const list = [...ids];
        const stored = await this.options.workbook.read(table, list);
        const put: TeamWrite[] = [];
        const remove: TeamWrite[] = [];
        list.forEach((id, index) => {
          // Its local change will reach the unit and queue this record again: the unit's copy is older.
          if (this.#inFlight.has(table, id)) return;
          const held = readRecord(unit.doc, table, id);
          const here = stored[index];
          if (!held) {
            if (here && unitOfRecord(table, here) === name) remove.push({ id, expected: here });
          } else if (!here || canonical(here) !== canonical(held)) {
            put.push({ id, record: held, expected: here });
            this.#texts.remember(table, held);
          }
        });
        if (put.length || remove.length) changes.push({ table, put, remove });
      }
    }
    if (!changes.length) return;
    const same = (a: unknown, b: unknown) => canonical(a ?? null) === canonical(b ?? null);
    if ((await this.options.workbook.writeFromTeam(changes, same)) > 0)
      await this.options.refresh([...new Set(changes.map((c) => c.table))]);
  }

  #scheduleConflicts(): void {
    clearTimeout(this.#conflictTimer);
    this.#conflictTimer = setTimeout(() => {
      const all: UnitConflict[] = [];
      for (const unit of this.#units.values())
        for (const conflict of conflictsOf(unit.doc))
          all.push(conflictInContext(unit.name, unit.doc, conflict, (name) => this.#units.get(name)?.doc));
      this.options.onConflicts(all);
      this.#report();
    }, 300);
  }

  #reportPeers(provider: HocuspocusProvider): void {
    const awareness = provider.awareness;
    if (!awareness) return;
    const peers: Peer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const user = (state as { user?: { name?: unknown; route?: unknown } }).user;
      if (typeof user?.name === 'string')
        peers.push({ clientId, name: user.name, route: typeof user.route === 'string' ? user.route : '' });
    }
    this.options.onPeers(peers);
  }
}
