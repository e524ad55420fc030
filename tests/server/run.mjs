// Runs the team server's tests (tests/server/*.test.mjs) with Node's test runner, one file at a time (each
// starts its own PostgreSQL, identity provider and server processes), and prints one closing line
// "team: N passed, N failed" for CI, with the counts in test-results/team.json.
//   npm run test:team [-- <part of a file name>]
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';

const folder = new URL('.', import.meta.url).pathname;
rmSync('test-results/team.json', { force: true });
const only = process.argv[2];
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.test.mjs') && (!only || f.includes(only)))
  .sort()
  .map((f) => join(folder, f));

let passed = 0;
let failed = 0;
const started = Date.now();
// The two-browser test drives three Chromium profiles through sign-in, sync and offline edits.
const stream = run({ files, concurrency: 1, timeout: 240_000 });
stream.on('test:pass', (event) => {
  if (event.details?.type !== 'suite') passed++;
});
stream.on('test:fail', (event) => {
  if (event.details?.type !== 'suite') failed++;
});
stream.compose(new spec()).pipe(process.stdout);
await new Promise((resolve) => stream.once('end', resolve));

if (files.length === 0) failed++;
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/team.json', JSON.stringify({ passed, failed }));
console.log(`\nteam tests took ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`team: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
