import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/roundup/render-html.js';
import { renderMarkdown } from '../../../src/roundup/render-markdown.js';
import type { DraftEntry } from '../../../src/roundup/types.js';

function entry(summary: string, outlets: Array<[string, string]>, extra: Partial<DraftEntry> = {}): DraftEntry {
  return {
    storyId: 1,
    title: 't',
    summary,
    summarySource: 'lede',
    needsTranslation: false,
    outlets: outlets.map(([name, url]) => ({ name, url, source: name.toLowerCase(), weight: 1 })),
    companies: [],
    topics: [],
    items: [],
    firstSeenAt: '2025-01-01T00:00:00Z',
    score: 1,
    reasons: [],
    pinned: false,
    added: false,
    ...extra,
  };
}

describe('Markdown in the seed newsletter’s style', () => {
  it('writes one bullet per story with the outlets linked in parentheses', () => {
    const md = renderMarkdown({
      week: '2025-W01',
      entries: [
        entry(
          "Alibaba Cloud reduced prices on its AI language model Qwen-VL by up to 85%. The price cuts are aimed at enticing more enterprise users to adopt Alibaba's AI offerings.",
          [['CNBC', 'https://www.cnbc.com/2024/12/31/alibaba-cuts-prices.html']],
        ),
        entry('Baidu said Baidu Wenku has surpassed 40 million paying users.', [
          ['CNBC', 'https://cnbc.com/a'],
          ['SCMP', 'https://scmp.com/b'],
        ]),
      ],
    });
    expect(md).toBe(
      [
        '## Weekly News Roundup (2025-W01)',
        '',
        "- Alibaba Cloud reduced prices on its AI language model Qwen-VL by up to 85%. The price cuts are aimed at enticing more enterprise users to adopt Alibaba's AI offerings. ([CNBC](https://www.cnbc.com/2024/12/31/alibaba-cuts-prices.html))",
        '- Baidu said Baidu Wenku has surpassed 40 million paying users. ([CNBC](https://cnbc.com/a), [SCMP](https://scmp.com/b))',
        '',
      ].join('\n'),
    );
  });

  it('escapes Markdown in the text and parentheses in links, and marks untranslated bullets invisibly', () => {
    const md = renderMarkdown({ week: '2025-W01', entries: [entry('Model *K2* [beta] ships', [['Wiki', 'https://x.org/a_(b)']], { needsTranslation: true })] });
    expect(md).toContain('- Model \\*K2\\* \\[beta\\] ships ([Wiki](https://x.org/a_%28b%29)) <!-- needs translation -->');
  });

  it('writes email-safe HTML: escaped text, inline styles, no script', () => {
    const html = renderHtml({ week: '2025-W01', entries: [entry('<b>Tencent</b> & "friends"', [['SCMP', 'https://scmp.com/?a=1&b=2']])] });
    expect(html).toContain('&lt;b&gt;Tencent&lt;/b&gt; &amp; &quot;friends&quot;');
    expect(html).toContain('href="https://scmp.com/?a=1&amp;b=2"');
    expect(html).not.toMatch(/<script|class=/);
  });
});
