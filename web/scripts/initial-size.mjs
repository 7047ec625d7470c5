// Prints the gzip size of the JavaScript the browser loads before the first page renders: the entry script
// and the chunks index.html preloads. Route chunks (React.lazy) are not counted. Fails above the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budgetKb = 300;
const html = readFileSync('dist/index.html', 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(`dist${file}`), { level: 9 }).length;
  total += size;
  console.log(`  ${file}  ${(size / 1024).toFixed(1)} kB gzip`);
}
console.log(`initial JS: ${(total / 1024).toFixed(1)} kB gzip (budget ${budgetKb} kB)`);
if (total > budgetKb * 1024) process.exit(1);
