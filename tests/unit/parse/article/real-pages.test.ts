import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../../src/fetch/charset.js';
import { extractArticle } from '../../../../src/parse/article/extract-article.js';
import { corpusDir, fixture } from '../../../helpers/fixtures.js';

/** The article starts with `first` and ends with `last` (a closing byline or credit line may follow). */
function expectArticle(text: string, first: string, last: string): void {
  expect(text.indexOf(first), `first sentence: ${first}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(first)).toBeLessThan(80);
  const end = text.lastIndexOf(last);
  expect(end, `last sentence: ${last}`).toBeGreaterThanOrEqual(0);
  expect(text.length - (end + last.length)).toBeLessThan(80);
}

const page = (path: string): string => decodeBody(gunzipSync(fixture(path)));

describe('Readability test pages in Chinese (Apache-2.0 fixtures)', () => {
  it.each([
    ['readability-qq.html.gz', 'https://tech.qq.com/a/20161014/000000.htm', '谷歌(微博) 在2014年收购的人工智能公司DeepMind开发出一款', 'DeepMind已将其研究结果发表在科学刊物《自然》（Nature）上。'],
    ['readability-gmw.html.gz', 'http://tech.gmw.cn/2017-03/10/content_0000.htm', '翱翔于距地球数千公里的太空中，进入广袤漆黑的未知领域', '我们留在地球上的人，则可以准备好适量的香槟酒，以迎接他们的归来。'],
    ['readability-youth.html.gz', 'http://edu.youth.cn/2017-03/10/content_0000.htm', '图为马素湘在澳大利亚悉尼游玩时的近影。', '“我相信优秀留学生的国际化视野必将为家乡建设带来新的思路，增添新的活力。”卢宇恳切地说。'],
  ])('%s gives the article text', (file, url, first, last) => {
    const result = extractArticle(page(`articles/${file}`), url);
    expect(result.language).toBe('zh');
    expectArticle(result.text, first, last);
    expect(result.text).not.toContain('转播到腾讯微博');
    expect(result.text).not.toMatch(/责任编辑/);
  });
});

describe('Article Extraction Benchmark pages behind the F1 figure (MIT fixtures)', () => {
  it('reads text held directly in a div between empty divs (jpost)', () => {
    const result = extractArticle(page('articles/aeb-jpost.html.gz'), 'https://www.jpost.com/Breaking-News/Son-of-former-German-president-stabbed-to-death-in-Berlin-608399');
    expectArticle(result.text, 'The son of former German President Richard von Weizsäcker', 'Police arrested a 57-year-old man suspect of committing the assassination.');
  });

  it('does not read a "field--label-hidden" class as hidden (Drupal, albawaba)', () => {
    const result = extractArticle(page('articles/aeb-albawaba.html.gz'), 'https://www.albawaba.com/news/sweden-drops-its-investigation-rape-allegation-against-julian-assange-1322369');
    expectArticle(result.text, 'Sweden has dropped its investigation into a 2010 rape allegation', 'if convicted of all the charges against him there.');
    expect(result.published).toBe('2019-11-20T07:50:10Z');
  });
});

// GPL-3.0 test data: read from ../shared/corpus at test time, never copied.
const gneDir = join(corpusDir, 'extraction', 'gne-chinese-news', 'html');
const hasGne = existsSync(gneDir);

describe.skipIf(!hasGne)('GeneralNewsExtractor Chinese news pages (corpus, GPL: read in place)', () => {
  if (!hasGne) console.warn(`skipping GNE pages: ${gneDir} is absent`);
  it.each([
    ['163/1', 'https://www.163.com/news/article/x.html', '2019年，龙湖集团即将迎来赴港上市10周年。', '这需要龙湖给投资者作一个交代。'],
    ['sina/sina', 'https://news.sina.com.cn/c/2019-09-07/doc-x.shtml', '用户对性能永无止境的追求，让芯片领域迎来了巅峰对决。', '迄今为止华为在5G相关芯片研发的累计投入上已超过10亿美元。'],
    ['ifeng/1', 'https://news.ifeng.com/c/7rtKNyg6PU9', '7岁小花（化名）“眼睛被塞纸”事件，仍有许多疑问。', '此外，学校还多次组织观看了校园欺凌教育片。'],
    ['qq/2', 'https://new.qq.com/omn/x.html', '一位接近监管的人士对《棱镜》表示', '可以预见的是，第三方数据行业的整顿仍将持续。'],
    ['thepaper/1', 'https://www.thepaper.cn/newsDetail_forward_x', '“以前花一两元就能充满电，前几天一下子被扣了12元。”', '共享充电宝的需求量会越来越大。'],
    ['toutiao/3', 'https://www.toutiao.com/a0000/', '8岁儿子在四川海螺沟景区失联的第32天', '“是我的孩子，他一定会回来的。”'],
    ['people/1', 'http://culture.people.com.cn/n1/x.html', '父亲的教诲像一盏灯，为我们照亮前行的路', '字里行间都是对儿子的爱。'],
    ['xinhuanet/1', 'http://www.xinhuanet.com/world/x.htm', '新华社巴黎12月9日电（记者唐霁）法国9日再次爆发全国跨行业大罢工', '总理菲利普将于11日宣布退休制度改革的总体架构。'],
    ['huanqiu/1', 'https://world.huanqiu.com/article/x', '西方世界的一些反华分子正试图串联起来。', '刀哥想说，都9020年了，自信一点，理性一点，可以吗。'],
    ['wechat/1', 'https://mp.weixin.qq.com/s/x', '今天凌晨，三星在美国旧金山举行发布会', '经过文刃重新编排'],
  ])('%s gives the article text', (name, url, first, last) => {
    const html = decodeBody(gunzipSync(readFileSync(join(gneDir, `${name}.html.gz`))));
    const result = extractArticle(html, url);
    expectArticle(result.text, first, last);
    expect(result.text).not.toMatch(/^(【纠错】|责任编辑)/m);
  });
});
