/*
 * The restore worker's page side: one request, one answer, the worker stopped after it; a worker that
 * dies answers in words. The page keeps the file's bytes (to try again with a passphrase). The manager
 * runs the restore where it is told and tells a protected file by its head, without reading it whole.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupManager } from '../../src/state/backup-manager.svelte';
import { prepareRestoreInWorker, restoreInWorker } from '../../src/state/restore-worker/restore-client';
import type {
  PreparedRestore,
  RestoreMessage,
  RestoreRequest,
  RestoreResult,
} from '../../src/state/restore-worker/restore-job';
import { checkBackup, readAndReplace, replaceWith } from '../../src/state/restore-worker/restore-job';
import type { SettingsManager } from '../../src/state/settings-manager.svelte';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { backupRepository, type BackupRepository } from '../../src/storage/repositories/backup-repository';
import { shippedLibrary } from '../helpers/shipped-library';

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/invalid/backups/${name}`));

/** A stand-in worker: hands each message to `answer`, which may reply or fail. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: { preventDefault: () => void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  received: { message: RestoreMessage & RestoreRequest; transfer?: Transferable[] }[] = [];
  constructor(private readonly answer: (worker: FakeWorker, message: RestoreMessage) => void) {}
  postMessage(message: RestoreMessage & RestoreRequest, transfer?: Transferable[]) {
    this.received.push({ message, transfer });
    queueMicrotask(() => this.answer(this, message));
  }
  terminate() {
    this.terminated = true;
  }
}

const request = (bytes: Uint8Array): RestoreRequest => ({
  bytes,
  library: { shipped: [] },
  takenAt: '2026-12-03T09:00:00.000Z',
});

describe('the restore worker client', () => {
  it('passes a copy of the bytes, answers with the reply and stops the worker', async () => {
    const reply: RestoreResult = {
      ok: true,
      setAside: [],
      counts: { cycles: 1, evidence: 2, actions: 3, recommendations: 4, caseAudits: 5 },
    };
    const worker = new FakeWorker((w) => w.onmessage?.({ data: reply } as MessageEvent));
    const bytes = new Uint8Array([1, 2, 3]);
    const result = await restoreInWorker(request(bytes), () => worker as unknown as Worker);
    expect(result).toEqual(reply);
    expect(worker.terminated).toBe(true);
    expect([...bytes]).toEqual([1, 2, 3]);
    const sent = worker.received[0]!;
    expect([...sent.message.bytes]).toEqual([1, 2, 3]);
    expect(sent.message.bytes).not.toBe(bytes);
    expect(sent.transfer).toEqual([sent.message.bytes.buffer]);
  });

  it('checks a chosen file at once, from a copy, and writes it only when asked', async () => {
    const reply: RestoreResult = {
      ok: true,
      setAside: [],
      counts: { cycles: 1, evidence: 0, actions: 0, recommendations: 0, caseAudits: 0 },
    };
    const worker = new FakeWorker((w, message) => {
      if (message.kind === 'write') w.onmessage?.({ data: reply } as MessageEvent);
    });
    const bytes = new Uint8Array([1, 2, 3]);
    const prepared = prepareRestoreInWorker(bytes, { shipped: [] }, () => worker as unknown as Worker);
    const check = worker.received[0]!;
    expect(check.message.kind).toBe('check');
    expect(check.message.bytes).not.toBe(bytes);
    expect(check.transfer).toEqual([check.message.bytes.buffer]);
    expect(prepared.bytes).toBe(bytes);
    await Promise.resolve();
    expect(worker.received).toHaveLength(1);
    expect(worker.terminated).toBe(false);

    expect(await prepared.write('2026-12-04T09:00:00.000Z')).toEqual(reply);
    expect(worker.received[1]!.message).toEqual({ kind: 'write', takenAt: '2026-12-04T09:00:00.000Z' });
    expect(worker.terminated).toBe(true);
  });

  it('stops the worker of a chosen file that is put aside', () => {
    const worker = new FakeWorker(() => undefined);
    prepareRestoreInWorker(new Uint8Array([1]), { shipped: [] }, () => worker as unknown as Worker).discard();
    expect(worker.terminated).toBe(true);
  });

  it('answers in words when the worker stops unexpectedly', async () => {
    const worker = new FakeWorker((w) => w.onerror?.({ preventDefault: () => undefined }));
    const result = await restoreInWorker(request(new Uint8Array([1])), () => worker as unknown as Worker);
    expect(result).toEqual({ ok: false, unexpected: 'the restore stopped unexpectedly' });
    expect(worker.terminated).toBe(true);
  });
});

let db: WorkbookDatabase | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const settings = {
  author: () => ({ by: 'Ann Example', now: '2026-12-03T09:00:00.000Z' }),
  settings: { councilName: 'Exampleshire' },
  save: async () => undefined,
} as unknown as SettingsManager;

type Prepare = ConstructorParameters<typeof BackupManager>[5];

/** A manager on a new database whose runner restores in the test and records each request it is given. */
async function managerRecordingRuns(prepare?: (repository: BackupRepository) => Prepare) {
  db = openWorkbookDatabase(`restore-${crypto.randomUUID()}`);
  const repository = backupRepository(db);
  const library = await shippedLibrary();
  const runs: RestoreRequest[] = [];
  const manager = new BackupManager(
    repository,
    settings,
    async () => undefined,
    async () => library,
    (r) => {
      runs.push(r);
      return readAndReplace(r, repository);
    },
    prepare?.(repository),
  );
  return { manager, library, runs };
}

describe('where the manager runs a restore', () => {
  it('sends the file, the passphrase, the library and the time to the runner, and counts what came in', async () => {
    const { manager, library, runs: seen } = await managerRecordingRuns();
    const bytes = fixture('valid-base.json');
    const outcome = await manager.restore(bytes, 'not needed', 'base.json');
    expect(outcome.ok).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      bytes,
      passphrase: 'not needed',
      library,
      takenAt: '2026-12-03T09:00:00.000Z',
    });
    expect(manager.notice?.heading).toMatch(/^Restored .* from base\.json\.$/);
    expect(await manager.snapshotTakenAt()).toBe('2026-12-03T09:00:00.000Z');
  });

  it('writes a file checked when it was chosen, without checking it again', async () => {
    const started: { bytes: Uint8Array; discarded: boolean }[] = [];
    const { manager, runs } = await managerRecordingRuns(
      (repository) =>
        async (bytes, shipped): Promise<PreparedRestore> => {
          const check = checkBackup(bytes, undefined, shipped);
          const state = { bytes, discarded: false };
          started.push(state);
          return {
            bytes,
            write: async (takenAt) => replaceWith(await check, takenAt, repository),
            discard: () => (state.discarded = true),
          };
        },
    );
    const bytes = fixture('valid-base.json');
    manager.prepare(bytes);
    const outcome = await manager.restore(bytes, undefined, 'base.json');
    expect(outcome.ok).toBe(true);
    expect(runs).toHaveLength(0);
    expect(started).toHaveLength(1);
    expect(await manager.snapshotTakenAt()).toBe('2026-12-03T09:00:00.000Z');

    // Another file than the one checked, or a passphrase, and the check is put aside.
    const other = fixture('valid-base.json');
    manager.prepare(bytes);
    expect((await manager.restore(other, undefined, 'other.json')).ok).toBe(true);
    manager.prepare(other);
    expect((await manager.restore(other, 'a passphrase', 'other.json')).ok).toBe(true);
    expect(runs.map((r) => r.bytes)).toEqual([other, other]);
    expect(started.slice(1).map((s) => s.discarded)).toEqual([true, true]);
  });

  it('puts a failure the runner could not explain into words, and shows no notice', async () => {
    db = openWorkbookDatabase(`restore-${crypto.randomUUID()}`);
    const manager = new BackupManager(
      backupRepository(db),
      settings,
      async () => undefined,
      async () => ({ shipped: [] }),
      async () => ({ ok: false, unexpected: 'the restore stopped unexpectedly' }),
    );
    const outcome = await manager.restore(fixture('valid-base.json'));
    expect(outcome).toMatchObject({ ok: false });
    if (!outcome.ok)
      expect(outcome.messages[0]!.text).toMatch(
        /^could not be restored: something went wrong in this browser \(the restore stopped unexpectedly\)/,
      );
    expect(manager.notice).toBeUndefined();
  });
});

describe('telling a protected backup before restoring', () => {
  const manager = () =>
    new BackupManager(
      backupRepository(openWorkbookDatabase(`p-${crypto.randomUUID()}`)),
      settings,
      async () => undefined,
    );
  const encode = (text: string) => new TextEncoder().encode(text);

  it('reads the format name at the head of the files the app writes', async () => {
    expect(await manager().isProtected(encode('{"formatName":"readiness-workspace-encrypted","x":1}'))).toBe(
      true,
    );
    expect(await manager().isProtected(encode('{"formatName":"readiness-workspace","records":'))).toBe(false);
    expect(await manager().isProtected(fixture('valid-base.json'))).toBe(false);
  });

  it('reads the whole file when the format name is not first', async () => {
    const later = '{"iv":"AAAA","formatName":"readiness-workspace-encrypted"}';
    expect(await manager().isProtected(encode(later))).toBe(true);
    expect(await manager().isProtected(encode('{"formatName": 3}'))).toBe(false);
  });
});
