/**
 * The company catalogue, as data. Bump catalogueVersion whenever an entry changes, so stored
 * items are re-tagged. `aliases` match on their own; `ambiguous` aliases need another alias of
 * the same company or an AI/tech word nearby before they count. `products` match like aliases.
 */
export interface CompanyEntry {
  slug: string;
  name: string;
  nameZh: string;
  aliases: string[];
  /** AI products and model families: they name the company and mark the text as AI news. */
  products?: string[];
  ambiguous?: string[];
}

export const catalogueVersion = 1;

export const catalogue: CompanyEntry[] = [
  { slug: 'alibaba', name: 'Alibaba', nameZh: '阿里巴巴', aliases: ['Alibaba', 'Alibaba Cloud', 'Aliyun', 'Taobao', 'Tmall', 'Eddie Wu', 'Joe Tsai', '阿里巴巴', '阿里云', '淘宝', '天猫', '吴泳铭', '蔡崇信'], products: ['Qwen', 'Tongyi', 'Tongyi Qianwen', '通义千问', '通义', '千问'], ambiguous: ['Ali'] },
  { slug: 'ant-group', name: 'Ant Group', nameZh: '蚂蚁集团', aliases: ['Ant Group', 'Ant Financial', 'Alipay', '蚂蚁集团', '蚂蚁金服', '支付宝'], products: ['Ling-1T', '百灵大模型'], ambiguous: ['Ant'] },
  { slug: 'baidu', name: 'Baidu', nameZh: '百度', aliases: ['Baidu', 'Apollo Go', 'Robin Li', 'Baidu Wenku', '百度', '萝卜快跑', '李彦宏'], products: ['ERNIE Bot', 'Wenxin Yiyan', '文心一言', '文心大模型', '文心'], ambiguous: ['ERNIE', 'Ernie', 'Apollo'] },
  { slug: 'bytedance', name: 'ByteDance', nameZh: '字节跳动', aliases: ['ByteDance', 'Bytedance', 'TikTok', 'Douyin', 'Volcano Engine', 'Volcengine', 'Zhang Yiming', '字节跳动', '字节', '抖音', '火山引擎', '张一鸣'], products: ['Doubao', 'Seedance', '豆包'], ambiguous: ['Seed'] },
  { slug: 'tencent', name: 'Tencent', nameZh: '腾讯', aliases: ['Tencent', 'WeChat', 'Weixin', 'Pony Ma', '腾讯', '微信', '马化腾'], products: ['Hunyuan', 'Yuanbao', '混元', '元宝'] },
  { slug: 'huawei', name: 'Huawei', nameZh: '华为', aliases: ['Huawei', 'HarmonyOS', 'Kirin', 'Ren Zhengfei', '华为', '鸿蒙', '麒麟芯片', '任正非'], products: ['Ascend', 'Pangu', '昇腾', '盘古大模型'] },
  { slug: 'xiaomi', name: 'Xiaomi', nameZh: '小米', aliases: ['Xiaomi', 'Lei Jun', '小米集团', '小米汽车', '雷军'], products: ['MiMo'], ambiguous: ['小米'] },
  { slug: 'kuaishou', name: 'Kuaishou', nameZh: '快手', aliases: ['Kuaishou', '快手'], products: ['Kling', '可灵'] },
  { slug: 'meituan', name: 'Meituan', nameZh: '美团', aliases: ['Meituan', 'Wang Xing', '美团', '王兴'], products: ['LongCat'] },
  { slug: 'jd', name: 'JD.com', nameZh: '京东', aliases: ['JD.com', 'Jingdong', '京东', '刘强东'], products: ['JoyAI'] },
  { slug: 'netease', name: 'NetEase', nameZh: '网易', aliases: ['NetEase', 'Youdao', '网易', '有道'] },
  { slug: 'deepseek', name: 'DeepSeek', nameZh: '深度求索', aliases: ['DeepSeek', 'Deepseek', 'Liang Wenfeng', 'High-Flyer', '深度求索', '梁文锋', '幻方量化'] },
  { slug: 'moonshot', name: 'Moonshot AI', nameZh: '月之暗面', aliases: ['Moonshot AI', 'Yang Zhilin', '月之暗面', '杨植麟'], products: ['Kimi K2', 'Kimi Chat'], ambiguous: ['Kimi', 'Moonshot'] },
  { slug: 'zhipu', name: 'Zhipu AI', nameZh: '智谱', aliases: ['Zhipu', 'Z.ai', 'Zhang Peng', '智谱', '智谱AI'], products: ['ChatGLM', 'GLM', 'CodeGeeX', '智谱清言'] },
  { slug: 'minimax', name: 'MiniMax', nameZh: '稀宇科技', aliases: ['MiniMax', 'Talkie', 'Yan Junjie', '稀宇科技', '海螺', '闫俊杰'], products: ['Hailuo', '海螺AI'] },
  { slug: '01ai', name: '01.AI', nameZh: '零一万物', aliases: ['01.AI', '01.ai', 'Lingyi Wanwu', 'Kai-Fu Lee', 'Kai-fu Lee', 'Lee Kai-fu', '零一万物', '李开复'], ambiguous: ['Yi'] },
  { slug: 'stepfun', name: 'StepFun', nameZh: '阶跃星辰', aliases: ['StepFun', 'Stepfun', '阶跃星辰', '姜大昕'] },
  { slug: 'baichuan', name: 'Baichuan', nameZh: '百川智能', aliases: ['Baichuan', 'Wang Xiaochuan', '百川智能', '百川', '王小川'] },
  { slug: 'iflytek', name: 'iFlytek', nameZh: '科大讯飞', aliases: ['iFlytek', 'iFLYTEK', 'Iflytek', '科大讯飞', '讯飞'], products: ['SparkDesk', 'Spark model', '讯飞星火', '星火大模型'], ambiguous: ['Spark', '星火'] },
  { slug: 'sensetime', name: 'SenseTime', nameZh: '商汤科技', aliases: ['SenseTime', '商汤科技', '商汤'], products: ['SenseNova', '日日新'] },
  { slug: 'megvii', name: 'Megvii', nameZh: '旷视科技', aliases: ['Megvii', 'Face++', '旷视科技', '旷视'] },
  { slug: 'modelbest', name: 'ModelBest', nameZh: '面壁智能', aliases: ['ModelBest', '面壁智能'], products: ['MiniCPM'] },
  { slug: 'unitree', name: 'Unitree', nameZh: '宇树科技', aliases: ['Unitree', 'Wang Xingxing', '宇树科技', '宇树', '王兴兴'] },
  { slug: 'agibot', name: 'AgiBot', nameZh: '智元机器人', aliases: ['AgiBot', 'Agibot', 'Zhiyuan Robotics', '智元机器人', '智元', '彭志辉', '稚晖君'] },
  { slug: 'ubtech', name: 'UBTech', nameZh: '优必选', aliases: ['UBTech', 'UBTECH', 'Walker S', '优必选'] },
  { slug: 'horizon-robotics', name: 'Horizon Robotics', nameZh: '地平线', aliases: ['Horizon Robotics', 'Journey 6', '地平线机器人', '地平线'], ambiguous: ['Horizon'] },
  { slug: 'cambricon', name: 'Cambricon', nameZh: '寒武纪', aliases: ['Cambricon', '寒武纪'] },
  { slug: 'moore-threads', name: 'Moore Threads', nameZh: '摩尔线程', aliases: ['Moore Threads', '摩尔线程'] },
  { slug: 'biren', name: 'Biren Technology', nameZh: '壁仞科技', aliases: ['Biren', '壁仞科技', '壁仞'] },
  { slug: 'hygon', name: 'Hygon', nameZh: '海光信息', aliases: ['Hygon', '海光信息', '海光'] },
  { slug: 'smic', name: 'SMIC', nameZh: '中芯国际', aliases: ['SMIC', 'Semiconductor Manufacturing International', '中芯国际'] },
  { slug: 'manus', name: 'Manus', nameZh: 'Manus', aliases: ['Manus AI', 'Butterfly Effect', 'Monica.im', '蝴蝶效应'], ambiguous: ['Manus'] },
  { slug: 'lenovo', name: 'Lenovo', nameZh: '联想', aliases: ['Lenovo', '联想集团', '联想'] },
  { slug: 'xpeng', name: 'XPeng', nameZh: '小鹏汽车', aliases: ['XPeng', 'Xpeng', 'He Xiaopeng', '小鹏汽车', '小鹏', '何小鹏'] },
  { slug: 'byd', name: 'BYD', nameZh: '比亚迪', aliases: ['BYD', '比亚迪', '王传福'] },
  { slug: 'nio', name: 'NIO', nameZh: '蔚来', aliases: ['NIO', 'William Li', '蔚来汽车', '蔚来', '李斌'] },
  { slug: 'li-auto', name: 'Li Auto', nameZh: '理想汽车', aliases: ['Li Auto', 'Li Xiang', '理想汽车'] },
  { slug: 'pony-ai', name: 'Pony.ai', nameZh: '小马智行', aliases: ['Pony.ai', 'Pony AI', '小马智行'] },
  { slug: 'weride', name: 'WeRide', nameZh: '文远知行', aliases: ['WeRide', '文远知行'] },
];
