// Shared by the benchmarks: the project's TypeScript modules loaded through Vite (as scripts/export.mjs
// does), the median of several runs, and figures printed as Markdown tables for bench/README.md.
import { createServer } from 'vite';

export const root = new URL('..', import.meta.url).pathname;

export async function withModules(use) {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true },
    ssr: { noExternal: ['xlsx'] },
  });
  try {
    return await use((path) => server.ssrLoadModule(path));
  } finally {
    await server.close();
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Runs `run` `times` times (after one warm-up unless `warmUp` is false) and returns the median in ms. */
export async function timed(run, times, { warmUp = true } = {}) {
  if (warmUp) await run();
  const results = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    const own = await run();
    results.push(typeof own === 'number' ? own : performance.now() - start);
  }
  return median(results);
}

export function printTable(title, unit, rows) {
  const width = Math.max(title.length, ...rows.map(([name]) => name.length));
  console.log(`\n| ${title.padEnd(width)} | ${unit.padStart(10)} |`);
  console.log(`| ${'-'.repeat(width)} | ${'-'.repeat(9)}: |`);
  for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${String(value).padStart(10)} |`);
}

export const ms = (value) => value.toFixed(value < 100 ? 1 : 0);
