/*
 * The frameworks shipped with the app (public/frameworks/, listed in index.json) go through the same
 * door as a council's own file: a damaged or tampered shipped file is reported, not trusted.
 */
import type { Framework } from '../../domain/framework/types';
import { formatIssue, type IssueMessage } from '../../validation/messages';
import { readFrameworkFile } from './import-framework';

export interface ShippedIndexEntry {
  file: string;
  id: string;
  version: number;
}

export interface ShippedFrameworks {
  frameworks: Framework[];
  problems: string[];
}

export type FetchBytes = (path: string) => Promise<Uint8Array>;

export async function loadShippedFrameworks(fetchBytes: FetchBytes): Promise<ShippedFrameworks> {
  const problems: string[] = [];
  let entries: ShippedIndexEntry[];
  try {
    const index = JSON.parse(new TextDecoder().decode(await fetchBytes('frameworks/index.json'))) as {
      frameworks?: ShippedIndexEntry[];
    };
    entries = Array.isArray(index.frameworks) ? index.frameworks : [];
  } catch (error) {
    return {
      frameworks: [],
      problems: [`The list of shipped frameworks could not be read (${String(error)}).`],
    };
  }
  // Fetched together, checked one by one in the list's order.
  const files = entries.map((entry) =>
    /^[a-z0-9-]+\.json$/.test(entry.file) ? fetchBytes(`frameworks/${entry.file}`) : undefined,
  );
  // Each failure is reported in its turn below, not as an unhandled rejection before it.
  for (const file of files) void file?.catch(() => undefined);
  const frameworks: Framework[] = [];
  for (const [i, entry] of entries.entries()) {
    const file = files[i];
    if (!file) {
      problems.push(`The shipped framework list names an unexpected file “${entry.file}”.`);
      continue;
    }
    try {
      const result = readFrameworkFile(await file);
      if (result.ok) frameworks.push(result.framework);
      else problems.push(...result.messages.map((m: IssueMessage) => `${entry.file}: ${formatIssue(m)}`));
    } catch (error) {
      problems.push(`${entry.file} could not be loaded (${String(error)}).`);
    }
  }
  return { frameworks, problems };
}
