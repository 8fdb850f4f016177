import { describe, expect, it } from 'vitest';
import { catalogueLexicon, tagText } from '../../../src/tag/matcher.js';

const slugs = (title: string, body?: string) => tagText({ title, body }).companies.map((tag) => tag.company).sort();

describe('tagText: matching rules', () => {
  it.each([
    ['GLM-5 tops the leaderboard', ['zhipu']],
    ['see https://github.com/THUDM/GLM-4 for weights', []],
    ['the glm package fits generalized linear models', []],
    ['ALIBABA UNVEILS NEW QWEN MODEL', ['alibaba']],
    ['Alibaba’s Qwen and Tencent’s Hunyuan', ['alibaba', 'tencent']],
    ['Liu Xiaoming spoke on Friday', []],
    ['SMICS is not a company; SMIC is', ['smic']],
    ['阿里云和字节跳动发布新模型', ['alibaba', 'bytedance']],
    ['王兴兴：宇树将开源模型', ['unitree']],
    ['騰訊混元與阿里雲通義千問', ['alibaba', 'tencent']],
    ['ＤｅｅｐＳｅｅｋ发布新模型', ['deepseek']],
    ['Kimi智能助手上线', ['moonshot']],
  ])('%s → %j', (title, expected) => {
    expect(slugs(title)).toEqual(expected);
  });

  it('builds one automaton for the whole catalogue and vocabulary', () => {
    const lexicon = catalogueLexicon();
    expect(lexicon.companyCount).toBe(39);
    expect(lexicon.terms).toContain('騰訊');
    expect(lexicon.automaton.stateCount).toBeGreaterThan(lexicon.terms.length);
  });
});

describe('tagText: evidence and salience', () => {
  it('records field, alias and score for each company, the item subject first', () => {
    const result = tagText({
      title: 'DeepSeek cuts API prices',
      summary: 'The Hangzhou lab, founded by Liang Wenfeng, said prices fall 50%.',
      body: 'Analysts compared it with Alibaba.',
    });
    expect(result.companies[0]).toMatchObject({ company: 'deepseek', field: 'title', alias: 'DeepSeek' });
    const alibaba = result.companies.find((tag) => tag.company === 'alibaba')!;
    expect(alibaba).toMatchObject({ field: 'body', alias: 'Alibaba' });
    expect(result.companies[0]!.score).toBeGreaterThan(alibaba.score);
  });

  it('gives topics with evidence in both languages', () => {
    const en = tagText({ title: 'Zhipu raises $1.5 billion in Series C funding' });
    expect(en.topics.map((t) => t.topic)).toContain('funding-ipo');
    expect(en.topics.find((t) => t.topic === 'funding-ipo')).toMatchObject({ field: 'title' });
    const zh = tagText({ title: '美国扩大芯片出口管制', body: '英伟达H20受影响' });
    expect(zh.topics.map((t) => t.topic)).toContain('chips-export');
    expect(tagText({ title: '宇树发布人形机器人' }).topics.map((t) => t.topic)).toEqual(expect.arrayContaining(['model-release', 'robotics']));
  });
});

describe('tagText: relevance', () => {
  it.each([
    ['Alibaba releases Qwen 3 model', true],
    ['Alibaba opens a new grocery store in Hangzhou', false],
    ['OpenAI cuts GPT prices', false],
    ['US widens AI chip export controls on China', true],
    ['具身智能训练场在全国建成七十家', true],
    ['沪指跌1%，深成指跌2%，寒武纪跌超3%，全市场超4000股下跌', false],
    ['韩国设立人工智能未来基金', false],
  ])('%s → %s', (title, relevant) => {
    expect(tagText({ title }).relevant).toBe(relevant);
  });
});
