/*
 * The shipped frameworks as the app knows them: every file public/frameworks/index.json lists, read
 * through the same loader (src/import/framework/shipped.ts), for the backup door to check against.
 */
import { readFileSync } from 'node:fs';
import type { BackupLibrary } from '../../src/import/backup/read-backup';
import { loadShippedFrameworks } from '../../src/import/framework/shipped';

let loaded: Promise<BackupLibrary> | undefined;

export function shippedLibrary(): Promise<BackupLibrary> {
  loaded ??= loadShippedFrameworks(async (path) => new Uint8Array(readFileSync(`public/${path}`))).then(
    ({ frameworks, problems }) => {
      if (problems.length) throw new Error(`Shipped frameworks refused: ${problems.join(' ')}`);
      return { shipped: frameworks };
    },
  );
  return loaded;
}
