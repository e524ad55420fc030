/*
 * The team server's HTTP side that the sync needs (same origin as /sync): which units this person may
 * open now (/auth/units), and, from an administrator's browser, who each round, audit and moderation is
 * allocated to (/auth/allocations). The server checks both; a failure here only means trying again later.
 */
import type { SyncedRecord, SyncedTable } from '../storage/repositories/team-repository';
import { allocationOf } from './allocations';

export class TeamServerApi {
  /** The allocation last accepted for each unit, so an unchanged one is not sent again. */
  #sent = new Map<string, string>();
  #queue: Promise<void> = Promise.resolve();

  /** `syncUrl`: ws(s)://<this origin>/sync */
  constructor(private readonly syncUrl: string) {}

  async allowedUnits(): Promise<string[]> {
    try {
      const response = await fetch(this.#url('/auth/units'), { headers: { accept: 'application/json' } });
      if (!response.ok) return [];
      const body = (await response.json()) as { units?: { unit?: unknown }[] };
      return (body.units ?? [])
        .map((entry) => entry.unit)
        .filter((unit): unit is string => typeof unit === 'string');
    } catch {
      return [];
    }
  }

  allocate(table: SyncedTable, record: SyncedRecord): void {
    const allocation = allocationOf(table, record);
    if (!allocation) return;
    const body = JSON.stringify({ unit: allocation.unit, ...allocation.patch });
    if (this.#sent.get(allocation.unit) === body) return;
    this.#sent.set(allocation.unit, body);
    const forget = () => {
      if (this.#sent.get(allocation.unit) === body) this.#sent.delete(allocation.unit);
    };
    // One at a time: joining with a large workspace sends thousands, which must not flood the server.
    this.#queue = this.#queue
      .then(() =>
        fetch(this.#url('/auth/allocations'), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
      )
      .then((response) => {
        if (!response.ok) forget();
      })
      .catch(forget);
  }

  #url(path: string): string {
    return new URL(path, this.syncUrl.replace(/^ws/, 'http')).href;
  }
}
