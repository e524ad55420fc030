/*
 * The council's last graded inspection as the app sees it, and the one way a read report is added to
 * the workspace: recommendations and draft actions through the registers' own API, then the grades.
 * Nothing is written until the user confirms; reading a PDF goes through the import door in a worker.
 */
import type { Framework } from '../domain/framework/types';
import type { LastInspection } from '../domain/inspection-report/last-inspection';
import type { AdditionsPlan } from '../domain/inspection-report/plan-additions';
import type { ReadReport } from '../domain/inspection-report/types';
import type { ReportPdfResult } from '../import/inspection-report/read-report-pdf';
import type { LastInspectionRepository } from '../storage/repositories/last-inspection-repository';
import type { RegistersManager } from './registers-manager.svelte';
import type { SaveStatusManager } from './save-status.svelte';

type Author = () => { by: string; now: string };

export class LastInspectionManager {
  #last = $state.raw<LastInspection | undefined>();
  #loaded = $state(false);

  constructor(
    private readonly repository: LastInspectionRepository,
    private readonly saves: SaveStatusManager,
    private readonly author: Author,
    private readonly frameworks: () => Promise<Framework[]>,
  ) {}

  get lastInspection(): LastInspection | undefined {
    return this.#last;
  }
  get loaded(): boolean {
    return this.#loaded;
  }

  async load(): Promise<void> {
    this.#last = await this.repository.getLastInspection();
    this.#loaded = true;
  }

  /** Reads a chosen PDF through the door; changes nothing. */
  async readReport(bytes: Uint8Array): Promise<ReportPdfResult> {
    const [{ readReportPdf }, frameworks] = await Promise.all([
      import('../import/inspection-report/read-report-pdf'),
      this.frameworks(),
    ]);
    return readReportPdf(bytes, frameworks);
  }

  /** Adds what the user confirmed: recommendations, their draft actions, then the grades. */
  async addReadReport(report: ReadReport, plan: AdditionsPlan, registers: RegistersManager): Promise<void> {
    const { draftPriorityAction } = await import('../domain/inspection-report/to-records');
    for (const planned of plan.recommendations) {
      const recommendation = { ...registers.newRecommendation(), ...planned.fields };
      await registers.saveRecommendation(recommendation);
      const item = report.items[planned.itemIndex];
      if (planned.withAction && item)
        await registers.saveAction({
          ...registers.newAction(),
          ...draftPriorityAction(report, item, recommendation),
        });
    }
    const last = plan.lastInspection;
    if (last) {
      this.#last = last;
      await this.saves.run(() => this.repository.saveLastInspection(last, this.author()));
    }
  }
}
