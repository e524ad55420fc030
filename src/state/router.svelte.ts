/*
 * Hash routes (#/frameworks/ilacs-2023/1): they work from any static host and offline, with no
 * server rewrite rules.
 */
export type Route =
  | { name: 'home' }
  | { name: 'frameworks' }
  | { name: 'framework'; id: string; version: number }
  | { name: 'self-assessment' }
  | { name: 'case-audits' }
  | { name: 'rehearsal' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'frameworks' && parts.length === 1) return { name: 'frameworks' };
  if (first === 'frameworks' && second && third && /^\d+$/.test(third) && parts.length === 3) {
    return { name: 'framework', id: second, version: Number(third) };
  }
  if (
    parts.length === 1 &&
    (first === 'self-assessment' || first === 'case-audits' || first === 'rehearsal' || first === 'settings')
  ) {
    return { name: first };
  }
  return { name: 'not-found', path };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'framework':
      return `#/frameworks/${encodeURIComponent(route.id)}/${route.version}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

export class RouterManager {
  #route = $state<Route>({ name: 'home' });

  get route(): Route {
    return this.#route;
  }

  start(target: Window): () => void {
    const update = () => {
      this.#route = parseRoute(target.location.hash);
    };
    update();
    target.addEventListener('hashchange', update);
    return () => target.removeEventListener('hashchange', update);
  }
}

export const router = new RouterManager();
