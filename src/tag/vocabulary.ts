/**
 * Word lists the tagger reads, in English and Simplified Chinese (Traditional forms are derived).
 * English words match on word boundaries in lower case, Capitalised and UPPER case; short
 * upper-case acronyms (AI, GPU) only as written. Part of the catalogue: bump catalogueVersion on change.
 */

/** Words that mark a text as being about AI or its hardware. */
export const aiWords = [
  'AI', 'A.I.', 'AGI', 'artificial intelligence', 'LLM', 'LLMs', 'large language model', 'language model', 'foundation model',
  'model', 'models', 'chatbot', 'chatbots', 'generative', 'GenAI', 'GPU', 'GPUs', 'chip', 'chips', 'chipmaker', 'semiconductor',
  'semiconductors', 'robot', 'robots', 'robotics', 'robotaxi', 'humanoid', 'open-source', 'open-weight', 'reasoning', 'agent',
  'agents', 'agentic', 'neural', 'machine learning', 'deep learning', 'inference', 'benchmark', 'multimodal', 'autonomous driving',
  'self-driving', 'driver assistance', 'assisted-driving', 'data center', 'data centre', 'compute', 'token', 'tokens', 'API',
  'parameters', 'AI assistant', 'copilot', 'accelerator', 'accelerators', 'DCU', 'smart glasses', 'computer vision', 'speech recognition',
  '人工智能', '大模型', '模型', '智能体', 'Agent', '机器人', '芯片', '算力', '开源', '推理', '训练', '自动驾驶', '智驾', '具身',
  '生成式', '多模态', '智能助手', '算法', 'GPU', '英伟达', '数据中心', '智算', '语音识别', '视觉', '无人驾驶', '人形', '加速卡',
  'world model', 'reinforcement learning', 'AIGC', '世界模型', '强化学习', '机器学习', '深度学习', '神经网络', '视频生成', '智能驾驶', '词元',
  // AI-native firms and products, scaling as a research subject, and the World Robot Conference (robotics' main Chinese event).
  'AI-native', 'AI原生', 'scaling law', 'Scaling Law', 'WRC', '世界机器人大会',
];

/** Names that put a text in China (tracked companies do too, and so does Chinese-language text). */
export const chinaWords = [
  'China', 'Chinese', 'Beijing', 'Shanghai', 'Shenzhen', 'Hangzhou', 'Hong Kong', 'mainland',
  '中国', '国产', '国内', '我国', '北京', '上海', '深圳', '杭州', '广州', '合肥', '港股', 'A股', '科创板', '工信部', '网信',
  // More cities in English (Chinese-language text counts as Chinese anyway), and 华人, a Chinese person abroad.
  'Guangzhou', 'Hefei', 'Wuhan', 'Chengdu', 'Nanjing', 'Suzhou', 'Tianjin', 'Chongqing', 'Xi\'an', '华人',
];

/** Foreign AI companies: a text led by one of them, and by no tracked company, is not Chinese AI news. */
export const foreignAiWords = [
  'OpenAI', 'ChatGPT', 'Anthropic', 'Claude', 'Google', 'Gemini', 'DeepMind', 'Meta', 'Microsoft', 'Apple', 'Nvidia', 'NVIDIA',
  'Amazon', 'xAI', 'Grok', 'Tesla', 'Samsung', 'SK Hynix', 'TSMC', 'Intel', 'AMD', 'Mistral', 'Cursor', 'GitHub', 'Cerebras',
  'Groq', 'Etched', 'Waymo', 'Hugging Face', 'Perplexity', 'SoftBank', 'Korea', 'Japan', 'Europe', 'Silicon Valley',
  '谷歌', '微软', '苹果', '英伟达', '亚马逊', '特斯拉', '三星', 'SK海力士', '台积电', '英特尔', '韩国', '日本', '美国', '欧洲', '软银', '硅谷', '美股', '美债',
  // Further foreign tech firms, their chiefs, and countries: a Chinese-language item led by one is foreign news told in Chinese.
  'Oracle', 'IBM', 'Salesforce', 'Adobe', 'Netflix', 'Uber', 'Stripe', 'Cloudflare', 'Vercel', 'Databricks', 'Snowflake', 'Qualcomm',
  'Broadcom', 'Micron', 'Marvell', 'Dell', 'Midjourney', 'Runway', 'Moderna', 'Figure AI', 'Boston Dynamics', 'LinkedIn', 'Linux',
  'JetBrains', 'Kubernetes', 'Nebius', 'CoreWeave', 'YouTube',
  'Sam Altman', 'Elon Musk', 'Jensen Huang', 'Mark Zuckerberg', 'Fei-Fei Li',
  'America', 'American', 'US', 'U.S.', 'Korean', 'Japanese', 'European', 'India', 'Singapore', 'Britain', 'France', 'Germany', 'Vietnam', 'Mexico', 'Israel', 'Canada', 'Australia',
  '甲骨文', '高通', '博通', '美光', '迈威尔', '戴尔', '奥特曼', '马斯克', '黄仁勋', '扎克伯格', '鸿海', '富士康', '李飞飞',
  '印度', '新加坡', '英国', '法国', '德国', '越南', '墨西哥', '以色列', '加拿大', '澳大利亚', '华尔街', '白宫',
];

/**
 * Marks of an event announcement or a tutorial in a title: not news, whoever it names (the labelling
 * rules of tests/fixtures/tag-dev/README.md). Kept narrow: 大会 or 实战 also head real news.
 */
export const notNewsWords = [
  'CFP', 'Call for Papers', 'AICon', 'QCon', 'ArchSummit', 'webinar', 'tutorial', 'How to', 'how-to', 'step by step',
  '邀您', '共赴', '报名', '议程', '教程', '技术实践', '零基础', '快速入门', '怎么入门', '如何入门',
  // Newsletters, and digests of a foreign forum: their AI lines are not Chinese AI-industry news.
  '周刊', 'Hacker News', 'HackerNews',
];

/**
 * Marks of an item whose AI words are not its news: a listed firm answering investors' questions on
 * an exchange's Q&A platform (“can your boards go into robots?”). Only an AI-native company makes such an item relevant.
 */
export const notIndustryWords = ['互动平台'];

/**
 * Words right beside an ambiguous AI product name that make it the product: software and devices
 * (豆包电脑端, 豆包App, 豆包操作电脑). Not 上新 or 新版: a bakery launches a new 红豆包 too.
 */
export const productContextWords = [
  'App', 'APP', 'app', 'Windows', 'iOS', 'Android', '安卓', '客户端', '电脑端', '电脑版', '网页版', '手机', '电脑', '插件',
];

/** Stock-market wraps list tickers, not news about them. */
export const marketWrapWords = [
  '沪指', '深成指', '创业板指', '三大指数', '全市场', '涨停', '跌停', 'Dow Jones', 'Nasdaq Composite', 'S&P 500',
  // The same wraps for New York and Hong Kong closes.
  // Not 道指 (Dow): it is also the middle of 报道指出, "the report points out".
  '纳指', '标普500', '中概股', '恒指', '恒生指数', '恒生科技指数', 'Hang Seng', '股指',
];

/** Topic keywords; a topic holds when one of them is in the text (see topics.ts for patterns). */
export const topicWords: Record<string, string[]> = {
  'model-release': ['launch', 'launches', 'launched', 'unveil', 'unveils', 'unveiled', 'release', 'releases', 'released', 'open-sources', 'open-sourced', 'debuts', 'rolls out', 'new model', '发布', '推出', '上线', '开源', '亮相', '首发', '升级'],
  pricing: ['price cut', 'price cuts', 'prices', 'pricing', 'cheaper', 'free of charge', 'price war', '降价', '涨价', '定价', '价格', '免费', '价格战', '调价'],
  'funding-ipo': ['funding', 'raises', 'raised', 'valuation', 'IPO', 'listing', 'Series A', 'Series B', 'Series C', 'Series D', 'seed round', 'investors', '融资', '估值', '上市', '募资', '天使轮', '递表', '港交所', '科创板', 'IPO'],
  'chips-export': ['chip', 'chips', 'GPU', 'GPUs', 'semiconductor', 'export control', 'export controls', 'Nvidia', 'H20', 'H100', 'H200', 'Ascend', 'wafer', 'foundry', '芯片', '算力', '出口管制', '英伟达', '半导体', '晶圆', '制程', '光刻'],
  policy: ['regulation', 'regulator', 'regulators', 'Cyberspace Administration', 'policy', 'ban', 'sanction', 'sanctions', 'lawmakers', 'ministry', '监管', '政策', '网信办', '禁令', '制裁', '法规', '备案', '工信部', '发改委', '规划', '国务院'],
  partnership: ['partner', 'partners', 'partnership', 'partnered', 'collaboration', 'teams up', 'alliance', 'deal with', '合作', '联手', '战略合作', '携手', '接入', '签约'],
  'users-revenue': ['users', 'revenue', 'profit', 'earnings', 'sales', 'subscribers', 'monthly active', 'downloads', 'ARR', '用户', '营收', '收入', '利润', '财报', '月活', '出货量', '销量', '业绩'],
  research: ['paper', 'research', 'researchers', 'benchmark', 'study', 'arXiv', 'scientists', '论文', '研究', '基准', '研究团队', '科研', '实验室'],
  robotics: ['robot', 'robots', 'robotics', 'humanoid', 'embodied', 'robotaxi', 'robotaxis', '机器人', '人形机器人', '具身智能', '具身', '灵巧手', '机械臂', '无人驾驶', 'Robotaxi'],
};
