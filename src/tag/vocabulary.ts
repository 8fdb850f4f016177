/** Words that mark a text as being about AI or technology, in English and Chinese. */
export const aiWords = [
  'AI', 'A.I.', 'artificial intelligence', 'LLM', 'LLMs', 'large language model', 'language model', 'model', 'models',
  'chatbot', 'chatbots', 'generative', 'GPU', 'GPUs', 'chip', 'chips', 'semiconductor', 'robot', 'robots', 'robotics',
  'humanoid', 'open-source', 'open source', 'reasoning', 'agent', 'agents', 'neural', 'machine learning', 'inference',
  'training', 'benchmark', 'multimodal', 'autonomous', 'self-driving', 'robotaxi', 'cloud', 'API', 'token', 'tokens',
  '人工智能', '大模型', '模型', '智能体', '机器人', '芯片', '算力', '开源', '推理', '训练', '自动驾驶', '具身智能', '生成式', '多模态', 'AI',
];

/** Companies whose every mention is AI-industry news (AI labs, AI chips, robotics). */
export const aiNativeCompanies = new Set([
  'deepseek', 'moonshot', 'zhipu', 'minimax', '01ai', 'stepfun', 'baichuan', 'iflytek', 'sensetime', 'megvii', 'modelbest',
  'unitree', 'agibot', 'ubtech', 'horizon-robotics', 'cambricon', 'moore-threads', 'biren', 'manus', 'pony-ai', 'weride',
]);

export const topicRules: Record<string, string[]> = {
  'model-release': ['launch', 'launches', 'launched', 'unveil', 'unveils', 'unveiled', 'release', 'releases', 'released', 'open-sources', 'open-sourced', 'debuts', 'rolls out', '发布', '推出', '上线', '开源'],
  pricing: ['price cut', 'price cuts', 'prices', 'pricing', 'cheaper', 'free of charge', 'price war', '降价', '价格', '免费', '价格战'],
  funding: ['funding', 'raises', 'raised', 'investment', 'investors', 'valuation', 'IPO', 'listing', 'Series A', 'Series B', 'Series C', '融资', '估值', '上市', '投资', '募资', 'IPO'],
  chips: ['chip', 'chips', 'GPU', 'GPUs', 'semiconductor', 'export control', 'export controls', 'Nvidia', 'H20', 'H100', 'Ascend', '芯片', '算力', '出口管制', '英伟达', '半导体'],
  policy: ['regulation', 'regulator', 'regulators', 'Cyberspace Administration', 'CAC', 'policy', 'ban', 'sanction', 'sanctions', 'government', 'Beijing', '监管', '政策', '网信办', '禁令', '制裁', '法规'],
  partnership: ['partner', 'partners', 'partnership', 'partnered', 'collaboration', 'teams up', 'alliance', 'deal', '合作', '联手', '战略合作', '携手'],
  'users-revenue': ['users', 'revenue', 'profit', 'earnings', 'sales', 'subscribers', 'monthly active', 'downloads', '用户', '营收', '收入', '利润', '财报', '月活'],
  research: ['paper', 'research', 'researchers', 'benchmark', 'study', 'arXiv', '论文', '研究', '基准', '研究团队'],
  robotics: ['robot', 'robots', 'robotics', 'humanoid', 'embodied', '机器人', '人形机器人', '具身智能'],
};
