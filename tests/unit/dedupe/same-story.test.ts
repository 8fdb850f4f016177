import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../src/dedupe/fingerprint.js';
import { sameStory } from '../../../src/dedupe/same-story.js';
import { tagText } from '../../../src/tag/matcher.js';

const at = (iso: string) => new Date(iso);
const fp = (title: string, text: string, seenAt: string) =>
  fingerprintOf({ title, text, seenAt: at(seenAt), companies: tagText({ title, summary: text }).companies.map((t) => t.company) });

// Pairs from the labelled dev set (tests/fixtures/dedupe/ai36kr-stories.json), paraphrased.
describe('sameStory', () => {
  it.each([
    ['36Kr vs Readhub rewrite', fp('吴泳铭：阿里AI年化收入突破495亿元', '', '2026-08-20T11:57:00Z'), fp('吴泳铭：阿里 AI 年化收入突破 495 亿元', '', '2026-08-20T12:35:00Z')],
    ['retitled flash', fp('“钛动科技”完成新一轮融资', '', '2026-08-20T01:51:00Z'), fp('钛动科技宣布完成新一轮融资', '', '2026-08-21T02:05:00Z')],
    ['English vs Chinese, product and name', fp('Replit expands access to software creation with GPT-5.6 Luna', '', '2026-08-19T10:00:00Z'), fp('OpenAI：在线软件开发平台 Replit 正在推出由 GPT‑5.6 Luna 驱动的免费模式', '', '2026-08-19T18:00:00Z')],
    ['English vs Chinese, figures', fp('Poolside gets $12B reverse-execuhire to NVIDIA; founders stay for $1B, employees go for $6B', '', '2026-08-21T05:45:00Z'), fp('英伟达将向 AI 模型初创企业 Poolside 支付 60 亿美元', '以 120 亿美元投前估值向其投资 10 亿美元', '2026-08-21T18:40:00Z')],
    ['Chinese rewrite in other words, same player', fp('韩国企业Naver拟分拆搜索业务以加强AI能力', '', '2026-08-21T05:00:00Z'), fp('韩国互联网巨头 Naver 启动核心业务拆分，加强AI能力', '', '2026-08-21T08:00:00Z')],
    ['English vs Chinese, a figure in both headlines and the company', fp('Baidu’s cloud revenue surges to $11B', '', '2026-08-18T00:00:00Z'), fp('百度智能云年收入突破110亿美元', '', '2026-08-18T06:00:00Z')],
    ['Chinese rewrite retelling the same lede', fp('聊天应用注册和登录功能无法使用，正在修复中', 'Zeta 平台出现大规模服务中断，用户无法登录、注册和加载历史对话，公司表示正在实施缓解措施。', '2026-08-20T01:00:00Z'), fp('聊天应用突发全球大规模服务中断，官方称正在修复', 'Zeta 平台出现全球大规模服务中断，用户无法登录和注册，公司称正在实施缓解措施。', '2026-08-20T03:00:00Z')],
  ])('joins: %s', (_name, a, b) => {
    expect(sameStory(a, b).same).toBe(true);
    expect(sameStory(b, a).same).toBe(true);
  });

  it.each([
    ['same company, different facts', fp('小米集团：二季度营收1089亿元', '', '2026-08-18T09:27:00Z'), fp('小米集团：二季度智能电动汽车及AI等创新业务收入249亿元', '', '2026-08-18T09:35:00Z')],
    ['same product, different price cut', fp('GPT-5.6 Sol Pricing Cut by 50%', '', '2026-08-17T21:03:00Z'), fp('OpenAI将GPT-5.6 Sol模型API定价下调两成以上', '下调20%以上', '2026-08-19T02:11:00Z')],
    ['a digest and one of its headlines', fp('台积电先进封装CoWoS产能供不应求，订单爆满', '', '2026-08-19T06:05:00Z'), fp('氪星晚报｜台积电先进封装CoWoS产能供不应求，订单爆满；小米新一代人形机器人剧透：双足、1.7米左右、全身66个自由度；《全民医疗保障“十五五”规划》发布', '', '2026-08-19T12:08:00Z')],
    ['same wording, outside the 7-day window', fp('DeepSeek 发布 V4 模型', '', '2026-08-01T00:00:00Z'), fp('DeepSeek 发布 V4 模型', '', '2026-08-09T00:00:00Z')],
    ['English and Chinese sharing only big names', fp('OpenAI is gaining on Anthropic with business users', '', '2026-08-20T22:00:00Z'), fp('OpenAI对抗Anthropic的最新举措：承诺不留存客户数据', '', '2026-08-20T05:00:00Z')],
    ['Chinese headlines alike but no shared player', fp('新能源车企上半年营收增长，研发投入创新高', '', '2026-08-19T01:00:00Z'), fp('消费电子企业上半年营收增长，毛利率创新高', '', '2026-08-19T03:00:00Z')],
    ['Chinese rewrite-like headlines three days apart', fp('韩国企业Naver拟分拆搜索业务以加强AI能力', '', '2026-08-18T05:00:00Z'), fp('韩国互联网巨头 Naver 启动核心业务拆分，加强AI能力', '', '2026-08-21T08:00:00Z')],
    ['a commentary that quotes the deal in its lede, across languages', fp('Acme’s valuation doubles to $21B in a month', '', '2026-08-18T17:00:00Z'), fp('知名空头唱空英伟达，力挺芯片新秀Acme', 'Acme 8月18日完成7亿美元融资，估值210亿美元。', '2026-08-20T06:00:00Z')],
    ['Chinese headlines somewhat alike, same player, other ledes', fp('聊天应用注册和登录功能无法使用，正在修复中', 'Zeta 称今日上午系统升级后出现故障。', '2026-08-20T01:00:00Z'), fp('聊天应用突发全球大规模服务中断，官方称正在修复', '受海底光缆受损影响，Zeta 在东南亚多地访问缓慢。', '2026-08-20T03:00:00Z')],
    [
      'two facts from one earnings call: the same speaker and lede, a headline figure the other never quotes',
      fp('Zeta集团张三：AI芯片下半年将持续放量', 'Zeta集团首席执行官张三在财报电话会上表示，自研AI芯片下半年将持续放量，算力投入将继续加大。', '2026-08-20T10:00:00Z'),
      fp('Zeta集团张三：下季度AI产品收入将接近100亿美元', 'Zeta集团首席执行官张三在财报电话会上表示，预计下季度AI相关产品收入将接近100亿美元。', '2026-08-20T10:05:00Z'),
    ],
  ])('keeps apart: %s', (_name, a, b) => {
    expect(sameStory(a, b).same).toBe(false);
  });
});
