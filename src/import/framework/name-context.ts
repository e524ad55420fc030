/*
 * Names a place in a framework file the way a principal social worker would:
 * "Judgement 'Care leavers' › criterion CL3" rather than "/criteria/12".
 */
import type { ContextNamer } from '../../validation/messages';

type Loose = Record<string, unknown>;

const asList = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.map((v) => (v && typeof v === 'object' ? (v as Loose) : {})) : [];
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 80) : undefined;

export function frameworkNamer(data: unknown): ContextNamer {
  const root: Loose = data && typeof data === 'object' && !Array.isArray(data) ? (data as Loose) : {};
  const judgements = asList(root.judgements);
  const judgementTitle = (id: unknown) => {
    const found = judgements.find((j) => j.id === id);
    return found ? (text(found.shortTitle) ?? text(found.title)) : undefined;
  };

  return (path) => {
    const [section, index, sub, subIndex, leaf, leafIndex] = path;
    if (typeof index !== 'number') return { crumbs: [], consumed: 0 };
    const item = asList(root[section as string])[index] ?? {};
    switch (section) {
      case 'judgements':
        return {
          crumbs: [`judgement '${judgementTitle(item.id) ?? text(item.title) ?? index + 1}'`],
          consumed: 2,
        };
      case 'criteria': {
        const owner = judgementTitle(item.judgementId);
        const name = `criterion ${text(item.ref) ?? text(item.id) ?? index + 1}`;
        return { crumbs: owner ? [`judgement '${owner}'`, name] : [name], consumed: 2 };
      }
      case 'scales': {
        const crumbs = [`scale '${text(item.title) ?? text(item.id) ?? index + 1}'`];
        if (sub === 'levels' && typeof subIndex === 'number') {
          const level = asList(item.levels)[subIndex] ?? {};
          crumbs.push(`grade '${text(level.label) ?? text(level.id) ?? subIndex + 1}'`);
          return { crumbs, consumed: 4 };
        }
        return { crumbs, consumed: 2 };
      }
      case 'rules':
        return { crumbs: [`rule '${text(item.id) ?? index + 1}'`], consumed: 2 };
      case 'auditTools':
        return nameAuditTool(item, index, sub, subIndex, leaf, leafIndex);
      case 'selfEvaluation':
        return { crumbs: [`self-evaluation question ${index + 1}`], consumed: 2 };
      case 'readinessChecklist':
        return {
          crumbs: [`readiness checklist item '${text(item.title) ?? text(item.id) ?? index + 1}'`],
          consumed: 2,
        };
      default:
        return { crumbs: [], consumed: 0 };
    }
  };
}

function nameAuditTool(
  tool: Loose,
  index: number,
  sub: unknown,
  subIndex: unknown,
  leaf: unknown,
  leafIndex: unknown,
) {
  const crumbs = [`audit tool '${text(tool.title) ?? text(tool.id) ?? index + 1}'`];
  if (sub !== 'domains' || typeof subIndex !== 'number') return { crumbs, consumed: 2 };
  const domain = asList(tool.domains)[subIndex] ?? {};
  crumbs.push(`domain '${text(domain.title) ?? text(domain.id) ?? subIndex + 1}'`);
  if (leaf !== 'questions' || typeof leafIndex !== 'number') return { crumbs, consumed: 4 };
  crumbs.push(`question ${leafIndex + 1}`);
  return { crumbs, consumed: 6 };
}
