// @ts-check
/*
 * The names of sync units (design.md §8): one Yjs document per assessment cycle, audit round, case audit
 * and moderation, named `<kind>:<uuid>`, plus the shared units `registers`, `rehearsals`, `settings` (the
 * workspace's council name, marking and logo) and `frameworks` (the council's imported frameworks). The
 * server refuses every other name, so no client can create stray documents. Pure: the browser side
 * (src/team) may import it to build names the server accepts.
 */

export const UNIT_KINDS = /** @type {const} */ (['cycle', 'round', 'audit', 'moderation']);
export const SHARED_UNITS = /** @type {const} */ (['registers', 'rehearsals', 'settings', 'frameworks']);

/** Lower-case only, as crypto.randomUUID() writes it, so one record never has two unit names. */
const UNIT_NAME =
  /^(?:(?:cycle|round|audit|moderation):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|registers|rehearsals|settings|frameworks)$/;

/**
 * @param {unknown} name
 * @returns {name is string}
 */
export function isUnitName(name) {
  return typeof name === 'string' && UNIT_NAME.test(name);
}

/**
 * @param {(typeof UNIT_KINDS)[number]} kind
 * @param {string} id a record's UUID
 */
export function unitName(kind, id) {
  const name = `${kind}:${id}`;
  if (!isUnitName(name)) throw new Error(`Not a sync unit: ${kind} with id ${JSON.stringify(id)}`);
  return name;
}

/**
 * A refused name as it may appear in the log: clients choose it, so it is cut short (the log quotes it).
 * @param {string} name
 */
export function describeName(name) {
  return name.length > 80 ? `${name.slice(0, 80)}…` : name;
}
