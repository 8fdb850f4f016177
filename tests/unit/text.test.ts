import { describe, expect, it } from 'vitest';
import { cleanBlock, cleanLine } from '../../src/text.js';

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
  });
});
