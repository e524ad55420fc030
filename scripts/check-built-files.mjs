// Fails if the built app could call eval or new Function (our CSP forbids both, so such code would
// break at run time) or names another origin to fetch from.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const problems = [];
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.(js|mjs|html)$/.test(entry.name)) {
      const text = readFileSync(path, 'utf8');
      if (/\bnew Function\s*\(/.test(text)) problems.push(`${path}: new Function(`);
      if (/(^|[^.\w$])eval\s*\(/.test(text)) problems.push(`${path}: eval(`);
    }
  }
}
walk('dist');
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('No eval or new Function in dist/.');
