/*
 * The one module the app loads (lazily) to run team mode: it opens team mode's database, sets local work
 * aside when the person chose to keep it separate, and starts the sync. Nothing here loads otherwise.
 */
import { workbookDatabase } from '../storage/db';
import { teamRepository } from '../storage/repositories/team-repository';
import { openTeamDatabase, type TeamDatabase } from './team-db';
import { TeamSync, type TeamSyncOptions } from './team-sync';

export type { Peer, SyncStatus, TeamUser, UnitConflict } from './team-sync';
/** What a role may change (change-access.ts): loaded with the rest of team mode, never before. */
export * as accessRules from './change-access';

let teamDb: TeamDatabase | undefined;
const database = () => (teamDb ??= openTeamDatabase());
const workbook = () => teamRepository(workbookDatabase());

export function syncUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

export async function hasLocalWork(): Promise<boolean> {
  return workbook().hasRecords();
}

/** Keeps this browser's records as a copy outside the workspace, then empties it for the team's. */
export async function setLocalWorkAside(by: string): Promise<void> {
  await workbook().setAsideForTeam(new Date().toISOString(), by);
}

export async function startTeamSync(
  options: Omit<TeamSyncOptions, 'workbook' | 'teamDb' | 'url'>,
): Promise<TeamSync> {
  const sync = new TeamSync({ ...options, workbook: workbook(), teamDb: database(), url: syncUrl(location) });
  await sync.start();
  return sync;
}

/** Leaving team mode: the workbook keeps every record as it stands; the team's documents go. */
export async function forgetTeamDocuments(): Promise<void> {
  const db = database();
  teamDb = undefined;
  db.close();
  await db.delete();
}
