import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../../src/fetch/charset.js';
import { extractArticle } from '../../../../src/parse/article/extract-article.js';
import { fixture } from '../../../helpers/fixtures.js';
import { encodeLegacy } from '../../../helpers/legacy-encoding.js';

const utf8 = (name: string) => gunzipSync(fixture(`articles/${name}`)).toString('utf8');

describe('GBK article pages', () => {
  // Readability's QQ page declares gb2312 in <meta>; here it becomes the GBK bytes the portal served.
  const gbkPage = encodeLegacy(utf8('readability-qq.html.gz'), 'gbk');
  const first = '谷歌(微博) 在2014年收购的人工智能公司DeepMind开发出一款能够用自己的记忆学习新知识';

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

describe('Big5 article pages', () => {
  // Readability's PIXNET page (Traditional Chinese, Taiwan) declares no charset: the header names Big5.
  const big5Page = encodeLegacy(utf8('readability-pixnet.html.gz'), 'big5');

  it('decode and extract with a charset=Big5 header', () => {
    const result = extractArticle(decodeBody(big5Page, 'text/html; charset=Big5'), 'http://stevenhgm.pixnet.net/blog/post/39926056');
    expect(result.text.startsWith('一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣')).toBe(true);
    expect(result.text).toContain('營地地址：新竹縣尖石鄉玉峰村6鄰20號');
    expect(result.language).toBe('zh');
  });
});
