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
    // A product name takes a version number glued on; a longer word does not make a product.
    ['Kimi K3与Qwen3.8-Max接连引入收入分成条款', ['alibaba', 'moonshot']],
    ['GLM5发布', ['zhipu']],
    ['Qwenly is a note-taking app', []],
    ['Ｑｗｅｎ３发布', ['alibaba']],
    // Nicknames and car names.
    ['用DeepSeek网页版就能瓜分鹅厂600万', ['deepseek', 'tencent']],
    ['小米SU7系列交付突破50万台', ['xiaomi']],
  ])('%s → %j', (title, expected) => {
    expect(slugs(title)).toEqual(expected);
  });

  it.each([
    // A foreign firm likened to a tracked one is not that company...
    ['80 亿美元！「美国支付宝」买下全球最大 AI 中转站', []],
    ['“美国版支付宝”Stripe收购OpenRouter', []],
    ['Stripe, “America\'s Alipay”, buys OpenRouter', []],
    ['Paytm, the Alipay of India, adds an AI shopping agent', []],
    // ...but the company itself, and its own foreign business, still are.
    ['支付宝推出AI健康助手', ['ant-group']],
    ['Alipay launches an AI agent for shoppers in America', ['ant-group']],
    ['美国TikTok业务交易完成', ['bytedance']],
  ])('metaphor or company: %s → %j', (title, expected) => {
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
    // Event notices and tutorials are not news, whoever they name.
    ['CFP 开放 | 杭州站邀您共议大模型推理', false],
    ['DeepSeek 怎么入门？这套极简教程讲清楚', false],
    ['How to run Qwen locally: a step by step tutorial', false],
    // A foreign firm or country leading a Chinese-language item makes it foreign news.
    ['Cloudflare 推出新服务，识别恶意机器人与 AI 爬虫', false],
    ['新加坡 AI 创新大会八月开幕', false],
    ['美股三大指数收跌，纳指跌1%，中概股百度、阿里巴巴小幅下跌', false],
    // An AI product named by an ambiguous alias still marks the item as AI news.
    ['豆包：上线技能·连接器·工作伙伴', true],
    // A person's former employer does not make the story foreign.
    ['对话前DeepMind研究员：具身智能正在爆发', true],
    ['Former OpenAI researcher in Beijing launches an AI lab', true],
    ['DeepMind 发布新的 AI 模型', false],
    // A Chinese person abroad is a Chinese subject; a famous foreign AI figure is not.
    ['日本最年轻华人终身教授创业AI+新材料', true],
    ['造AI的人比用AI的人更分裂：李飞飞捅破了这层窗户纸', false],
    // The World Robot Conference is robotics news; a newsletter or a foreign-forum digest is not news.
    ['WRC变了：从秀场到市场', true],
    ['科技爱好者周刊（第 409 期）：AI 与程序员的未来', false],
    ['2026 08 21 HackerNews：AI 模型与芯片', false],
    // A listed firm answering investors on a Q&A platform is not AI-industry news...
    ['金禄电子在互动平台表示，公司PCB产品可用于人形机器人领域', false],
    // ...unless it is an AI-native company.
    ['宇树科技在互动平台表示，人形机器人订单饱满', true],
    ['AI算力租赁商Nebius拟发行45亿美元可转换优先票据', false],
    ['A50直线拉升，A股主要股指集体反弹，韩国股指由跌转涨，AI板块走强', false],
  ])('%s → %s', (title, relevant) => {
    expect(tagText({ title }).relevant).toBe(relevant);
  });

  // Chinese-language reporting with no AI word in its title needs two distinct AI words: one word
  // in two spellings, or nested in a longer one, is one.
  it.each([
    ['你的 Coding Agent 有多大价值（agent）', false],
    ['本周新公司：数据要素和大模型', false],
    ['本周新公司：数据要素、大模型和智能体', true],
    ['本周新公司：数据要素、Agent和大模型', true],
  ])('body %s → %s', (body, relevant) => {
    expect(tagText({ title: '一周观察', body }).relevant).toBe(relevant);
  });

  it.each([
    // "报道指出" (the report points out) holds 道指 (the Dow): it is no market word, so a digest led by an AI lab stays AI news.
    ['据报道指出，苹果已对Vision团队进行人员调整。据报道指出，本次裁员背后是苹果战略转向', true],
    ['美股收盘，纳指跌1%，标普500指数跌0.86%', false],
  ])('digest led by 科大讯飞, summary and body %s → %s', (text, relevant) => {
    expect(tagText({ title: '晚报｜科大讯飞：将推出全新主力通用大模型', summary: text, body: text }).relevant).toBe(relevant);
  });

  it('reads a field as Chinese by its characters, not by the Latin letters of its links', () => {
    const link = `原文：https://36kr.com/p/${'abcdefghij'.repeat(30)}?f=rss`;
    expect(tagText({ title: '一周观察', body: `本周新公司：数据要素、大模型和智能体 ${link}` }).relevant).toBe(true);
    // Without the link rule the 300 letters would outweigh the Han characters, and no China word is named.
    expect(tagText({ title: '一周观察', body: `本周新公司：数据要素、大模型和智能体 ${link.replace('https://', 'https ')}` }).relevant).toBe(false);
  });

  it('reads English city names as China', () => {
    const result = tagText({ title: 'Municipal Capital Tries to Turn AI Tokens into a Metered Utility', summary: 'In Guangzhou, district-backed platforms are selling model inference by the token.' });
    expect(result.relevant).toBe(true);
  });
});
