import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../../src/tag/automaton.js';

function found(patterns: string[], text: string): string[] {
  const out: string[] = [];
  buildAutomaton(patterns).scan(text, (id, start, end) => out.push(`${patterns[id]}@${start}-${end}`));
  return out.sort();
}

/** Every occurrence, the slow way: the reference the automaton must agree with. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p) => {
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${p}@${i}-${i + p.length}`);
  });
  return out.sort();
}

describe('buildAutomaton', () => {
  it.each([
    [['he', 'she', 'his', 'hers'], 'ushers'],
    [['阿里', '阿里巴巴', '巴巴', '阿里云'], '阿里巴巴和阿里云'],
    [['王兴', '王兴兴', '兴兴'], '王兴兴说王兴'],
    [['aa', 'aaa', 'a'], 'aaaa'],
    [['Spark', 'Apache Spark', 'park'], 'Apache Spark and Spark'],
  ])('finds every occurrence of %j in %s, overlaps included', (patterns, text) => {
    expect(found(patterns, text)).toEqual(naive(patterns, text));
  });

  it('agrees with the slow way on random text over a small alphabet', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const word = (len: number) => Array.from({ length: len }, () => 'abc智能'[rand(5)]).join('');
    const patterns = [...new Set(Array.from({ length: 40 }, () => word(1 + rand(4))))];
    const text = word(2000);
    expect(found(patterns, text)).toEqual(naive(patterns, text));
  });

  it('agrees with the slow way on folded text when the text mixes full-width and ASCII forms', () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const patterns = [...new Set(Array.from({ length: 30 }, () => Array.from({ length: 1 + rand(4) }, () => 'ab智'[rand(3)]).join('')))];
    const text = Array.from({ length: 3000 }, () => 'abａｂ智能'[rand(6)]).join('');
    const folded = text.replace(/[ａｂ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    expect(found(patterns, text)).toEqual(naive(patterns, folded));
  });

  it('folds full-width ASCII and the ideographic space', () => {
    expect(found(['GLM-5', 'Pony AI'], 'ＧＬＭ－５ and Ｐｏｎｙ\u3000ＡＩ')).toEqual(['GLM-5@0-5', 'Pony AI@10-17']);
  });

  it('ignores empty patterns and reports nothing on empty text', () => {
    expect(found(['', 'x'], '')).toEqual([]);
    expect(found(['', 'x'], 'x')).toEqual(['x@0-1']);
  });
});
