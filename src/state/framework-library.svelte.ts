import type { Framework } from '../domain/framework/types';
import { frameworkKey } from '../domain/framework/lookup';
import type { FetchBytes, ShippedFrameworks } from '../import/framework/shipped';
import type { FrameworksRepository } from '../storage/repositories/frameworks-repository';
import type { IssueMessage } from '../validation/messages';

// The validators are large and needed only to read framework files: they load after the first paint.
const frameworkDoor = () => import('./framework-door');

export interface LibraryEntry {
  key: string;
  framework: Framework;
  origin: 'shipped' | 'imported';
  importedAt?: string;
  importedBy?: string;
  fileName?: string;
}

export type ImportOutcome =
  | { ok: true; framework: Framework; warnings: IssueMessage[] }
  | { ok: false; fileName: string; messages: IssueMessage[] };

export class FrameworkLibraryManager {
  // Raw state: frameworks are read by every calculation, which should see plain objects, not proxies.
  // The lists are replaced, never changed in place.
  #entries = $state.raw<LibraryEntry[]>([]);
  #loading = $state(true);
  #problems = $state.raw<string[]>([]);

  constructor(
    private readonly repository: FrameworksRepository,
    private readonly fetchBytes: FetchBytes,
  ) {}

  get entries(): LibraryEntry[] {
    return this.#entries;
  }
  get loading(): boolean {
    return this.#loading;
  }
  /** Problems with shipped files: a bug or a damaged install, shown rather than hidden. */
  get problems(): string[] {
    return this.#problems;
  }

  find(id: string, version: number): LibraryEntry | undefined {
    return this.#entries.find((e) => e.framework.id === id && e.framework.version === version);
  }

  #firstLoad: Promise<void> | undefined;

  /** Resolves once the library has been read (pages that need a framework at once wait for this). */
  whenLoaded(): Promise<void> {
    return this.#loading ? (this.#firstLoad ?? this.load()) : Promise.resolve();
  }

  load(): Promise<void> {
    this.#firstLoad = this.#read();
    return this.#firstLoad;
  }

  #shipped: Promise<ShippedFrameworks> | undefined;

  /**
   * The shipped frameworks, read and checked once: they are files of the app itself, the same until
   * the app is updated (which reloads the page). A read that met a problem (a file the browser could
   * not fetch offline) is tried again on the next load.
   */
  #readShipped(): Promise<ShippedFrameworks> {
    this.#shipped ??= frameworkDoor()
      .then(({ loadShippedFrameworks }) => loadShippedFrameworks(this.fetchBytes))
      .then(
        (shipped) => {
          if (shipped.problems.length) this.#shipped = undefined;
          return shipped;
        },
        (error: unknown) => {
          this.#shipped = undefined;
          throw error;
        },
      );
    return this.#shipped;
  }

  async #read(): Promise<void> {
    this.#loading = true;
    const [shipped, imported] = await Promise.all([
      this.#readShipped(),
      this.repository.listImportedFrameworks(),
    ]);
    const entries: LibraryEntry[] = shipped.frameworks.map((framework) => ({
      key: frameworkKey(framework),
      framework,
      origin: 'shipped',
    }));
    for (const stored of imported) {
      if (entries.some((e) => e.key === stored.key)) continue;
      entries.push({ key: stored.key, framework: stored.framework, origin: 'imported', ...pick(stored) });
    }
    this.#entries = entries.sort(byIdThenVersion);
    this.#problems = shipped.problems;
    this.#loading = false;
  }

  /** Reads, checks and adds a council's framework file. A refused file changes nothing. */
  async importFile(
    fileName: string,
    bytes: Uint8Array,
    importedBy: string,
    now: Date,
  ): Promise<ImportOutcome> {
    const { readFrameworkFile, checkAgainstLibrary, describeIssue, frameworkNamer } = await frameworkDoor();
    const read = readFrameworkFile(bytes);
    if (!read.ok) return { ok: false, fileName, messages: read.messages };
    const conflict = checkAgainstLibrary(
      read.framework,
      this.#entries.map((e) => e.framework),
    );
    if (conflict) {
      return { ok: false, fileName, messages: [describeIssue(conflict, frameworkNamer(read.framework))] };
    }
    const details = { fileName, importedBy, importedAt: now.toISOString() };
    const added = await this.repository.addImportedFramework(read.framework, details);
    if (!added) {
      await this.load();
      return this.importFile(fileName, bytes, importedBy, now);
    }
    const entry: LibraryEntry = {
      key: frameworkKey(read.framework),
      framework: read.framework,
      origin: 'imported',
      ...details,
    };
    this.#entries = [...this.#entries, entry].sort(byIdThenVersion);
    return { ok: true, framework: read.framework, warnings: read.warnings };
  }
}

function pick(stored: { importedAt: string; importedBy: string; fileName: string }) {
  return { importedAt: stored.importedAt, importedBy: stored.importedBy, fileName: stored.fileName };
}

/** Newest framework first; versions of one framework newest first. */
function byIdThenVersion(a: LibraryEntry, b: LibraryEntry): number {
  if (a.framework.id === b.framework.id) return b.framework.version - a.framework.version;
  return (
    b.framework.effectiveFrom.localeCompare(a.framework.effectiveFrom) ||
    a.framework.id.localeCompare(b.framework.id)
  );
}
