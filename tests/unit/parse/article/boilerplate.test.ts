import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/parse/article/extract-article.js';

const paragraphs = [
  'Zhipu AI filed for a listing in Shanghai on Tuesday, the first of the Chinese model makers to do so.',
  'The company, backed by Alibaba and Tencent, said revenue tripled last year, while losses widened.',
  'Analysts said the filing would test investor appetite for AI start-ups, which burn cash on training.',
  'Zhipu declined to comment on the valuation, and said only that the proceeds would fund research.',
];

// A news page as publishers build them: navigation, a share bar, an inline ad, a caption, a newsletter
// prompt, related links and a footer around four paragraphs of article text.
const page = `<!doctype html><html lang="en"><head><title>Zhipu files for IPO</title></head><body>
<header class="site-header"><nav><a href="/">Home</a><a href="/tech">Tech</a><a href="/china">China</a></nav></header>
<main><article class="story">
  <h1>Zhipu files for IPO</h1>
  <div class="article-share"><a href="#">Share on Twitter</a><a href="#">Share on Facebook</a><span>Share this article</span></div>
  <div class="story-body">
    <p>${paragraphs[0]}</p>
    <figure><img src="x.jpg"><figcaption>Zhipu's office in Beijing. Photo: Reuters</figcaption></figure>
    <p>${paragraphs[1]}</p>
    <div class="ad-slot inline-ad"><p>Advertisement</p></div>
    <p>Advertisement</p>
    <p>${paragraphs[2]}</p>
    <div class="newsletter-signup"><p>Sign up for our China tech newsletter, delivered to your inbox every week.</p><button>Subscribe</button></div>
    <p>${paragraphs[3]}</p>
    <p>Read more: <a href="/a">Moonshot raises $1 billion</a></p>
  </div>
  <div class="related-stories"><h3>Related</h3><ul><li><a href="/1">DeepSeek releases R2, its new reasoning model, to developers</a></li><li><a href="/2">Baidu cuts Ernie prices again as competition grows in China</a></li></ul></div>
</article></main>
<aside class="sidebar"><h3>Most popular</h3><ol><li><a href="/p">A popular story with a long headline about something else entirely</a></li></ol></aside>
<footer><p>Copyright 2025 Example News. All rights reserved. Terms, privacy, cookies, and contact details.</p></footer>
</body></html>`;

describe('boilerplate removal', () => {
  const result = extractArticle(page, 'https://news.example.com/zhipu-ipo');

  it('keeps exactly the article paragraphs, one per line, in order', () => {
    expect(result.text.split('\n')).toEqual(paragraphs);
  });

  it.each(['Share', 'Advertisement', 'Photo: Reuters', 'newsletter', 'Read more', 'DeepSeek releases', 'Most popular', 'Copyright', 'Home'])(
    'drops %s',
    (furniture) => {
      expect(result.text).not.toContain(furniture);
    },
  );

  it('does not repeat the headline in the text', () => {
    expect(result.title).toBe('Zhipu files for IPO');
    expect(result.text.startsWith('Zhipu files for IPO')).toBe(false);
  });

  it('returns empty text, not page furniture, for a page with no article', () => {
    const empty = extractArticle('<html><body><nav><a href="/">Home</a></nav><footer>© 2025</footer></body></html>', 'https://example.com/');
    expect(empty).toMatchObject({ text: '', method: 'none' });
  });

  it('reads an HTML fragment without <html> or <body>', () => {
    const fragment = paragraphs.map((p) => `<p>${p}</p>`).join('');
    expect(extractArticle(fragment, 'https://example.com/a').text.split('\n')).toEqual(paragraphs);
  });

  it('never throws on broken markup', () => {
    expect(() => extractArticle('<html><body><div><p>unclosed <b>tags <i>everywhere', 'https://example.com/')).not.toThrow();
    expect(() => extractArticle('', 'not a url')).not.toThrow();
  });
});
