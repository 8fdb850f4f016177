// A catalogue N times larger than the real one, for the matcher's scaling figure: each company
// gets N-1 synthetic siblings whose aliases are made-up Latin words and Chinese character strings.
import type { CompanyEntry } from '../../src/tag/catalogue.js';
import { scriptVariants } from '../../src/tag/script-variants.js';

const latin = 'abcdefghijklmnopqrstuvwxyz';
const han = '智能科技云数据星海光芯算模型机器人联创新未来天宇华信达通源极视听微量子时代引擎安全网络';

/** A small deterministic PRNG (mulberry32), so every run measures the same catalogue. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticCatalogue(base: readonly CompanyEntry[], factor: number): CompanyEntry[] {
  const next = random(42);
  const pick = (alphabet: string, min: number, max: number) => {
    const length = min + Math.floor(next() * (max - min + 1));
    return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  };
  const fake = (alias: string) =>
    /[\u3400-\u9fff]/.test(alias) ? pick(han, 3, 5) : (() => { const w = pick(latin, 5, 9); return w[0]!.toUpperCase() + w.slice(1); })();
  // A real Chinese alias brings its Traditional forms along; give each synthetic one as many siblings.
  const fakes = (aliases: string[] | undefined) => aliases?.flatMap((alias) => scriptVariants(alias).map(() => fake(alias)));
  const out: CompanyEntry[] = [...base];
  for (let copy = 1; copy < factor; copy++) {
    for (const entry of base) {
      out.push({
        ...entry,
        slug: `${entry.slug}-syn${copy}`,
        aliases: fakes(entry.aliases)!,
        formerNames: fakes(entry.formerNames),
        products: fakes(entry.products),
        people: fakes(entry.people),
        ambiguousProducts: fakes(entry.ambiguousProducts),
        ambiguous: fakes(entry.ambiguous),
        needsCompany: fakes(entry.needsCompany),
        exclusions: fakes(entry.exclusions),
        otherSenses: fakes(entry.otherSenses),
      });
    }
  }
  return out;
}
