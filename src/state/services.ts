/*
 * Wires storage to the state managers once, so UI code reaches data only through state/.
 */
import { workbookDatabase } from '../storage/db';
import { frameworksRepository } from '../storage/repositories/frameworks-repository';
import { FrameworkLibraryManager } from './framework-library.svelte';

async function fetchBytes(path: string): Promise<Uint8Array> {
  const response = await fetch(new URL(path, document.baseURI));
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

export const frameworkLibrary = new FrameworkLibraryManager(
  frameworksRepository(workbookDatabase()),
  fetchBytes,
);
