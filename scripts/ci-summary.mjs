// Adds up the unit, browser and team server test results into the single closing line CI reads.
import { existsSync, readFileSync } from 'node:fs';

const gateFailures = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);

const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
} else failed++;
const e2e = read('test-results/e2e.json');
if (e2e) {
  passed += e2e.passed;
  failed += e2e.failed;
} else failed++;
const team = read('test-results/team.json');
if (team) {
  passed += team.passed;
  failed += team.failed;
} else failed++;

console.log(
  `\nunit: ${vitest ? `${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed` : 'no results'}`,
);
console.log(`browser: ${e2e ? `${e2e.passed} passed, ${e2e.failed} failed` : 'no results'}`);
console.log(`team: ${team ? `${team.passed} passed, ${team.failed} failed` : 'no results'}`);
if (gateFailures) console.log(`${gateFailures} gate(s) failed (see above)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || gateFailures ? 1 : 0);
