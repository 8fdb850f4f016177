import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAs, decodeBody, detectCharset } from '../../../src/fetch/charset.js';
import { parseFeed } from '../../../src/parse/feed.js';
import { corpusDir, fixture, hasCorpus, projectRoot } from '../../helpers/fixtures.js';
import { encodeLegacy } from '../../helpers/legacy-encode.js';

const text = (path: string, contentType?: string) => decodeBody(fixture(path), contentType);

describe('decodeBody on miniflux encoding cases', () => {
  it.each([
    ['charset/miniflux/utf8.xml', undefined, ['테스트 피드', 'Café']],
    ['charset/miniflux/utf8-incorrect-prolog.xml', undefined, ['테스트 피드', 'Café']],
    ['charset/miniflux/windows-1252-incorrect-prolog.xml', undefined, ['Euro €']],
    ['charset/miniflux/windows-1252.xml', undefined, ['Euro €']],
    ['charset/miniflux/iso-8859-1.xml', undefined, ['Café', 'Présentation']],
    ['charset/miniflux/iso88591_utf8_mismatch.xml', undefined, ['Anaïs', 'Jürgen']],
    ['charset/miniflux/no_encoding_ISO-8859-1.xml', undefined, ['Flux RSS du magazine de psychologie']],
    ['charset/miniflux/invalid-prolog.xml', undefined, ['테스트 피드', 'Café']],
    ['charset/miniflux/koi8r.xml', undefined, ['Пример RSS ленты', 'Тестовая лента в кодировке KOI8-R']],
    ['charset/miniflux/encoding_WINDOWS-1251.xml', undefined, ['iBash.Org.Ru', 'Новый цитатник Рунета']],
    ['charset/miniflux/iso-8859-1.html', undefined, ['Frédéric', 'Café']],
    ['charset/miniflux/iso-8859-1-meta-after-1024.html', undefined, ['Frédéric', 'Café']],
    ['charset/miniflux/utf8-meta-after-1024.html', undefined, ['Café']],
    // A header that lies: the KOI8-R bytes are not valid UTF-8, so the prolog's label wins.
    ['charset/miniflux/koi8r.xml', 'application/rss+xml; charset=utf-8', ['Пример RSS ленты', 'Тестовая лента в кодировке KOI8-R']],
    ['charset/miniflux/iso-8859-1.xml', 'text/xml; charset=utf-8', ['Café']],
  ])('%s (%s)', (path, contentType, expected) => {
    const decoded = text(path, contentType);
    for (const phrase of expected) expect(decoded).toContain(phrase);
    expect(decoded).not.toContain('\ufffd');
  });
});

/** Python codec names in feedparser's expectations → what Node's TextDecoder (or our UTF-32) calls them. */
const codecs: Record<string, string> = { 'us-ascii': 'windows-1252', 'iso-8859-1': 'windows-1252', 'utf-16': 'utf-16le', 'utf-32': 'utf-32le' };

const feedparserDir = join(projectRoot, 'tests', 'fixtures', 'charset', 'feedparser');
const feedparserCases = readdirSync(feedparserDir).flatMap((name) => {
  const bytes = readFileSync(join(feedparserDir, name));
  const header = decodeAs(bytes, detectCharset(bytes).charset);
  const expectLine = header.match(/Expect:\s*(.+)/)?.[1] ?? '';
  const encoding = expectLine.match(/^not bozo and encoding == '([\w-]+)'$/)?.[1];
  const contentType = header.match(/Header:\s*Content-type:\s*(.+)/i)?.[1]?.trim();
  return encoding ? [{ name, bytes, encoding, contentType }] : [];
});

describe('decodeBody on feedparser encoding cases (BSD-2-Clause)', () => {
  it('finds the cases', () => expect(feedparserCases.length).toBeGreaterThan(40));

  it.each(feedparserCases)('$name decodes as $encoding would', ({ bytes, encoding, contentType }) => {
    const expected = decodeAs(bytes, codecs[encoding] ?? encoding).replace(/^\ufeff/, '');
    expect(decodeBody(bytes, contentType)).toBe(expected);
  });

  it.each([
    ['euc-kr.xml', 'title', '\ub144'],
    ['euc-kr-item.xml', 'summary', '\ub144'],
    ['demoronize-1.xml', 'summary', 'don\u2019t'],
  ])('%s reads the %s right', async (name, field, expected) => {
    const feed = await parseFeed(decodeBody(readFileSync(join(feedparserDir, name))));
    const value = field === 'title' ? feed.title : feed.items[0]?.summary;
    expect(value).toBe(expected);
  });
});

const cjkDir = join(corpusDir, 'feeds', 'chardet-cjk');

describe.skipIf(!hasCorpus)('decodeBody on real GB2312/GBK and Big5 feeds (chardet corpus, read in place: LGPL)', () => {
  const cases = hasCorpus
    ? ['GB2312', 'Big5'].flatMap((folder) => readdirSync(join(cjkDir, folder)).map((name) => ({ name: `${folder}/${name}`, bytes: readFileSync(join(cjkDir, folder, name)) })))
    : [];
  const expectedOf = (bytes: Buffer) => (new TextDecoder('latin1').decode(bytes.subarray(0, 400)).match(/Expect: (\w+)/)?.[1] ?? '').toLowerCase();

  it.each(cases)('$name decodes cleanly, with or without a lying header', ({ bytes }) => {
    const expected = decodeAs(bytes, expectedOf(bytes));
    expect(decodeBody(bytes)).toBe(expected);
    expect(decodeBody(bytes, 'text/xml; charset=utf-8')).toBe(expected);
    expect(decodeBody(bytes, 'text/xml; charset=iso-8859-1')).toBe(expected);
  });

  it('sniffs the right family when every declaration is stripped', () => {
    let right = 0;
    for (const { bytes } of cases) {
      const bare = Buffer.from(new TextDecoder('latin1').decode(bytes).replace(/encoding=["'][\w-]+["']/i, ''), 'latin1');
      if (decodeBody(bare) === decodeAs(bare, expectedOf(bytes))) right++;
    }
    console.log(`chardet-cjk: ${right}/${cases.length} sniffed right with no declaration`);
    expect(right).toBe(cases.length);
  });
});

describe('UTF-16 and UTF-32', () => {
  const sample = '<?xml version="1.0"?><rss><channel><title>中文 Café</title></channel></rss>';
  const utf32 = (le: boolean, bom: boolean) => {
    const codes = [...(bom ? '\ufeff' : ''), ...sample].map((c) => c.codePointAt(0)!);
    const out = Buffer.alloc(codes.length * 4);
    codes.forEach((code, i) => (le ? out.writeUInt32LE(code, i * 4) : out.writeUInt32BE(code, i * 4)));
    return out;
  };
  it.each([
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')])],
    ['utf-16le without BOM', Buffer.from(sample, 'utf16le')],
    ['utf-16be without BOM', Buffer.from(sample, 'utf16le').swap16()],
    ['utf-32le with BOM', utf32(true, true)],
    ['utf-32be without BOM', utf32(false, false)],
  ])('%s', (_label, bytes) => {
    expect(decodeBody(bytes)).toBe(sample);
  });
});

describe('legacy CJK encodings, declared and undeclared', () => {
  const feed = (title: string, prolog = '') => `<?xml version="1.0"${prolog}?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;
  it.each([
    ['gbk', '智谱AI发布新一代大模型，月之暗面完成新一轮融资，百度文心一言用户数突破三亿'],
    ['big5', '智譜發布新一代大模型，月之暗面完成新一輪融資，百度文心一言用戶數突破三億'],
    ['shift_jis', 'ソフトバンクとオープンエーアイが合弁会社を設立、日本で生成エーアイを展開へ'],
    ['euc-kr', '네이버와 카카오가 새로운 인공지능 모델을 발표했습니다'],
  ])('%s: decoded by its prolog, and despite a lying utf-8 header', (label, title) => {
    const bytes = encodeLegacy(feed(title, ` encoding="${label}"`), label);
    expect(decodeBody(bytes)).toContain(title);
    expect(decodeBody(bytes, 'application/rss+xml; charset=utf-8')).toContain(title);
  });

  it.each([
    ['gbk', '智谱AI发布新一代大模型，月之暗面完成新一轮融资，百度文心一言用户数突破三亿'],
    ['big5', '智譜發布新一代大模型，月之暗面完成新一輪融資，百度文心一言用戶數突破三億'],
    ['shift_jis', 'ソフトバンクとオープンエーアイが合弁会社を設立、日本で生成エーアイを展開へ'],
  ])('%s: sniffed when nothing declares it', (label, title) => {
    expect(decodeBody(encodeLegacy(feed(title), label))).toContain(title);
  });

  it('sniffs Big5 whose characters mostly take low trail bytes (27 of 44 here), not as windows-1252', () => {
    const title = '台灣設計師們在部落格上分享作品與生活點滴，歡迎大家留言討論這些創意想法以及未來的合作計畫';
    expect(decodeBody(encodeLegacy(feed(title), 'big5'))).toContain(title);
  });
});
