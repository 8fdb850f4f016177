import { describe, expect, it } from 'vitest';
import { cleanBlock, cleanLine } from '../../src/text.js';

/** The first versions, which collapsed every whitespace run, single spaces included: the oracles. */
const collapseEveryRun = (line: string) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
const cleanBlockFirst = (text: string) =>
  text
    .split(/\n/)
    .map(collapseEveryRun)
    .filter((line, index, lines) => line !== '' || (index > 0 && lines[index - 1] !== ''))
    .join('\n')
    .trim();

describe('cleanBlock', () => {
  it('collapses spaces in lines and keeps at most one blank line between paragraphs', () => {
    expect(cleanBlock('  First\u3000 line \t here \n\n\n\n Second\u00a0para \r\n third ')).toBe('First line here\n\nSecond para\nthird');
    expect(cleanBlock('\n\n \n a \n \n \n b \n\n')).toBe('a\n\nb');
    expect(cleanBlock('')).toBe('');
    expect(cleanBlock(' \n\t\n ')).toBe('');
  });
});

describe('cleanLine', () => {
  it('collapses every run of spaces and line breaks to one space', () => {
    expect(cleanLine(' A\n\tB\u3000\u00a0C ')).toBe('A B C');
    expect(cleanLine('one\u00a0two\tthree  four')).toBe('one two three four');
  });
});

describe('cleanLine and cleanBlock, touching only the runs that change', () => {
  it('give what collapsing every run gives, on random mixes of every kind of space and line break', () => {
    const pieces = ['a', 'Word', '中文', ' ', '  ', '\t', '\n', '\n\n', '\r', '\r\n', '\u00a0', '\u3000', '\u2028', '\u2029', '\u200a', '\u1680', '\ufeff', '\v', '\f', ' \n ', '.', ' \t', '\t '];
    let state = 99;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    for (let trial = 0; trial < 20_000; trial++) {
      const text = Array.from({ length: next() % 16 }, () => pieces[next() % pieces.length]).join('');
      expect(cleanLine(text), JSON.stringify(text)).toBe(collapseEveryRun(text));
      expect(cleanBlock(text), JSON.stringify(text)).toBe(cleanBlockFirst(text));
    }
  });
});
