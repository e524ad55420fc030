/*
 * Lists of records held in state: replacing one by id, and reading them without losing a change.
 */
export function upsertById<T extends { id: string }>(list: readonly T[], record: T): T[] {
  const index = list.findIndex((r) => r.id === record.id);
  if (index === -1) return [...list, record];
  return list.map((r, i) => (i === index ? record : r));
}

/** The first record for each key, for lookups by id where a list would be searched again and again. */
export function firstByKey<T>(list: readonly T[], key: (record: T) => string): ReadonlyMap<string, T> {
  const index = new Map<string, T>();
  for (const record of list) if (!index.has(key(record))) index.set(key(record), record);
  return index;
}

/**
 * Reads a manager's records, again if one of its own changes landed meanwhile (`changes` counts them),
 * so a load that overlapped an edit never puts back the older list.
 */
export async function readWithoutLosingChanges<T>(
  saves: { idle(): Promise<void> },
  changes: () => number,
  read: () => Promise<T>,
): Promise<T> {
  for (;;) {
    const seen = changes();
    await saves.idle();
    const result = await read();
    if (seen === changes()) return result;
  }
}

/**
 * readWithoutLosingChanges, handing back the step that puts the records in state so that several
 * managers' lists can go in at once (pages then compute once, not once per list). Should one of the
 * manager's own changes land before that step runs, it reads again instead of putting back older records.
 */
export async function readForLater<T>(
  saves: { idle(): Promise<void> },
  changes: () => number,
  read: () => Promise<T>,
  put: (records: T) => void,
  readAgain: () => Promise<void>,
): Promise<() => void> {
  for (;;) {
    const seen = changes();
    await saves.idle();
    const result = await read();
    if (seen !== changes()) continue;
    return () => (seen === changes() ? put(result) : void readAgain());
  }
}
