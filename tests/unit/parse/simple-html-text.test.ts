import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/fetch/charset.js';
import { htmlToText } from '../../../src/parse/html-text.js';
import { simpleHtmlText } from '../../../src/parse/simple-html-text.js';
import { corpusDir, hasCorpus } from '../../helpers/fixtures.js';

const blocks = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'section', 'article', 'figcaption']);

/** The text a browser's tree gives: cheerio on parse5, what htmlToText has always matched. */
function parse5Text(html: string): string {
  const $ = cheerio.load(html, null, false);
  $('script, style, noscript, iframe, svg').remove();
  $([...blocks].join(', ')).each((_, element) => {
    $(element).append('\n');
  });
  return $.root().text();
}

describe('simpleHtmlText', () => {
  it('reads well-nested common markup in one pass, as parse5 would', () => {
    const cases = [
      '<p>Alibaba <b>released</b> Qwen&nbsp;3</p><p>Second<br/>line &amp; more</p>',
      '<div><ul><li>a<ul><li>b</li></ul></li><li>c</li></ul></div>tail',
      '<p><a href="https://x.example/?a=1&amp;b=<2>" title=\'q "x"\'>link</a> <img src=x.png alt="a>b"/></p>',
      '<P>Upper<BR>case</P>', '<h2>t</h2><figure><img src=a><figcaption>cap</figcaption></figure>', '<p>open<b>never closed',
      'a\r\nb<br>c\0d', '<a>x</a><a>y</a>', '<b><p>block in phrasing</p></b>', '<hr>after rule<wbr>',
      '<p>a<!-- note -->b</p>', '<p>x<img src=a></img>y<wbr></wbr>z</p>', '<pre>\nkept\n</pre>', '<pre>\r\nkept</pre>',
      '<p>v<iframe src="https://v.example/"></iframe>w</p>', '<script>if (a < b) x()</script>t', '<NOSCRIPT><p>n</p></NOSCRIPT>k',
      '<p>i<svg viewBox="0 0 1 1"><path d="M0 0"/><text>drawn</text></svg>j</p>', '<style>p>a{}</style>s',
    ];
    for (const html of cases) {
      expect(simpleHtmlText(html, blocks), html).toBeDefined();
      expect(simpleHtmlText(html, blocks), html).toBe(parse5Text(html));
    }
  });

  it('leaves to parse5 whatever a browser would repair or read otherwise', () => {
    const cases = [
      '<p>a<p>b', '<p>a<div>b</div></p>', '<b><i>x</b></i>', '<li>a<li>b', '<a>x<a>y</a></a>', '<h1>a<h2>b</h2></h1>', '<p>x<hr>y</p>',
      '<p/>x', '<table><tr><td>x</td></tr></table>', 'a < b', '</p>x',
      '<svg><p>in</p></svg>', '<textarea>&amp;<p></textarea>', '<p title=a=b>x</p>', '<![CDATA[x]]>',
      '<!-->x', '<!--->x', '<!-- a --!>b', '<!-- open', '<script><!--<script>x</script>y', '<iframe>x</iframe y>z',
      '<svg><!-- c --></svg>x', '</br>x', '<p>a</br>b</p>', '<svg><b>x</b></svg>', '<iframe/>after', '<style>x',
    ];
    for (const html of cases) {
      expect(simpleHtmlText(html, blocks), html).toBeUndefined();
      expect(htmlToText(html), html).toBe(parse5Text(html));
    }
  });
});

describe('htmlToText on random tag soup', () => {
  it('gives the text parse5 gives, whichever path reads it', () => {
    const pieces = [
      '<p>', '</p>', '<b>', '</b>', '<i>', '</i>', '<a href="x">', '</a>', '<li>', '</li>', '<ul>', '</ul>', '<div>', '</div>', '<br>', '</br>',
      '<img src=x>', '</img>', '<pre>', '</pre>', '<h2>', '</h2>', '<h3>', '</h3>', '<hr>', '<!-- c -->', '<!-->', '<iframe>', '</iframe>',
      '<svg>', '</svg>', '<script>', '</script>', '<style>', '</style>', '<span>', '</span>', '<table>', '<td>', '<blockquote>', '</blockquote>',
      '<figure>', '</figure>', 'text', ' ', '\n', '\r\n', '&amp;', '&lt;', '&nbsp', '<', '>', '<p/>', '<noscript>', '</noscript>',
    ];
    // A fixed linear congruential sequence: the same soup on every run, so a failure can be replayed.
    let seed = 20261129;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let simple = 0;
    for (let round = 0; round < 3000; round++) {
      const html = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      if (simpleHtmlText(html, blocks) !== undefined) simple++;
      expect(htmlToText(html), JSON.stringify(html)).toBe(parse5Text(html));
    }
    expect(simple).toBeGreaterThan(200);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

/** Every HTML field of every item in the corpus feeds gives the text parse5 gives, by whichever path. */
describe.skipIf(!hasCorpus)('htmlToText over the corpus feeds', () => {
  it('matches parse5 on every summary, description and content field', { timeout: 300_000 }, async () => {
    const parser = new Parser({ customFields: { item: ['summary', 'description', 'content:encoded'] } });
    let fragments = 0;
    let simple = 0;
    const mismatches: string[] = [];
    for (const file of filesUnder(join(corpusDir, 'feeds')).filter((path) => !path.endsWith('.json'))) {
      const feed = await parser.parseString(decodeBody(readFileSync(file))).catch(() => undefined);
      for (const item of feed?.items ?? []) {
        for (const field of ['summary', 'description', 'content', 'content:encoded', 'title'] as const) {
          const html = (item as unknown as Record<string, unknown>)[field];
          if (typeof html !== 'string' || !html.includes('<')) continue;
          fragments++;
          if (simpleHtmlText(html, blocks) !== undefined) simple++;
          if (htmlToText(html) !== parse5Text(html)) mismatches.push(`${file} ${field}: ${html.slice(0, 120)}`);
        }
      }
    }
    console.log(`htmlToText corpus check: ${fragments} HTML fragments, ${simple} read by the one-pass path, ${mismatches.length} differ from parse5`);
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The one-pass path must carry most of the corpus, or it is not earning its place.
    expect(simple).toBeGreaterThan(fragments / 2);
  });
});
