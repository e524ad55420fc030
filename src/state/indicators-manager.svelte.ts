/*
 * The scorecard as the app sees it: indicators, their values, the starter set, and values imported
 * from CSV or a spreadsheet through the import door (a file with any error changes nothing).
 */
import type { Indicator, IndicatorValue } from '../domain/scorecard/records';
import { mergeValues } from '../domain/scorecard/merge-values';
import type { IndicatorsRepository } from '../storage/repositories/indicators-repository';
import type { IssueMessage } from '../validation/messages';
import { newMeta } from '../domain/self-assessment/new-cycle';
import { readForLater, upsertById } from './records-list';
import type { SaveStatusManager } from './save-status.svelte';

type Author = () => { by: string; now: string };

export type ValuesImport =
  { ok: true; rows: number; indicators: number } | { ok: false; messages: IssueMessage[] };

export class IndicatorsManager {
  // Lists are replaced, never changed in place: raw state spares thousands of records deep proxies.
  #indicators = $state.raw<Indicator[]>([]);
  #loaded = $state(false);

  constructor(
    private readonly repository: IndicatorsRepository,
    private readonly saves: SaveStatusManager,
    private readonly author: Author,
    private readonly makeId: () => string,
  ) {}

  get indicators(): Indicator[] {
    return this.#indicators;
  }
  get loaded(): boolean {
    return this.#loaded;
  }

  // Bumped by every change made here: a load that overlapped one reads again rather than lose it.
  #changes = 0;

  async load(): Promise<void> {
    (await this.read())();
  }

  /** Reads the records; the step it returns puts them in state (see readForLater). */
  async read(): Promise<() => void> {
    return readForLater(
      this.saves,
      () => this.#changes,
      () => this.repository.listIndicators(),
      (indicators) => {
        this.#indicators = indicators;
        this.#loaded = true;
      },
      () => this.load(),
    );
  }

  #meta = () => newMeta({ author: this.author(), makeId: this.makeId });

  newIndicator(): Indicator {
    return {
      ...this.#meta(),
      name: '',
      definition: '',
      unit: 'percent',
      polarity: 'higher-is-better',
      frequency: 'month',
      tolerance: 0,
      source: '',
      owner: '',
      criterionIds: [],
      values: [],
    };
  }

  async addStarterSet(): Promise<void> {
    const { starterIndicators } = await import('../domain/scorecard/starter-set');
    const starters = starterIndicators(this.#meta).filter(
      (s) => !this.#indicators.some((i) => i.name === s.name),
    );
    await this.saves.run(() => this.repository.saveIndicators(starters, this.author()));
    await this.load();
  }

  save(indicator: Indicator): Promise<unknown> {
    this.#changes += 1;
    this.#indicators = upsertById(this.#indicators, indicator);
    const record = $state.snapshot(indicator) as Indicator;
    return this.saves.run(() => this.repository.saveIndicator(record, this.author()), undefined, {
      table: 'indicators',
      record: { ...record, updatedAt: this.author().now },
    });
  }

  setValue(indicator: Indicator, value: IndicatorValue): Promise<unknown> {
    return this.save({ ...indicator, values: mergeValues(indicator.values, [value]) });
  }

  async remove(id: string): Promise<void> {
    this.#indicators = this.#indicators.filter((i) => i.id !== id);
    await this.saves.run(() => this.repository.deleteIndicator(id, this.author()));
  }

  async importValues(bytes: Uint8Array): Promise<ValuesImport> {
    // The readers load when a file is chosen: they stay out of the first download.
    const [{ readIndicatorValueRows, readIndicatorValuesCsv }, { isZipFile }] = await Promise.all([
      import('../import/indicator-values/read-indicator-values'),
      import('../import/case-list/zip-size'),
    ]);
    let result;
    if (isZipFile(bytes)) {
      const { readSpreadsheetInWorker } = await import('../import/case-list/read-spreadsheet');
      const rows = await readSpreadsheetInWorker(bytes, 'values file');
      result = rows.ok ? readIndicatorValueRows(rows.rows, this.#indicators) : rows;
    } else {
      result = readIndicatorValuesCsv(bytes, this.#indicators);
    }
    if (!result.ok) return result;
    const updated = this.#indicators
      .filter((i) => result.updates.has(i.id))
      .map((i) => ({
        ...($state.snapshot(i) as Indicator),
        values: mergeValues(i.values, result.updates.get(i.id)!),
      }));
    await this.saves.run(() => this.repository.saveIndicators(updated, this.author()));
    await this.load();
    return { ok: true, rows: result.rows, indicators: updated.length };
  }
}
