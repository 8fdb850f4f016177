import { describe, expect, it } from 'vitest';
import { matchTerms, matchTermsAfter } from '../../../src/tag/find-terms.js';
import { catalogueLexicon } from '../../../src/tag/matcher.js';

describe('matchTermsAfter: a body that repeats its summary', () => {
  const lexicon = catalogueLexicon();

  it.each([
    // Terms inside the prefix, across the seam, and after it.
    ['阿里巴巴发布通义千问', '阿里巴巴发布通义千问新模型，腾讯云跟进'],
    ['报道称阿里', '报道称阿里巴巴的大模型'],
    ['Alibaba Clo', 'Alibaba Cloud cuts prices of its AI models'],
    ['人工', '人工智能'],
    ['', 'DeepSeek 发布新模型'],
    ['DeepSeek 发布新模型', 'DeepSeek 发布新模型'],
  ])('%s | %s: the same matches, in the same order, as a full scan', (prefix, text) => {
    expect(matchTermsAfter(lexicon, text, prefix.length, matchTerms(lexicon, prefix))).toEqual(matchTerms(lexicon, text));
  });

  it('agrees with a full scan at every seam of a real sentence', () => {
    const text = '36氪获悉，阿里云MaaS扩充模型服务矩阵，GLM-5.3和DeepSeek-V4-Pro正式版现已接入千问AI平台，人工智能、大模型与智能体';
    for (let cut = 0; cut <= text.length; cut++) {
      const prefix = text.slice(0, cut);
      expect(matchTermsAfter(lexicon, text, cut, matchTerms(lexicon, prefix)), `cut at ${cut}`).toEqual(matchTerms(lexicon, text));
    }
  });
});
