import { readFileSync } from 'node:fs';
import type { Framework } from '../../src/domain/framework/types';
import { readFrameworkFile } from '../../src/import/framework/import-framework';

/** Loads a shipped framework through the real import door, failing loudly if it does not pass. */
export function shippedFramework(id: string): Framework {
  const result = readFrameworkFile(readFileSync(`public/frameworks/${id}.json`));
  if (!result.ok) throw new Error(`${id} does not validate: ${JSON.stringify(result.messages, null, 1)}`);
  return result.framework;
}
