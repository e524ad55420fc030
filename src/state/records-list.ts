/*
 * Lists of records held in state: replacing one by id, and reading them without losing a change.
 */
export function upsertById<T extends { id: string }>(list: readonly T[], record: T): T[] {
  const index = list.findIndex((r) => r.id === record.id);
  if (index === -1) return [...list, record];
  return list.map((r, i) => (i === index ? record : r));
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
