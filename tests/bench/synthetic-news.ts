// Synthetic but realistic tagged news for the query benchmark: English and Chinese headlines built
// from the catalogue's real names and products, Zipf-like company popularity, stories of 1–6 items
// spread over a few days, 30% Chinese sources. Deterministic (seeded), so runs compare.
import type { FakeItem } from '../helpers/item-factory.js';

/** mulberry32: a tiny seeded PRNG, good enough for test data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const companies: Array<{ slug: string; en: string; zh: string; product: string; productZh: string }> = [
  { slug: 'alibaba', en: 'Alibaba', zh: '阿里巴巴', product: 'Qwen', productZh: '通义千问' },
  { slug: 'baidu', en: 'Baidu', zh: '百度', product: 'ERNIE Bot', productZh: '文心一言' },
  { slug: 'bytedance', en: 'ByteDance', zh: '字节跳动', product: 'Doubao', productZh: '豆包' },
  { slug: 'tencent', en: 'Tencent', zh: '腾讯', product: 'Hunyuan', productZh: '混元' },
  { slug: 'deepseek', en: 'DeepSeek', zh: '深度求索', product: 'DeepSeek-V3', productZh: 'DeepSeek-V3' },
  { slug: 'huawei', en: 'Huawei', zh: '华为', product: 'Ascend 910C', productZh: '昇腾芯片' },
  { slug: 'moonshot', en: 'Moonshot AI', zh: '月之暗面', product: 'Kimi', productZh: 'Kimi助手' },
  { slug: 'zhipu', en: 'Zhipu AI', zh: '智谱', product: 'GLM-4', productZh: '智谱清言' },
  { slug: 'minimax', en: 'MiniMax', zh: '稀宇科技', product: 'Hailuo', productZh: '海螺AI' },
  { slug: 'xiaomi', en: 'Xiaomi', zh: '小米集团', product: 'MiMo', productZh: '小爱同学' },
  { slug: 'kuaishou', en: 'Kuaishou', zh: '快手', product: 'Kling', productZh: '可灵' },
  { slug: 'iflytek', en: 'iFlytek', zh: '科大讯飞', product: 'Spark', productZh: '讯飞星火' },
  { slug: 'sensetime', en: 'SenseTime', zh: '商汤科技', product: 'SenseNova', productZh: '日日新' },
  { slug: '01ai', en: '01.AI', zh: '零一万物', product: 'Yi-Lightning', productZh: '万知' },
  { slug: 'stepfun', en: 'StepFun', zh: '阶跃星辰', product: 'Step-2', productZh: '跃问' },
  { slug: 'baichuan', en: 'Baichuan', zh: '百川智能', product: 'Baichuan 4', productZh: '百小应' },
  { slug: 'cambricon', en: 'Cambricon', zh: '寒武纪', product: 'MLU590', productZh: '思元芯片' },
  { slug: 'smic', en: 'SMIC', zh: '中芯国际', product: '7nm process', productZh: '先进制程' },
  { slug: 'unitree', en: 'Unitree', zh: '宇树科技', product: 'G1 humanoid', productZh: '人形机器人' },
  { slug: 'xpeng', en: 'XPeng', zh: '小鹏汽车', product: 'XNGP', productZh: '智能驾驶' },
  { slug: 'byd', en: 'BYD', zh: '比亚迪', product: "God's Eye", productZh: '天神之眼' },
  { slug: 'manus', en: 'Manus', zh: '蝴蝶效应', product: 'Manus agent', productZh: '智能体' },
];

const topics: Array<{ slug: string; en: string[]; zh: string[] }> = [
  { slug: 'model-release', en: ['releases', 'launches', 'unveils', 'open-sources'], zh: ['发布', '推出', '开源'] },
  { slug: 'pricing', en: ['announces a price cut for', 'slashes prices of', 'makes free'], zh: ['宣布降价', '大幅降价', '免费开放'] },
  { slug: 'funding', en: ['raises funding for', 'closes a new round to scale', 'seeks investors for'], zh: ['完成新一轮融资', '获得投资', '估值上涨'] },
  { slug: 'chips', en: ['faces export controls on', 'ships chips for', 'expands GPU supply for'], zh: ['受出口管制影响', '芯片供应', '算力扩容'] },
  { slug: 'policy', en: ['wins regulator approval for', 'registers with the CAC', 'complies with new rules on'], zh: ['通过备案', '监管审批', '新规落地'] },
  { slug: 'partnership', en: ['partners with carmakers on', 'signs a deal to bring', 'teams up with banks on'], zh: ['达成战略合作', '签约合作', '联合发布'] },
  { slug: 'users', en: ['reports record users of', 'says revenue from grew for', 'tops app store with'], zh: ['用户数突破一亿', '营收增长', '登顶应用商店'] },
];

const sourcesEn = ['reuters', 'cnbc', 'scmp', 'techcrunch', 'bloomberg', 'the-information', 'caixin-global', 'technode', 'pandaily', 'rest-of-world', 'ft', 'nikkei-asia', 'wsj', 'the-verge'];
const sourcesZh = ['36kr', 'jiqizhixin', 'qbitai', 'leiphone', 'huxiu', 'ithome', 'sina-tech'];
export const benchSources = [...sourcesEn, ...sourcesZh];

const fillerEn = [
  'Analysts said the move could pressure rivals in a crowded market.',
  'The company did not disclose financial terms.',
  'Shares rose in Hong Kong trading after the announcement.',
  'Developers can access the model through its cloud platform.',
  'The launch comes amid a price war among Chinese model makers.',
  'Executives said demand from enterprise customers remains strong.',
];
const fillerZh = ['业内人士认为，此举将加剧大模型市场竞争。', '公司未披露具体财务细节。', '消息公布后，公司股价上涨。', '开发者可以通过云平台调用该模型。', '多家厂商近期陆续下调了价格。'];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
/** Zipf-ish: the first companies get most of the coverage, like Alibaba and Baidu do. */
const pickCompany = (rand: () => number) => companies[Math.min(companies.length - 1, Math.floor(companies.length * rand() ** 2.2))]!;

/**
 * Yields `count` items over `weeks` weeks before `end`, in story clusters with ids from
 * `firstStoryId` upwards (a generator: a million items never sit in memory at once).
 */
export function* syntheticItems(count: number, options: { end: Date; weeks: number; seed: number; firstStoryId: number }): Generator<FakeItem> {
  const rand = seeded(options.seed);
  const span = options.weeks * 7 * 86_400_000;
  let made = 0;
  let storyId = options.firstStoryId;
  while (made < count) {
    const size = Math.min(count - made, 1 + Math.floor(rand() ** 3 * 6));
    const company = pickCompany(rand);
    const second = rand() < 0.2 ? pickCompany(rand) : undefined;
    const topic = pick(rand, topics);
    const tagged = rand() > 0.15;
    const start = options.end.getTime() - rand() * span;
    for (let i = 0; i < size; i++) {
      const zh = rand() < 0.3;
      const companyNames = second && second !== company ? [company, second] : [company];
      const verb = pick(rand, zh ? topic.zh : topic.en);
      const title = zh ? `${company.zh}${verb}${company.productZh}，${pick(rand, fillerZh)}` : `${company.en} ${verb} ${company.product}${second && second !== company ? `, rivalling ${second.en}` : ''}`;
      const summary = zh
        ? `${company.zh}表示，${company.productZh}${verb}。${pick(rand, fillerZh)}${pick(rand, fillerZh)}`
        : `${company.en} said it ${verb} ${company.product}. ${pick(rand, fillerEn)} ${pick(rand, fillerEn)}`;
      const body = zh ? `${summary}${pick(rand, fillerZh)}${pick(rand, fillerZh)}` : `${summary} ${pick(rand, fillerEn)} ${pick(rand, fillerEn)} ${pick(rand, fillerEn)}`;
      made++;
      yield {
        source: pick(rand, zh ? sourcesZh : sourcesEn),
        lang: zh ? 'zh' : 'en',
        title,
        summary,
        body,
        seenAt: new Date(Math.min(options.end.getTime() - 1, Math.round(start + rand() * 3 * 86_400_000))),
        companies: tagged ? companyNames.map((c) => c.slug) : [],
        topics: tagged ? [topic.slug] : [],
        storyId,
        relevant: tagged,
      };
    }
    storyId++;
  }
}
