/*
 * The director's four texts on what has changed since the last engagement meeting, for the cycle the
 * pack is made from. Shown at once as typed; each save writes one text, through the shared save status.
 */
import {
  NO_ENGAGEMENT_CHANGES,
  type EngagementChanges,
  type EngagementChangeTopic,
} from '../domain/rehearsal/engagement-pack';
import { workbookDatabase } from '../storage/db';
import {
  engagementChangesRepository,
  type EngagementChangesRepository,
} from '../storage/repositories/engagement-changes-repository';
import type { SaveStatusManager } from './save-status.svelte';
import { saveStatus, settings } from './services';
import { team } from './team.svelte';

type Author = () => { by: string; now: string };

export class EngagementChangesManager {
  #cycleId = $state<string | undefined>();
  #changes = $state.raw<EngagementChanges>(NO_ENGAGEMENT_CHANGES);
  #loaded = $state(false);

  constructor(
    private readonly repository: EngagementChangesRepository,
    private readonly saves: SaveStatusManager,
    private readonly author: Author,
  ) {}

  get changes(): EngagementChanges {
    return this.#changes;
  }
  /** True once the texts of `cycleId` are in. */
  loadedFor(cycleId: string): boolean {
    return this.#loaded && this.#cycleId === cycleId;
  }

  async load(cycleId: string): Promise<void> {
    this.#cycleId = cycleId;
    this.#loaded = false;
    const changes = await this.repository.getEngagementChanges(cycleId);
    // A later load (another cycle opened meanwhile) wins.
    if (this.#cycleId !== cycleId) return;
    this.#changes = changes;
    this.#loaded = true;
  }

  async save(topic: EngagementChangeTopic, text: string): Promise<void> {
    const cycleId = this.#cycleId;
    if (!cycleId || !this.#loaded) return;
    this.#changes = { ...this.#changes, [topic]: text };
    await this.saves.run(() => this.repository.saveEngagementChange(cycleId, topic, text, this.author()));
  }
}

export const engagementChanges = new EngagementChangesManager(
  engagementChangesRepository(workbookDatabase()),
  saveStatus,
  () => team.stamp(settings.author()),
);
