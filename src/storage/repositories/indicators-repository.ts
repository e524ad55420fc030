/*
 * The scorecard's indicators with their values. Deletes are soft, like every record.
 */
import type { Indicator } from '../../domain/scorecard/records';
import type { WorkbookDatabase } from '../db';
import { isLive, stamp, type Author } from './stamp';

export function indicatorsRepository(db: WorkbookDatabase) {
  return {
    async listIndicators(): Promise<Indicator[]> {
      return (await db.indicators.orderBy('name').toArray()).filter(isLive);
    },
    async saveIndicator(indicator: Indicator, author: Author): Promise<Indicator> {
      const saved = stamp(indicator, author);
      await db.indicators.put(saved);
      return saved;
    },
    /** Saves several at once (the starter set, an import), all or nothing. */
    async saveIndicators(indicators: Indicator[], author: Author): Promise<void> {
      await db.transaction('rw', db.indicators, async () => {
        await db.indicators.bulkPut(indicators.map((i) => stamp(i, author)));
      });
    },
    async deleteIndicator(id: string, author: Author): Promise<void> {
      await db.transaction('rw', db.indicators, async () => {
        const found = await db.indicators.get(id);
        if (found && !found.deletedAt)
          await db.indicators.put(stamp({ ...found, deletedAt: author.now }, author));
      });
    },
  };
}

export type IndicatorsRepository = ReturnType<typeof indicatorsRepository>;
