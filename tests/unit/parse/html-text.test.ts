import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/parse/html-text.js';

/** What htmlToText was before it walked the parse5 tree itself: cheerio over the same parser. */
function cheerioText(html: string): string {
  if (!/[<&]/.test(html)) return html;
  const $ = cheerio.load(html, null, false);
  $('script, style, noscript, iframe, svg').remove();
  $('p, div, br, li, h1, h2, h3, h4, h5, h6, blockquote, tr, section, article, figcaption').each((_, element) => {
    $(element).append('\n');
  });
  return $.root().text();
}

describe('htmlToText', () => {
  it('keeps paragraph breaks, drops what a reader does not see, decodes references', () => {
    expect(htmlToText('<p>a<li>b<li>c')).toBe('a\nb\nc\n');
    expect(htmlToText('<script>s</script><style>x</style>t<br>u<!-- c -->')).toBe('t\nu');
    expect(htmlToText('AT&amp;T &notit; &#128;')).toBe('AT&T ¬it; €');
    expect(htmlToText('a\r\nb&lt;')).toBe('a\nb<');
    expect(htmlToText('plain text')).toBe('plain text');
  });

  it('reads what a browser would, as cheerio on parse5 did: misnesting, raw-text elements, templates, stray markup', () => {
    const cases = [
      '&amp', '&ampx', '&Amp;', '&;', '&#', '&#x;', '&#0;', '&#xD800;', '&#1114112;', '&copy2', '&nbsp&nbsp;', '&#65&#66', '&frac12x',
      'x\0y&amp;', 'a\rb&lt;', '&lt;p&gt;',
      '<template><p>x</p></template>y', '<table>t<tr><td>x</table>', '<tr>r</tr>', '<pre>\nz</pre>', '<iframe/>after', '</>a', '<!DOCTYPE',
      '<svg><p>in</p></svg>', '<svg><text>drawn</text></svg>after', '<math><style>s</style>m</math>', 'a\0b<b>c</b>', '<br/>x<br>',
      '<noscript><p>n</p></noscript>k', '<textarea>&amp;<p></textarea>', '<title>t<p></title>', '<xmp><p></xmp>', '<plaintext><p>x',
      '<![CDATA[x]]>y', '<li><div>a</li>b', '<h2>a<h1>b</h2>c', '<p>a<div>b</p>c</div>', '<b><p>x</b>y</p>',
    ];
    for (const html of cases) expect(htmlToText(html), html).toBe(cheerioText(html));
  });
});
