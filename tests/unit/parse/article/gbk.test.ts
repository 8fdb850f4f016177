import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../../src/fetch/charset.js';
import { extractArticle } from '../../../../src/parse/article/extract-article.js';
import { fixture } from '../../../helpers/fixtures.js';
import { encodeGbk } from '../../../helpers/gbk.js';

// Readability's QQ page declares gb2312 in <meta>; here it is turned into the GBK bytes the portal served.
const gbkPage = encodeGbk(gunzipSync(fixture('articles/readability-qq.html.gz')).toString('utf8'));
const first = '谷歌(微博) 在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识';

describe('GBK article pages', () => {
  it('really are GBK bytes (not valid UTF-8)', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkPage)).toThrow();
  });

  it.each([
    ['the <meta charset> alone', undefined],
    ['a charset=GBK header', 'text/html; charset=GBK'],
    ['a header without charset', 'text/html'],
  ])('decode and extract with %s', (_name, contentType) => {
    const result = extractArticle(decodeBody(gbkPage, contentType), 'https://tech.qq.com/a/20161014/000000.htm');
    expect(result.title).toBe('DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶');
    expect(result.text).toContain(first);
    expect(result.text).not.toContain('\ufffd');
  });
});
