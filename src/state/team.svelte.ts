/*
 * Team mode as the pages see it (design.md §8): whether this app was opened from a team server, who is
 * signed in, the sync status for the header, who else is here, and conflicts to settle. The sync itself
 * (src/team) loads only once a person joins a team workspace, so the first load stays small.
 */
import type { SyncedRecord, SyncedTable } from '../storage/repositories/team-repository';
import type { UnitAccess } from '../team/change-access';
import type { Peer, SyncStatus, TeamUser, UnitConflict } from '../team/team-mode';
import type { TeamSync } from '../team/team-sync';

export type { Peer, SyncStatus, TeamUser, UnitConflict };

/** absent: no team server answers here. signed-out / signed-in: one does. joined: syncing with it. */
export type TeamPhase = 'unknown' | 'checking' | 'absent' | 'signed-out' | 'signed-in' | 'joined';
export type JoinChoice = 'bring' | 'separate';

interface Me {
  id: string;
  name: string;
  workspace: string;
  email?: string | null;
  /** The roles the server named (absent from a server before roles: then it decides alone). */
  roles?: string[];
}

/* The team server serves the app at its root (PUBLIC_URL has no path), so its routes are absolute. */

/** Kept in localStorage so a start needs no request and no team code unless this browser joined. */
const JOINED_KEY = 'readiness-workbook-team';
const SIGNING_IN_KEY = 'readiness-workbook-team-signing-in';
const PROBE_EVERY_MS = 10_000;

export class TeamManager {
  #phase = $state<TeamPhase>('unknown');
  #me = $state<Me | undefined>();
  /** The rules of what a role may change, loaded with team mode (initial JavaScript stays small). */
  #rules = $state<typeof import('../team/change-access') | undefined>();
  #status = $state<SyncStatus | undefined>();
  #peers = $state<Peer[]>([]);
  #conflicts = $state<UnitConflict[]>([]);
  #access = $state.raw<Readonly<Record<string, UnitAccess>>>({});
  #problem = $state('');
  #sync: TeamSync | undefined;
  #started = false;
  #route = '';
  #refresh: () => Promise<void> = async () => {};
  #reloadFrameworks: () => Promise<void> = async () => {};
  #lastProbe = 0;

  constructor(
    private readonly storage: () => Storage | undefined = () => globalThis.localStorage,
    private readonly go: (href: string) => void = (href) => location.assign(href),
  ) {}

  get phase(): TeamPhase {
    return this.#phase;
  }
  get me(): Me | undefined {
    return this.#me;
  }
  get status(): SyncStatus | undefined {
    return this.#status;
  }
  get peers(): Peer[] {
    return this.#peers;
  }
  get conflicts(): UnitConflict[] {
    return this.#conflicts;
  }
  /** What went wrong the last time, in words for the person. */
  get problem(): string {
    return this.#problem;
  }
  get joined(): boolean {
    return this.#joinedAs() !== undefined;
  }

  /** Why nothing at all may be changed here, for a person whose roles change nothing (a reader). */
  get readOnlyEverywhere(): string | undefined {
    const roles = this.#phase === 'joined' ? this.#me?.roles : undefined;
    const rules = this.#rules;
    if (!roles || !rules) return undefined;
    if (!roles.length) return rules.NO_ROLE_REFUSAL;
    return roles.every((role) => role === 'reader') ? rules.READER_REFUSAL : undefined;
  }

  /** Whether this person may agree work sent for review or send it back: alone anyone, in a team an administrator. */
  get mayReview(): boolean {
    const roles = this.#phase === 'joined' ? this.#me?.roles : undefined;
    return !roles || this.isAdmin;
  }

  /** In a team workspace, whether the server names this person an administrator (people and roles). */
  get isAdmin(): boolean {
    return this.#phase === 'joined' && (this.#me?.roles?.includes('admin') ?? false);
  }

  /**
   * Why the signed-in person may not change this record in the team workspace (in words for them), or
   * undefined when they may, or when this browser is not in a team workspace. The server enforces it.
   */
  refusal(table: SyncedTable, record: object): string | undefined {
    const me = this.#phase === 'joined' ? this.#me : undefined;
    const rules = this.#rules;
    if (!me?.roles || !rules) return undefined;
    const access = this.#access;
    const full = { id: '', createdAt: '', updatedAt: '', updatedBy: '', ...record } as SyncedRecord;
    return rules.changeRefusal({ ...me, roles: me.roles }, (unit) => access[unit], table, full, full);
  }

  /**
   * The author stamped on a change: in team mode the signed-in person (as /auth/me last named them,
   * even while signed out), so no typed name can pass for a colleague; otherwise `local` as it is.
   */
  stamp<T extends { by: string }>(local: T): T {
    const name = this.#phase === 'joined' && this.#me ? this.#me.name : this.#joinedAs()?.name;
    return name ? { ...local, by: name } : local;
  }

  /**
   * Called once the workspace has opened: resumes syncing if this browser joined a team workspace.
   * `refresh` re-reads the workspace's records and settings; `reloadFrameworks` the framework library.
   */
  async startIfJoined(
    refresh: () => Promise<void>,
    reloadFrameworks: () => Promise<void> = async () => {},
  ): Promise<void> {
    this.#refresh = refresh;
    this.#reloadFrameworks = reloadFrameworks;
    const joined = this.#joinedAs();
    if (!joined) return;
    const me = await this.#askMe();
    this.#me = me === 'signed-out' || me === 'absent' ? joined : me;
    await this.#startSync(me !== 'signed-out');
  }

  /** Asks this server who is signed in; sets the phase. */
  async check(): Promise<TeamPhase> {
    if (this.#started) return this.#phase;
    this.#phase = 'checking';
    this.#problem = '';
    const me = await this.#askMe();
    if (this.#started) return this.#phase;
    if (me === 'absent') this.#phase = 'absent';
    else if (me === 'signed-out') this.#phase = 'signed-out';
    else {
      this.#me = me;
      this.#phase = 'signed-in';
    }
    return this.#phase;
  }

  /** Sign-in is a visit to the identity provider that comes back to this page. */
  signIn(): void {
    globalThis.sessionStorage?.setItem(SIGNING_IN_KEY, '1');
    const back = `${location.pathname}${location.hash}`;
    this.go(`/auth/login?returnTo=${encodeURIComponent(back)}`);
  }

  /** Back from the identity provider: ask the server again, without another click. */
  async checkIfReturning(): Promise<void> {
    if (this.#phase !== 'unknown' || !globalThis.sessionStorage?.getItem(SIGNING_IN_KEY)) return;
    globalThis.sessionStorage.removeItem(SIGNING_IN_KEY);
    await this.check();
  }

  async signOut(): Promise<void> {
    const response = await fetch('/auth/logout', { method: 'POST' }).catch(() => undefined);
    this.#sync?.endSession();
    if (this.#phase !== 'joined') this.#phase = 'signed-out';
    const body = (await response?.json().catch(() => undefined)) as { endSessionUrl?: unknown } | undefined;
    if (typeof body?.endSessionUrl === 'string') this.go(body.endSessionUrl);
  }

  async hasLocalWork(): Promise<boolean> {
    const team = await import('../team/team-mode');
    return team.hasLocalWork();
  }

  /** Joins the team workspace; local work is brought in, or kept aside as a copy, never dropped. */
  async join(choice: JoinChoice): Promise<void> {
    const me = this.#me;
    if (!me) return;
    this.#problem = '';
    try {
      const team = await import('../team/team-mode');
      if (choice === 'separate' && (await team.hasLocalWork())) {
        await team.setLocalWorkAside(me.name);
        await this.#refresh();
      }
      this.storage()?.setItem(JOINED_KEY, JSON.stringify(me));
      await this.#startSync(true);
    } catch (error) {
      this.#problem = `Could not join the team workspace (${error instanceof Error ? error.message : String(error)}). Nothing in this browser was changed or lost: try again.`;
    }
  }

  /** Stops syncing and keeps every record in this browser as a local workspace. */
  async leave(): Promise<void> {
    await this.#sync?.stop();
    this.#sync = undefined;
    this.#started = false;
    this.storage()?.removeItem(JOINED_KEY);
    const team = await import('../team/team-mode');
    await team.forgetTeamDocuments();
    this.#status = undefined;
    this.#peers = [];
    this.#conflicts = [];
    this.#phase = 'unknown';
    await this.check();
  }

  setRoute(route: string): void {
    this.#route = route;
    this.#sync?.setRoute(route);
  }

  async settle(conflict: UnitConflict, value: unknown): Promise<void> {
    await this.#sync?.settle(conflict, value);
  }

  /** Resolves once local changes so far have reached the team documents (for tests and exports). */
  async idle(): Promise<void> {
    await this.#sync?.idle();
  }

  async #startSync(connect: boolean): Promise<void> {
    const me = this.#me;
    if (!me || this.#started) return;
    this.#started = true;
    try {
      const team = await import('../team/team-mode');
      this.#rules = team.accessRules;
      this.#phase = 'joined';
      this.#status = { state: connect ? 'connecting' : 'signed-out', waiting: 0, unavailable: [] };
      this.#sync = await team.startTeamSync({
        user: { id: me.id, name: me.name, email: me.email, ...(me.roles && { roles: me.roles }) },
        connect,
        refresh: async (tables) => {
          await Promise.all([
            this.#refresh(),
            tables.includes('frameworks') ? this.#reloadFrameworks() : undefined,
          ]);
        },
        onStatus: (status) => (this.#status = status),
        onPeers: (peers) => (this.#peers = peers),
        onConflicts: (conflicts) => (this.#conflicts = conflicts),
        onAccess: (access) => (this.#access = Object.fromEntries(access)),
        onSignedOut: () => undefined,
        onConnectionLost: () => void this.#probeAfterLoss(),
      });
      this.#sync.setRoute(this.#route || location.hash);
    } catch (error) {
      this.#started = false;
      this.#phase = 'signed-in';
      throw error;
    }
  }

  /** A socket that keeps closing may mean the session ended (the handshake is refused with 401). */
  async #probeAfterLoss(): Promise<void> {
    if (Date.now() - this.#lastProbe < PROBE_EVERY_MS) return;
    this.#lastProbe = Date.now();
    if ((await this.#askMe()) === 'signed-out') this.#sync?.endSession();
  }

  #joinedAs(): Me | undefined {
    try {
      const value = JSON.parse(this.storage()?.getItem(JOINED_KEY) ?? 'null') as Partial<Me> | null;
      return typeof value?.id === 'string' && typeof value.name === 'string'
        ? { id: value.id, name: value.name, workspace: String(value.workspace ?? ''), ...rolesOf(value) }
        : undefined;
    } catch {
      return undefined;
    }
  }

  async #askMe(): Promise<Me | 'signed-out' | 'absent'> {
    try {
      const response = await fetch('/auth/me', {
        headers: { accept: 'application/json' },
      });
      if (!(response.headers.get('content-type') ?? '').includes('application/json')) return 'absent';
      const body = (await response.json()) as Partial<Me> & { error?: string };
      if (response.status === 401) return 'signed-out';
      if (response.ok && typeof body.id === 'string' && typeof body.name === 'string') {
        const me = {
          id: body.id,
          name: body.name,
          workspace: String(body.workspace ?? ''),
          ...rolesOf(body),
        };
        // Remembered, so what this person may change is known offline and before the server answers.
        if (this.#joinedAs()) this.storage()?.setItem(JOINED_KEY, JSON.stringify(me));
        return me;
      }
      return 'absent';
    } catch {
      return 'absent';
    }
  }
}

/** The roles and email address /auth/me named, when it named them. */
function rolesOf(body: { roles?: unknown; email?: unknown }): Pick<Me, 'roles' | 'email'> {
  const roles = Array.isArray(body.roles)
    ? body.roles.filter((r): r is string => typeof r === 'string')
    : undefined;
  return {
    ...(roles && { roles }),
    ...(typeof body.email === 'string' && { email: body.email }),
  };
}

export const team = new TeamManager();
