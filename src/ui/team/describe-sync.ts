/* The words and colour of the team sync status, for the header's tag and the Settings panel. */
import type { SyncStatus } from '../../state/team.svelte';

export interface SyncDescription {
  label: string;
  colour: string;
  /** The person must sign in again for syncing to go on. */
  signIn: boolean;
}

const changes = (n: number) => (n === 1 ? '1 change' : `${n.toLocaleString('en-GB')} changes`);

export function describeSync(status: SyncStatus): SyncDescription {
  switch (status.state) {
    case 'synced':
      return { label: 'Synced', colour: 'govuk-tag--green', signIn: false };
    case 'connecting':
      return { label: 'Connecting', colour: 'govuk-tag--blue', signIn: false };
    case 'waiting':
      return {
        label: `Changes waiting: ${changes(status.waiting)}`,
        colour: 'govuk-tag--yellow',
        signIn: false,
      };
    case 'offline':
      return {
        label: status.waiting ? `Offline: ${changes(status.waiting)} waiting` : 'Offline',
        colour: 'govuk-tag--grey',
        signIn: false,
      };
    case 'signed-out':
      return { label: 'Signed out: sign in again', colour: 'govuk-tag--red', signIn: true };
  }
}
