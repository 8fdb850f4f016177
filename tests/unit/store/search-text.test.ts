import { describe, expect, it } from 'vitest';
import { bigramPhrase, cjkBigrams, firstCharacters, searchDocumentOf, snippetHtml, splitSearchText, windowAround, withoutCjk } from '../../../src/store/search-text.js';

describe('splitSearchText', () => {
  it.each([
    ['文心', '', "('文心')", ['文心']],
    ['文心一言', '', "('文心' <-> '心一' <-> '一言')", ['文心一言']],
    ['云', '', "('云':*)", ['云']],
    ['"price cut" alibaba', '"price cut" alibaba', '', []],
    ['百度 文心一言 -降价 model', 'model', "('百度') & ('文心' <-> '心一' <-> '一言') & !('降价')", ['百度', '文心一言']],
    ['不输GPT-4', 'GPT-4', "('不输')", ['不输']],
    ['"; drop table items; --', '"; drop table items; --', '', []],
    ['，。！', '', '', []], // CJK punctuation is neither a word nor an ideograph
  ])('%s', (q, english, cjkQuery, cjkTerms) => {
    expect(splitSearchText(q)).toEqual({ english, cjkQuery, cjkTerms });
  });

  it('never lets query syntax through in the CJK part: only ideographs are quoted', () => {
    expect(bigramPhrase('阿里')).toBe("'阿里'");
    expect(splitSearchText("文心' | '!").cjkQuery).toBe("('文心')");
  });
});

describe('snippetHtml', () => {
  it('escapes the text and turns match marks and CJK terms into <mark>', () => {
    expect(snippetHtml('\u27e6Alibaba\u27e7 <b>cuts</b> & 阿里云降价', ['降价'])).toBe('<mark>Alibaba</mark> &lt;b&gt;cuts&lt;/b&gt; &amp; 阿里云<mark>降价</mark>');
    expect(snippetHtml('\ufe64Baidu\ufe65', [])).toBe('&lt;Baidu&gt;');
  });
  it('cuts a window around the first CJK match', () => {
    const text = `${'前'.repeat(200)}文心一言${'后'.repeat(200)}`;
    const window = windowAround(text, ['文心']);
    expect(window).toContain('文心一言');
    expect(window.length).toBeLessThan(170);
    expect(window.startsWith('…')).toBe(true);
  });
});

describe('searchDocumentOf', () => {
  it('blanks CJK runs for the english half and lists each run\'s bigrams and last character', () => {
    expect(withoutCjk('百度发布文心一言，不输GPT-4')).toBe(' ， GPT-4');
    expect(cjkBigrams('百度 AI 文心一言')).toBe('百度 度 文心 心一 一言 言');
    expect(searchDocumentOf('百度发布', '不输GPT-4', null)).toEqual({ english: '   GPT-4 ', bigrams: '百度 度发 发布 布 不输 输' });
  });

  it('sends no english text when there is no CJK: the server joins the stored text itself', () => {
    expect(searchDocumentOf('Alibaba cuts Qwen prices', 'By 85%.', 'Body.')).toEqual({ english: null, bigrams: '' });
  });

  it('counts the body\'s first 4,000 characters in code points, as left() does', () => {
    expect(firstCharacters('😀😀ab', 3)).toBe('😀😀a');
    expect(firstCharacters('abc', 5)).toBe('abc');
    const body = `${'😀'.repeat(3999)}文心`;
    expect(searchDocumentOf('t', '', body).bigrams).toBe('文');
  });
});
