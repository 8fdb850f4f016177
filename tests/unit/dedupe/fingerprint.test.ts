import { describe, expect, it } from 'vitest';
import { fingerprintOf, indexKeysOf, singleRowTitleKeys, splitSignature, titleSimilarity } from '../../../src/dedupe/fingerprint.js';
import { bandKeysOf, bottomHashesOf, estimateJaccard, estimateJaccardIn, key52, minhashOf, sortedBottomKJaccard } from '../../../src/dedupe/minhash.js';
import { shinglesOf } from '../../../src/dedupe/shingles.js';
import { figuresIn, signalsOf } from '../../../src/dedupe/signals.js';

describe('shinglesOf', () => {
  it('uses character bigrams for Chinese and words for Latin text, so spacing does not matter', () => {
    expect([...shinglesOf('阿里云降价')]).toEqual(['阿里', '里云', '云降', '降价']);
    expect(shinglesOf('吴泳铭：阿里 AI 年化收入突破 495 亿元')).toEqual(shinglesOf('吴泳铭：阿里AI年化收入突破495亿元'));
    expect([...shinglesOf('The Qwen-VL price cut, with AI')]).toEqual(['qwen-vl', 'price', 'cut']);
  });
  it('spells every dash the same way', () => {
    expect(shinglesOf('GPT‑5.6 Luna')).toEqual(shinglesOf('gpt-5.6 luna'));
  });
});

describe('minhash', () => {
  it('estimates Jaccard similarity', () => {
    const a = new Set(Array.from({ length: 100 }, (_, i) => `w${i}`));
    const b = new Set(Array.from({ length: 100 }, (_, i) => `w${i + 50}`)); // true Jaccard 50/150 = 0.33
    expect(estimateJaccard(minhashOf(a, 256), minhashOf(b, 256))).toBeGreaterThan(0.23);
    expect(estimateJaccard(minhashOf(a, 256), minhashOf(b, 256))).toBeLessThan(0.43);
    expect(estimateJaccard(minhashOf(a), minhashOf(a))).toBe(1);
    expect(estimateJaccard(minhashOf([]), minhashOf([]))).toBe(0);
  });
});

/** Broder's bottom-k estimator spelled out with sets: the oracle for the merge walk. */
function bottomKJaccard(a: readonly number[], b: readonly number[], k: number): number {
  const inA = new Set(a);
  const inB = new Set(b);
  const union = [...new Set([...a, ...b])].sort((x, y) => x - y).slice(0, k);
  if (union.length === 0) return 0;
  return union.filter((value) => inA.has(value) && inB.has(value)).length / union.length;
}

const sketchJaccard = (a: readonly number[], b: readonly number[], k: number) => sortedBottomKJaccard(a, 0, b, 0, k);

describe('bottom-k sketches', () => {
  it('give exact Jaccard for sets that fit, and an estimate for larger ones', () => {
    expect(sketchJaccard(bottomHashesOf(['a', 'b', 'c', 'd'], 8), bottomHashesOf(['c', 'd', 'e'], 8), 8)).toBe(0.4);
    const a = Array.from({ length: 400 }, (_, i) => `w${i}`);
    const b = Array.from({ length: 400 }, (_, i) => `w${i + 200}`); // true Jaccard 200/600 = 0.33
    const estimate = sketchJaccard(bottomHashesOf(a, 128), bottomHashesOf(b, 128), 128);
    expect(estimate).toBeGreaterThan(0.23);
    expect(estimate).toBeLessThan(0.43);
    expect(sketchJaccard([], [], 8)).toBe(0);
  });

  it('read in place from longer arrays, give what the estimator spelled out with sets gives', () => {
    let state = 7;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    // Small hash ranges make shared values and ties at the k-th place common.
    const sketch = (size: number, range: number) => bottomHashesOf(Array.from({ length: size }, () => `w${next() % range}`), 8);
    for (let trial = 0; trial < 3_000; trial++) {
      const range = 4 + (trial % 40);
      const a = sketch(next() % 14, range);
      const b = sketch(next() % 14, range);
      const prefixA = Array.from({ length: next() % 5 }, () => next());
      const prefixB = Array.from({ length: next() % 5 }, () => next());
      const inPlace = sortedBottomKJaccard([...prefixA, ...a], prefixA.length, [...prefixB, ...b], prefixB.length, 8);
      expect(inPlace).toBe(bottomKJaccard(a, b, 8));
    }
    expect(sortedBottomKJaccard([1, 2], 2, [3], 1, 8)).toBe(0);
  });
});

describe('estimateJaccardIn', () => {
  it('compares the positions [from, to) in place as estimateJaccard compares copies', () => {
    const a = [...minhashOf(['a', 'b', 'c']), ...minhashOf(['x', 'y'])];
    const b = [...minhashOf(['a', 'b', 'd']), ...minhashOf(['x', 'y'])];
    expect(estimateJaccardIn(a, b, 0, 32)).toBe(estimateJaccard(a.slice(0, 32), b.slice(0, 32)));
    expect(estimateJaccardIn(a, b, 32, 64)).toBe(estimateJaccard(a.slice(32), b.slice(32)));
    expect(estimateJaccardIn(a, b, 32, 64)).toBe(1);
    expect(estimateJaccardIn(a, b, 0, 32)).toBeLessThan(1);
    expect(estimateJaccardIn(a, b, 5, 5)).toBe(0);
  });
});

describe('titleSimilarity', () => {
  const seenAt = new Date('2026-08-20T00:00:00Z');
  const a = fingerprintOf({ title: '英伟达与AI芯片公司Rebellions就潜在交易进行谈判', seenAt });
  const b = fingerprintOf({ title: '英伟达洽谈与芯片初创企业 Rebellions 达成潜在交易', seenAt });
  it('is the exact Jaccard of the headline shingles', () => {
    const shingles = [shinglesOf('英伟达与AI芯片公司Rebellions就潜在交易进行谈判'), shinglesOf('英伟达洽谈与芯片初创企业 Rebellions 达成潜在交易')] as const;
    const both = [...shingles[0]].filter((shingle) => shingles[1].has(shingle)).length;
    expect(titleSimilarity(a, b)).toBeCloseTo(both / (shingles[0].size + shingles[1].size - both), 10);
  });
  it('falls back to the MinHash estimate for a fingerprint stored before sketches', () => {
    const legacy = { signature: b.signature.slice(0, 64) };
    expect(splitSignature(legacy).titleSketch).toEqual([]);
    expect(titleSimilarity(a, legacy)).toBe(estimateJaccard(splitSignature(a).title, splitSignature(b).title));
  });
});

describe('signalsOf', () => {
  it('writes figures the same way in English and Chinese', () => {
    expect(figuresIn(signalsOf('Stripe buys OpenRouter for $7B').title)).toEqual(['n:7e+9']);
    expect(figuresIn(signalsOf('Stripe 以超 70 亿美元收购 OpenRouter').title)).toEqual(['n:7e+9']);
    expect(figuresIn(signalsOf('Qwen-VL prices cut by up to 85%').title)).toEqual(['p:85']);
    expect(figuresIn(signalsOf('京东投入百亿资源').title)).toEqual(figuresIn(signalsOf('京东投入100亿资源').title));
    expect(figuresIn(signalsOf('近千亿研发').title)).toEqual(['n:1e+11']);
    expect(figuresIn(signalsOf('完成数亿元融资，数百万用户').title)).toEqual([]);
  });
  it('finds versioned products and Latin names in Chinese as strong signals, English names and big companies as weak ones', () => {
    const english = signalsOf('Replit expands access to software creation with GPT-5.6 Luna, says OpenAI');
    const chinese = signalsOf('OpenAI：在线软件开发平台 Replit 正在推出由 GPT‑5.6 Luna 驱动的免费模式');
    expect(english.strong).toEqual(['t:gpt-5.6']);
    expect(english.weak).toEqual(['c:openai', 'w:luna', 'w:replit']);
    expect(chinese.strong).toEqual(['t:gpt-5.6', 'w:luna', 'w:replit']);
    expect(signalsOf('Carrie Lam visits Hong Kong').weak).toEqual(['w:carrie lam', 'w:hong kong']);
    // A capitalised sentence opener is no part of the name after it.
    expect(signalsOf('The Mojo language is now open source').weak).toEqual(['w:mojo']);
    expect(chinese.weak).toEqual(['c:openai']);
    expect(signalsOf('英伟达与 AI 芯片公司 Rebellions 谈判').weak).toEqual(['c:nvidia']);
  });
  it('reads Latin words by the headline\'s script, not by a Chinese boilerplate lede', () => {
    const title = 'Acme launches Origin, a GitHub alternative';
    const signals = signalsOf(`${title}\nHN 热议 · 52 分 / 17 条评论`, [], title);
    expect(signals.strong).toEqual([]);
    expect(signals.weak).toEqual(['w:acme', 'w:github', 'w:origin']);
  });
  it('treats quarters and tagged company names as no strong signal', () => {
    expect(signalsOf('Alibaba Q2 results', ['alibaba']).strong).toEqual([]);
    expect(signalsOf('Alibaba Q2 results', ['alibaba']).weak).toEqual(['c:alibaba']);
  });

  it('reads words spelled like Object.prototype members ("constructor") as words, not as a common company', () => {
    expect(signalsOf('Toolbox Constructor raises funds')).toEqual({ strong: [], weak: ['w:toolbox constructor'], title: ['w:toolbox constructor'] });
    expect(signalsOf('英伟达 constructor 发布')).toEqual({ strong: ['w:constructor'], weak: ['c:nvidia'], title: ['w:constructor'] });
  });
});

describe('fingerprintOf', () => {
  it('gives the same index keys to the same text and some shared keys to a retitled copy', () => {
    const seenAt = new Date('2026-08-20T00:00:00Z');
    const a = fingerprintOf({ title: '百度文心助手推出任务引擎2.0，日活用户同比增长83%', seenAt });
    const b = fingerprintOf({ title: '百度文心助手升级任务引擎 2.0 日活用户同比增长 83%', seenAt });
    expect(a.language).toBe('zh');
    expect(indexKeysOf(a)).toEqual(indexKeysOf(fingerprintOf({ title: '百度文心助手推出任务引擎2.0，日活用户同比增长83%', seenAt })));
    const shared = indexKeysOf(a).filter((key) => indexKeysOf(b).includes(key));
    expect(shared.length).toBeGreaterThan(0);
  });
  it('keys the first title MinHash values on their own, so a headline sharing one shingle-minimum is a candidate', () => {
    const seenAt = new Date('2026-08-20T00:00:00Z');
    const a = fingerprintOf({ title: '韩国拟设未来基金', seenAt });
    const singles = bandKeysOf(splitSignature(a).title.slice(0, singleRowTitleKeys), { rows: 1, name: 'u' });
    expect(singles).toHaveLength(singleRowTitleKeys);
    for (const key of singles) expect(indexKeysOf(a)).toContain(key);
    // Another headline with the same minimum at position 0 shares that key.
    const b = { ...a, signature: [...a.signature.slice(0, 1), ...a.signature.slice(1).map((value) => value ^ 1)] };
    expect(indexKeysOf(b)).toContain(singles[0]);
  });

  it('finds the same candidates without the title bands the single keys cover: any pair sharing a key of the full set shares one of the kept set', () => {
    const seenAt = new Date('2026-08-20T00:00:00Z');
    /** The keys as they were: every title band from position 0. */
    const allKeys = (f: ReturnType<typeof fingerprintOf>) => {
      const { title } = splitSignature(f);
      return new Set([...indexKeysOf(f), ...bandKeysOf(title, { rows: 2, name: 't' })]);
    };
    const base = fingerprintOf({ title: '阿里巴巴发布通义千问新模型，价格下调八成', text: 'Qwen 新版本面向企业开放', seenAt });
    let seed = 11;
    const next = () => (seed = Math.imul(seed, 1103515245) + 12345) >>> 0;
    let sharing = 0;
    for (let round = 0; round < 2000; round++) {
      // A near copy: each value kept with some chance, else replaced (or emptied).
      const keep = [0.2, 0.5, 0.8][round % 3]!;
      const signature = base.signature.map((value) => ((next() % 1000) / 1000 < keep ? value : round % 11 === 0 ? 0xffffffff : next()));
      const other = { ...base, signature };
      const before = [...allKeys(base)].some((key) => allKeys(other).has(key));
      const after = indexKeysOf(base).some((key) => indexKeysOf(other).includes(key));
      expect(after, `round ${round}`).toBe(before);
      if (before) sharing++;
    }
    expect(sharing).toBeGreaterThan(100);
    expect(allKeys(base).size - indexKeysOf(base).length).toBe(singleRowTitleKeys / 2);
  });
});

describe('bandKeysOf', () => {
  it('gives the keys of the spelled-out bands it always gave (stored keys keep matching)', () => {
    const spelled = (signature: number[], rows: number, name: string, from = 0) => {
      const keys: number[] = [];
      for (let start = from; start + rows <= signature.length; start += rows) {
        const band = signature.slice(start, start + rows);
        if (band.every((value) => value === 0xffffffff)) continue;
        keys.push(key52(`${name}${start}:${band.join(',')}`));
      }
      return keys;
    };
    let seed = 7;
    const next = () => (seed = Math.imul(seed, 1103515245) + 12345) >>> 0;
    for (let round = 0; round < 200; round++) {
      const signature = Array.from({ length: 32 }, (_, i) => (round % 5 === 0 && i % 3 === 0 ? 0xffffffff : round % 7 === 0 ? i : next()));
      signature[1] = [0, 9, 10, 4294967295, 4294967294][round % 5]!;
      for (const [rows, name] of [[2, 't'], [1, 'u'], [4, 'f']] as const) expect(bandKeysOf(signature, { rows, name })).toEqual(spelled(signature, rows, name));
      expect(bandKeysOf(signature, { rows: 2, name: 't', from: 4 })).toEqual(spelled(signature, 2, 't', 4));
    }
  });
});
