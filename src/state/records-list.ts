/*
 * Replacing a record in a list held in state, by id, keeping the list's order.
 */
export function upsertById<T extends { id: string }>(list: readonly T[], record: T): T[] {
  const index = list.findIndex((r) => r.id === record.id);
  if (index === -1) return [...list, record];
  return list.map((r, i) => (i === index ? record : r));
}
