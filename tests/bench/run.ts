// `npm run bench -- <name> [args]`: runs tests/bench/<name>.ts, which prints its own figures.
// Benchmarks are never run by `npm test` and never assert times.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [name, ...args] = process.argv.slice(2);
const available = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''));

if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <name>\navailable: ${available.join(', ') || '(none yet)'}\n`);
  process.exit(name ? 2 : 0);
}
const file = join(here, `${name}.bench.ts`);
if (!existsSync(file)) process.exit(2);
const bench = (await import(pathToFileURL(file).href)) as { main(args: string[]): Promise<void> };
await bench.main(args);
