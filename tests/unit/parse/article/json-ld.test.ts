import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/parse/article/extract-article.js';
import { articleFromJsonLd } from '../../../../src/parse/article/json-ld.js';

const body = 'Moonshot AI released Kimi K2 on Friday. '.repeat(12).trim();

describe('articleFromJsonLd', () => {
  it.each([
    ['a plain NewsArticle', { '@type': 'NewsArticle', headline: 'Kimi K2', articleBody: body, datePublished: '2025-07-11T08:00:00+08:00', author: { '@type': 'Person', name: 'Li Wei' } }],
    ['an article inside @graph', { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': ['NewsArticle'], headline: 'Kimi K2', articleBody: body, datePublished: '2025-07-11T08:00:00+08:00', author: [{ name: 'Li Wei' }] }] }],
    ['an array of objects', [{ '@type': 'Organization', name: 'Pub' }, { '@type': 'ReportageNewsArticle', headline: 'Kimi K2', articleBody: body, datePublished: '2025-07-11T08:00:00+08:00', author: 'Li Wei' }]],
  ])('reads %s', (_name, data) => {
    const found = articleFromJsonLd([JSON.stringify(data)]);
    expect(found).toMatchObject({ headline: 'Kimi K2', articleBody: body, datePublished: '2025-07-11T08:00:00+08:00', author: 'Li Wei' });
  });

  it('survives CDATA wrappers, raw newlines in strings and broken scripts', () => {
    const scripts = ['{ not json', `<![CDATA[{"@type":"BlogPosting","headline":"Line\none","author":[{"name":"A"},{"name":"B"}]}]]>`];
    expect(articleFromJsonLd(scripts)).toMatchObject({ headline: 'Line one', author: 'A, B' });
  });

  it('prefers the article that carries a body', () => {
    const scripts = [JSON.stringify({ '@type': 'NewsArticle', headline: 'teaser' }), JSON.stringify({ '@type': 'NewsArticle', headline: 'full', articleBody: body })];
    expect(articleFromJsonLd(scripts)?.headline).toBe('full');
  });

  it('returns undefined when no Article type is present', () => {
    expect(articleFromJsonLd([JSON.stringify({ '@type': 'Organization', name: 'x' })])).toBeUndefined();
  });
});

describe('extractArticle with JSON-LD', () => {
  const page = (articleBody: string, pageText: string) => `<html><head>
    <script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Kimi K2 ships', articleBody, datePublished: '2025-07-11T08:00:00+08:00', author: { name: 'Li Wei' } })}</script>
    </head><body><nav><a href="/">Home</a></nav><article>${pageText}</article></body></html>`;

  it('uses articleBody when it is at least as full as the page text, and keeps date and author', () => {
    const result = extractArticle(page(body, '<p>Only a teaser paragraph, the rest is rendered by script.</p>'), 'https://example.com/a');
    expect(result).toMatchObject({ method: 'json-ld', text: body, published: '2025-07-11T08:00:00+08:00', author: 'Li Wei', title: 'Kimi K2 ships' });
  });

  it('decodes escaped HTML in articleBody and keeps its paragraphs', () => {
    const html = `&lt;p&gt;${'First paragraph about DeepSeek and its new model release. '.repeat(4)}&lt;/p&gt;&lt;p&gt;${'Second paragraph on pricing and availability in China. '.repeat(4)}&lt;/p&gt;`;
    const result = extractArticle(page(html, '<p>short</p>'), 'https://example.com/a');
    expect(result.method).toBe('json-ld');
    expect(result.text).not.toContain('&lt;');
    expect(result.text.split('\n')).toHaveLength(2);
  });

  it('ignores a teaser articleBody when the page holds the full text', () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the full story, with enough words, commas, and detail to count as prose.</p>`).join('');
    const result = extractArticle(page('A two-line teaser that some CMSs put in articleBody, nothing more than that, really. '.repeat(3), paragraphs), 'https://example.com/a');
    expect(result.method).toBe('generic');
    expect(result.text.split('\n')).toHaveLength(6);
  });
});
