// `npm run lessons:check`: reads every lesson file and prints what is wrong with each, by file
// and line. Exits 1 when anything is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatError, readCatalog } from '../src/tutorial/catalog';

const dir = process.argv[2] ?? 'lessons';
const names = readdirSync(dir).filter((n) => n.endsWith('.md'));
const catalog = readCatalog(
  names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })),
);
for (const e of catalog.errors) console.error(formatError(e, dir));
const steps = catalog.lessons.reduce((n, l) => n + l.steps.length, 0);
if (catalog.errors.length > 0) {
  console.error(`${catalog.errors.length} error(s) in ${dir}/`);
  process.exit(1);
}
console.log(
  `${catalog.lessons.length} lessons, ${steps} steps${catalog.sandbox ? ', and the sandbox' : ''}: all valid`,
);
