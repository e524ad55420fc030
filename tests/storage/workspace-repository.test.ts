import { describe, expect, it } from 'vitest';
import type { WorkspaceContent } from '../../src/domain/workspace/records';
import { frameworksRepository } from '../../src/storage/repositories/frameworks-repository';
import { settingsRepository } from '../../src/storage/repositories/settings-repository';
import { workspaceRepository } from '../../src/storage/repositories/workspace-repository';
import {
  AUTHOR,
  makeAction,
  makeCriterionAssessment,
  makeCycle,
  makeEvidence,
  makeJudgementAssessment,
  makeNarrative,
  makeRecommendation,
} from '../helpers/builders';
import { exampleWorkspace } from '../helpers/example-workspace';
import { dumpDatabase, useFreshDatabase } from './fresh-database';
import { minimalFramework } from './minimal-framework';

const database = useFreshDatabase('workspace');
const EXAMPLE_SETTINGS = { councilName: 'Exampleshire Council', userName: '', protectiveMarking: 'OFFICIAL' };

function makeExample(): WorkspaceContent {
  const cycle = makeCycle();
  const cycleId = cycle.id;
  return {
    settings: EXAMPLE_SETTINGS,
    cycles: [cycle],
    criterionAssessments: [makeCriterionAssessment({ cycleId }), makeCriterionAssessment({ cycleId })],
    judgementAssessments: [makeJudgementAssessment({ cycleId })],
    narratives: [makeNarrative({ cycleId })],
    evidence: [makeEvidence()],
    actions: [makeAction()],
    recommendations: [makeRecommendation()],
  };
}

const RECORD_TABLES = [
  'cycles',
  'criterionAssessments',
  'judgementAssessments',
  'narratives',
  'evidence',
  'actions',
  'recommendations',
  'auditRounds',
  'caseAudits',
  'moderations',
];

describe('isEmpty', () => {
  it('is empty with only settings and imported frameworks stored', async () => {
    const repo = workspaceRepository(database());
    expect(await repo.isEmpty()).toBe(true);
    await settingsRepository(database()).saveSettings({ userName: 'Sam' }, AUTHOR);
    const imported = { fileName: 't.json', importedAt: AUTHOR.now, importedBy: AUTHOR.by };
    await frameworksRepository(database()).addImportedFramework(minimalFramework(), imported);
    expect(await repo.isEmpty()).toBe(true);
  });

  it.each(RECORD_TABLES)(
    'is not empty with one deleted record in %s, and the example is refused without a change',
    async (table) => {
      const repo = workspaceRepository(database());
      await database().table(table).add({ id: 'existing', deletedAt: AUTHOR.now });
      expect(await repo.isEmpty()).toBe(false);
      const before = await dumpDatabase(database());
      expect(await repo.addExampleWorkspace(makeExample(), 'Sam')).toBe(false);
      expect(await dumpDatabase(database())).toEqual(before);
    },
  );
});

describe('addExampleWorkspace', () => {
  it('fills an empty workspace with every example record, exactly', async () => {
    const repo = workspaceRepository(database());
    const example = makeExample();
    expect(await repo.addExampleWorkspace(example, 'Sam')).toBe(true);
    const { settings, ...records } = example;
    const stored = await dumpDatabase(database());
    for (const [table, rows] of Object.entries(records)) expect(stored[table], table).toEqual(rows);
    expect(await settingsRepository(database()).getSettings()).toEqual(settings);
    expect((await database().settings.get('workspace'))?.updatedBy).toBe('Sam');
    expect(await repo.isEmpty()).toBe(false);
  });

  it('stores the real example council, read from its file through the backup door', async () => {
    const demo = exampleWorkspace('2026-11-24');
    expect(await workspaceRepository(database()).addExampleWorkspace(demo, 'Sam')).toBe(true);
    expect(await database().cycles.count()).toBe(demo.cycles.length);
    expect(await database().criterionAssessments.count()).toBe(demo.criterionAssessments.length);
    expect(await database().evidence.count()).toBe(demo.evidence.length);
  });

  it('keeps the settings the user filled in over the example’s', async () => {
    const settings = settingsRepository(database());
    const logoDataUrl = 'data:image/png;base64,iVBORw0KGgo=';
    await settings.saveSettings(
      { councilName: 'Real Council', userName: 'Sam', protectiveMarking: 'OFFICIAL-SENSITIVE', logoDataUrl },
      AUTHOR,
    );
    await workspaceRepository(database()).addExampleWorkspace(makeExample(), 'Sam');
    expect(await settings.getSettings()).toEqual({
      councilName: 'Real Council',
      userName: 'Sam',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      logoDataUrl,
    });
  });

  it('fills in the example’s settings where the user’s are empty', async () => {
    const settings = settingsRepository(database());
    await settings.saveSettings({ userName: 'Sam' }, AUTHOR);
    await workspaceRepository(database()).addExampleWorkspace(makeExample(), 'Sam');
    expect(await settings.getSettings()).toEqual({
      councilName: 'Exampleshire Council',
      userName: 'Sam',
      protectiveMarking: 'OFFICIAL-SENSITIVE',
    });
  });

  it('adds all or nothing: a clash in one table leaves the workspace and settings as they were', async () => {
    await settingsRepository(database()).saveSettings({ userName: 'Sam' }, AUTHOR);
    const before = await dumpDatabase(database());
    const example = makeExample();
    example.recommendations.push({ ...example.recommendations[0]! });
    await expect(workspaceRepository(database()).addExampleWorkspace(example, 'Sam')).rejects.toMatchObject({
      name: 'BulkError',
    });
    expect(await dumpDatabase(database())).toEqual(before);
  });
});
