/*
 * A real Svelte 5 $state proxy, as a manager would hold a record, for proving that storage writes
 * plain copies: IndexedDB cannot clone a proxy (DataCloneError, svelte issue #15327).
 */
export function reactive<T>(value: T): T {
  const state = $state(value);
  return state;
}
