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
  it.each([
    ['=HYPERLINK("http://x","click")', `"'=HYPERLINK(""http://x"",""click"")"`],
    ['+86 phone', "'+86 phone"],
    ['-5% drop', "'-5% drop"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['Qwen = best', 'Qwen = best'],
  ])('defuses the spreadsheet formula %j → %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
  it('leaves negative numbers alone: only text from feeds is defused', () => {
    expect(csvField(-5)).toBe('-5');
  });
  it('has a stable header', () => {
    expect(exportColumns[0]).toBe('id');
    expect(exportColumns).toContain('story_id');
  });
});
