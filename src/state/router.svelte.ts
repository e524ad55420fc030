/*
 * Hash routes (#/self-assessment/cycles/<id>/criteria/<criterionId>): they work from any static host
 * and offline, with no server rewrite rules. Parsing never throws: an unknown path is a not-found route.
 * A query after the path (`?criterion=<id>&cycle=<id>`) carries where a page was opened from; a route
 * that takes none ignores it.
 */

/** A criterion of one cycle: where a new evidence item was started from, to link it and go back. */
export interface CriterionOfCycle {
  cycleId: string;
  criterionId: string;
}

export type Route =
  | { name: 'home' }
  | { name: 'my-work' }
  | { name: 'frameworks' }
  | { name: 'framework'; id: string; version: number }
  | { name: 'self-assessment' }
  | { name: 'cycle'; cycleId: string }
  | { name: 'cycle-changes'; cycleId: string }
  | { name: 'criterion'; cycleId: string; criterionId: string }
  | { name: 'judgement'; cycleId: string; judgementId: string }
  | { name: 'evidence' }
  | { name: 'evidence-item'; id: string; forCriterion?: CriterionOfCycle }
  | { name: 'actions' }
  | { name: 'action'; id: string }
  | { name: 'recommendations' }
  | { name: 'recommendation'; id: string }
  | { name: 'read-report' }
  | { name: 'scorecard' }
  | { name: 'indicator'; id: string }
  | { name: 'case-audits' }
  | { name: 'audit-round'; id: string }
  | { name: 'case-audit'; id: string }
  | { name: 'moderation'; auditId: string }
  | { name: 'audit-findings' }
  | { name: 'rehearsal' }
  | { name: 'rehearsal-session'; id: string }
  | { name: 'notification-week' }
  | { name: 'engagement-pack' }
  | { name: 'settings' }
  | { name: 'accessibility' }
  | { name: 'not-found'; path: string };

type Parser = (parts: string[]) => Route | undefined;

const SINGLE = [
  'my-work',
  'frameworks',
  'self-assessment',
  'case-audits',
  'rehearsal',
  'settings',
  'accessibility',
] as const;
const REGISTERS = {
  evidence: 'evidence-item',
  actions: 'action',
  recommendations: 'recommendation',
  scorecard: 'indicator',
} as const;

const parsers: Parser[] = [
  (p) => (p.length === 0 ? { name: 'home' } : undefined),
  (p) =>
    p.length === 2 && p[0] === 'recommendations' && p[1] === 'read-report'
      ? { name: 'read-report' }
      : undefined,
  (p) =>
    p.length === 1 && (SINGLE as readonly string[]).includes(p[0]!) ? ({ name: p[0] } as Route) : undefined,
  ([a, id, version, ...rest]) =>
    a === 'frameworks' && id && version && /^\d+$/.test(version) && rest.length === 0
      ? { name: 'framework', id, version: Number(version) }
      : undefined,
  ([a, register, id, ...rest]) => {
    if (a !== 'self-assessment' || !register || rest.length > 0 || !(register in REGISTERS)) return undefined;
    const key = register as keyof typeof REGISTERS;
    return id ? ({ name: REGISTERS[key], id } as Route) : ({ name: key } as Route);
  },
  ([a, cycles, cycleId, sub, id, ...rest]) => {
    if (a !== 'self-assessment' || cycles !== 'cycles' || !cycleId || rest.length > 0) return undefined;
    if (sub === undefined) return { name: 'cycle', cycleId };
    if (sub === 'changes' && id === undefined) return { name: 'cycle-changes', cycleId };
    if (sub === 'criteria' && id) return { name: 'criterion', cycleId, criterionId: id };
    if (sub === 'judgements' && id) return { name: 'judgement', cycleId, judgementId: id };
    return undefined;
  },
  ([a, kind, id, sub, ...rest]) => {
    if (a !== 'case-audits' || !kind || rest.length > 0) return undefined;
    if (kind === 'findings' && !id) return { name: 'audit-findings' };
    if (kind === 'rounds' && id && !sub) return { name: 'audit-round', id };
    if (kind === 'audits' && id && !sub) return { name: 'case-audit', id };
    if (kind === 'audits' && id && sub === 'moderation') return { name: 'moderation', auditId: id };
    return undefined;
  },
  ([a, kind, id, ...rest]) => {
    if (a !== 'rehearsal' || !kind || rest.length > 0) return undefined;
    if (kind === 'notification-week' && !id) return { name: 'notification-week' };
    if (kind === 'engagement-pack' && !id) return { name: 'engagement-pack' };
    if (kind === 'sessions' && id) return { name: 'rehearsal-session', id };
    return undefined;
  },
];

export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '') || '/';
  const queryAt = full.indexOf('?');
  const path = queryAt < 0 ? full : full.slice(0, queryAt);
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not-found', path: full };
  }
  for (const parse of parsers) {
    const route = parse(parts);
    if (route) return queryAt < 0 ? route : withQuery(route, readQuery(full.slice(queryAt + 1)));
  }
  return { name: 'not-found', path: full };
}

/** `a=1&b=2` as names and values; a pair that does not decode is left out. */
function readQuery(query: string): Record<string, string> {
  const values: Record<string, string> = Object.create(null);
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    try {
      values[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1));
    } catch {
      // Malformed: as if it were not there.
    }
  }
  return values;
}

/** Adds what the query says to the routes that take one; both halves or neither. */
function withQuery(route: Route, query: Record<string, string>): Route {
  const criterionId = query['criterion'];
  const cycleId = query['cycle'];
  if (route.name !== 'evidence-item' || !criterionId || !cycleId) return route;
  return { ...route, forCriterion: { cycleId, criterionId } };
}

const enc = encodeURIComponent;

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'framework':
      return `#/frameworks/${enc(route.id)}/${route.version}`;
    case 'cycle':
      return `#/self-assessment/cycles/${enc(route.cycleId)}`;
    case 'cycle-changes':
      return `#/self-assessment/cycles/${enc(route.cycleId)}/changes`;
    case 'criterion':
      return `#/self-assessment/cycles/${enc(route.cycleId)}/criteria/${enc(route.criterionId)}`;
    case 'judgement':
      return `#/self-assessment/cycles/${enc(route.cycleId)}/judgements/${enc(route.judgementId)}`;
    case 'evidence':
    case 'actions':
    case 'recommendations':
    case 'scorecard':
      return `#/self-assessment/${route.name}`;
    case 'indicator':
      return `#/self-assessment/scorecard/${enc(route.id)}`;
    case 'evidence-item':
      return `#/self-assessment/evidence/${enc(route.id)}${
        route.forCriterion
          ? `?criterion=${enc(route.forCriterion.criterionId)}&cycle=${enc(route.forCriterion.cycleId)}`
          : ''
      }`;
    case 'action':
      return `#/self-assessment/actions/${enc(route.id)}`;
    case 'recommendation':
      return `#/self-assessment/recommendations/${enc(route.id)}`;
    case 'read-report':
      return '#/recommendations/read-report';
    case 'audit-round':
      return `#/case-audits/rounds/${enc(route.id)}`;
    case 'case-audit':
      return `#/case-audits/audits/${enc(route.id)}`;
    case 'moderation':
      return `#/case-audits/audits/${enc(route.auditId)}/moderation`;
    case 'audit-findings':
      return '#/case-audits/findings';
    case 'rehearsal-session':
      return `#/rehearsal/sessions/${enc(route.id)}`;
    case 'notification-week':
      return '#/rehearsal/notification-week';
    case 'engagement-pack':
      return '#/rehearsal/engagement-pack';
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

const SELF_ASSESSMENT_ROUTES: ReadonlySet<Route['name']> = new Set([
  'cycle',
  'cycle-changes',
  'criterion',
  'judgement',
  'evidence',
  'evidence-item',
  'actions',
  'action',
  'recommendations',
  'recommendation',
  'read-report',
  'scorecard',
  'indicator',
]);

/** The main area a route belongs to, for the navigation's "current page". */
const CASE_AUDIT_ROUTES: ReadonlySet<Route['name']> = new Set([
  'audit-round',
  'case-audit',
  'moderation',
  'audit-findings',
]);

export function areaOf(route: Route): Route['name'] {
  if (route.name === 'framework') return 'frameworks';
  if (CASE_AUDIT_ROUTES.has(route.name)) return 'case-audits';
  if (
    route.name === 'rehearsal-session' ||
    route.name === 'notification-week' ||
    route.name === 'engagement-pack'
  )
    return 'rehearsal';
  return SELF_ASSESSMENT_ROUTES.has(route.name) ? 'self-assessment' : route.name;
}

export class RouterManager {
  #route = $state<Route>({ name: 'home' });
  #visit = $state(0);

  get route(): Route {
    return this.#route;
  }

  /**
   * Counts arrivals at an address (typed, followed, bookmarked, Back or Forward), but not `replace`:
   * pages keyed by it start afresh on every arrival, even at the address they were already showing.
   */
  get visit(): number {
    return this.#visit;
  }

  start(target: Window): () => void {
    const update = () => {
      this.#route = parseRoute(target.location.hash);
      this.#visit += 1;
    };
    update();
    target.addEventListener('hashchange', update);
    return () => target.removeEventListener('hashchange', update);
  }

  go(route: Route): void {
    globalThis.location.hash = hrefFor(route).slice(1);
  }

  /** Gives the page being shown its lasting address (a draft's, once saved) without a new visit. */
  replace(route: Route): void {
    globalThis.history.replaceState(globalThis.history.state, '', hrefFor(route));
    this.#route = route;
  }
}

export const router = new RouterManager();
