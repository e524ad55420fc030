// @ts-check
/*
 * Per-record write checks for contributors (issue 22: a contributor edits only the judgements and
 * criteria assigned to them). The update is applied to a scratch copy of the unit first; every table
 * entry it touched must be a criterion assessment, judgement assessment or narrative whose assignee, as
 * the server holds it before the update, is this person, and the update may not change that assignee
 * nor agree the record or send it back (isReviewDecision: review is an administrator's);
 * or a comment that is theirs, or another's whose thread they resolve or reopen (commentChangeProblem).
 * The projector's change log (`changes`) may gain entries only about those records (and lose any: the
 * browser trims it). Anything else in
 * the update refuses the whole update, so nothing of it is applied or passed on.
 */
import * as Y from 'yjs';
import { ASSIGNED_TABLES, commentChangeProblem, isAssignedTo, isReviewDecision } from './assignment.js';

export { ASSIGNED_TABLES, isAssignedTo };
const CHANGE_LOG = 'changes';
/** Comments in a cycle: any contributor writes their own and may resolve anyone's (assignment.js). */
const COMMENTS = 'comments';
const SYNC_MESSAGES = new Set([0, 4]);
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update a Hocuspocus message carries, or undefined for any other message (state vectors,
 * awareness, authentication). The message has passed checkMessage, so it parses.
 * @param {Uint8Array} message
 */
export function updateIn(message) {
  let pos = 0;
  const uint = () => {
    let value = 0;
    let factor = 1;
    for (;;) {
      const byte = /** @type {number} */ (message[pos++]);
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) return value;
      factor *= 128;
    }
  };
  const nameLength = uint();
  pos += nameLength; // the document name
  if (!SYNC_MESSAGES.has(uint())) return undefined;
  const step = uint();
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return undefined;
  const length = uint();
  return message.subarray(pos, pos + length);
}

/**
 * @param {Y.Doc} document the unit as the server holds it
 * @param {Uint8Array} update
 * @param {import('./roles.js').Person} person
 * @returns {{ ok: true } | { ok: false, problem: string }}
 */
export function checkContributorUpdate(document, update, person) {
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document));
  /** @type {Set<string>} */
  const touched = new Set();
  let unplaced = false;
  scratch.on('afterTransaction', (transaction) => {
    for (const [type, keys] of transaction.changed) {
      const place = placeOf(scratch, type);
      if (!place) unplaced = true;
      else if (place.key !== undefined) touched.add(JSON.stringify([place.root, place.key]));
      else for (const key of keys) touched.add(JSON.stringify([place.root, key]));
    }
  });
  Y.applyUpdate(scratch, update);
  // Structs waiting for a missing part would be applied later, unchecked: refuse them now.
  if (scratch.store.pendingStructs || scratch.store.pendingDs) return { ok: false, problem: 'incomplete' };
  if (unplaced) return { ok: false, problem: 'outside-records' };

  // getMap types a top-level map the server has only ever received as updates; it adds no content.
  const before = (/** @type {string} */ table, /** @type {string} */ id) => {
    const record = ASSIGNED_TABLES.has(table) ? document.getMap(table).get(id) : undefined;
    return record instanceof Y.Map ? record : undefined;
  };
  const plain = (/** @type {unknown} */ value) =>
    value instanceof Y.Map ? /** @type {Record<string, unknown>} */ (value.toJSON()) : undefined;
  const editable = (/** @type {string} */ table, /** @type {string} */ id) => {
    if (table === COMMENTS) {
      const was = plain(document.getMap(COMMENTS).get(id));
      return !commentChangeProblem(was, plain(scratch.getMap(COMMENTS).get(id)), person);
    }
    if (!ASSIGNED_TABLES.has(table)) return false;
    const record = before(table, id);
    return Boolean(record && isAssignedTo(record.get('assignee'), person));
  };
  for (const entry of touched) {
    const [root, key] = /** @type {[string, string | null]} */ (JSON.parse(entry));
    if (key === null) return { ok: false, problem: 'outside-records' };
    if (root === CHANGE_LOG) {
      // The browser trims old entries from the log (trim-change-log.ts): removing one is allowed.
      if (!scratch.getMap(CHANGE_LOG).has(key)) continue;
      // `<table>/<id>/<field>@<side>`: an id may hold a slash, a table or field never does.
      const parts = key.split('/');
      if (!editable(parts[0] ?? '', parts.slice(1, -1).join('/'))) {
        return { ok: false, problem: 'not-assigned' };
      }
      continue;
    }
    if (!editable(root, key))
      return { ok: false, problem: root === COMMENTS ? 'not-theirs' : 'not-assigned' };
    if (root === COMMENTS) continue;
    const after = scratch.getMap(root).get(key);
    if (!(after instanceof Y.Map) || after.get('assignee') !== before(root, key)?.get('assignee')) {
      return { ok: false, problem: 'assignee-changed' };
    }
    if (isReviewDecision(plain(before(root, key)), plain(after)))
      return { ok: false, problem: 'review-decision' };
  }
  return { ok: true };
}

/**
 * The top-level type a changed type sits in, and the key of the entry under it (undefined when the
 * changed type is the top-level type itself: then the changed keys are the entries).
 * @param {Y.Doc} doc
 * @param {Y.AbstractType<any>} type
 * @returns {{ root: string, key?: string | null } | undefined}
 */
function placeOf(doc, type) {
  let item = type._item;
  if (!item) return rootName(doc, type);
  while (item.parent instanceof Y.AbstractType && item.parent._item) item = item.parent._item;
  const root = item.parent instanceof Y.AbstractType ? rootName(doc, item.parent) : undefined;
  return root && { root: root.root, key: item.parentSub };
}

/**
 * @param {Y.Doc} doc
 * @param {Y.AbstractType<any>} type
 */
function rootName(doc, type) {
  for (const [name, shared] of doc.share) if (shared === type) return { root: name };
  return undefined;
}
