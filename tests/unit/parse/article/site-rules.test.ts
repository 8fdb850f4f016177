import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../../src/fetch/charset.js';
import { extractArticle } from '../../../../src/parse/article/extract-article.js';
import { siteRuleFor } from '../../../../src/parse/article/site-rules.js';
import { fixture } from '../../../helpers/fixtures.js';

describe('siteRuleFor', () => {
  it.each([
    ['https://www.cnbc.com/2025/01/01/x.html', true],
    ['https://tech.sina.com.cn/t/x.shtml', true],
    ['https://mp.weixin.qq.com/s/x', true],
    ['https://notcnbc.com/x', false],
    ['not a url', false],
  ])('%s → rule: %s', (url, found) => {
    expect(siteRuleFor(url) !== undefined).toBe(found);
  });
});

describe('site rules on real pages (postlight fixtures)', () => {
  it.each([
    ['postlight-cnbc.html.gz', 'https://www.cnbc.com/2016/12/20/x.html', 'The U.S. Mountain States are moving away from coal', '"I always say to people that when the last coal train leaves the station, it\'ll be in Wyoming most likely," he said.'],
    ['postlight-reuters.html.gz', 'https://www.reuters.com/article/us-usa-fed-idUSKBN1430G4', 'WASHINGTON (Reuters) - The U.S. Federal Reserve raised interest rates on Wednesday', 'deployed other tools such as massive bond purchases to stabilize the economy.'],
  ])('%s: body from the rule, first and last sentences', (file, url, first, last) => {
    const result = extractArticle(decodeBody(gunzipSync(fixture(`articles/${file}`))), url);
    expect(result.method).toBe('site-rule');
    expect(result.text.startsWith(first)).toBe(true);
    expect(result.text.endsWith(last)).toBe(true);
    expect(result.text).not.toMatch(/Min Read|^By\b/m);
  });

  it('falls back to the general algorithm when rules are off, with the same lede', () => {
    const result = extractArticle(decodeBody(gunzipSync(fixture('articles/postlight-cnbc.html.gz'))), 'https://www.cnbc.com/x', { siteRules: false });
    expect(result.method).toBe('generic');
    expect(result.text.startsWith('The U.S. Mountain States are moving away from coal')).toBe(true);
  });
});
