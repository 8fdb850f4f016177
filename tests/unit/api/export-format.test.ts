import { describe, expect, it } from 'vitest';
import { csvField, csvLine, exportColumns } from '../../../src/api/export-format.js';

describe('CSV (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rlf', '"cr\rlf"'],
    ['中文，全角逗号', '中文，全角逗号'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
  it('writes null as empty, arrays joined with ";", numbers and booleans as text, CRLF line ends', () => {
    expect(csvLine([1, null, ['alibaba', 'baidu'], true, 'x,y'])).toBe('1,,alibaba;baidu,true,"x,y"\r\n');
  });
  it('has a stable header', () => {
    expect(exportColumns[0]).toBe('id');
    expect(exportColumns).toContain('story_id');
  });
});
