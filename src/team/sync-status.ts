/*
 * What the header says of team mode, worked out from the socket and the open units: signed out,
 * offline, connecting (the socket or a unit still loading), waiting (local changes not yet acknowledged)
 * or synced.
 */
export type SyncState = 'connecting' | 'synced' | 'waiting' | 'offline' | 'signed-out';

export interface SyncStatus {
  state: SyncState;
  /** Local changes the server has not acknowledged yet. */
  waiting: number;
  /** Units the server could not load: kept here as they are. */
  unavailable: string[];
}

export interface Peer {
  clientId: number;
  name: string;
  route: string;
}

export interface TeamUser {
  id: string;
  name: string;
}

export interface SyncFacts {
  signedOut: boolean;
  socket: 'connecting' | 'connected' | 'disconnected';
  /** Every unit known at the start has opened. */
  ready: boolean;
  /** A unit is still opening. */
  opening: boolean;
  /** The providers of the units that count: not those the server refused. */
  units: readonly { unsyncedChanges: number; isSynced: boolean }[];
  online?: boolean;
}

export function syncStateOf(facts: SyncFacts): Omit<SyncStatus, 'unavailable'> {
  const waiting = facts.units.reduce((sum, unit) => sum + unit.unsyncedChanges, 0);
  const loading = facts.opening || facts.units.some((unit) => !unit.isSynced);
  const online = facts.online ?? (typeof navigator === 'undefined' || navigator.onLine !== false);
  const state: SyncState = facts.signedOut
    ? 'signed-out'
    : !online || facts.socket === 'disconnected'
      ? 'offline'
      : facts.socket === 'connecting' || !facts.ready || loading
        ? 'connecting'
        : waiting > 0
          ? 'waiting'
          : 'synced';
  return { state, waiting };
}
