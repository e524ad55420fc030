// npm run bench: every benchmark in turn, each printing its own figures (team-soak.mjs starts its own
// PostgreSQL and team server; SOAK_SECONDS shortens it).
import { execFileSync } from 'node:child_process';

for (const script of ['audit-statistics.mjs', 'exports.mjs', 'app.mjs', 'team-soak.mjs']) {
  console.log(`\n## ${script}`);
  execFileSync(process.execPath, [new URL(script, import.meta.url).pathname], { stdio: 'inherit' });
}
