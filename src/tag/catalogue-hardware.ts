import type { CompanyEntry } from './catalogue-types.js';

/** Devices, chips, robots and cars. Chinese aliases in Simplified; Traditional forms are derived. */
export const hardwareCompanies: CompanyEntry[] = [
  {
    slug: 'huawei', name: 'Huawei', nameZh: '华为',
    aliases: ['Huawei', 'HarmonyOS', 'HiSilicon', 'Huawei Cloud', '华为', '华为云', '鸿蒙', '海思', '麒麟芯片', '鸿蒙智行'],
    products: ['MindSpore', 'CloudMatrix', '昇腾', '昇思', '盘古大模型'],
    people: ['Ren Zhengfei', 'Richard Yu', '任正非', '余承东', '徐直军'],
    ambiguousProducts: ['Ascend', 'Pangu', '盘古'],
    ambiguous: ['Kirin', '麒麟'],
    exclusions: ['银河麒麟', 'Kirin Holdings', 'Kirin beer', '鸿蒙初辟'],
  },
  {
    slug: 'xiaomi', name: 'Xiaomi', nameZh: '小米',
    // SU7 and YU7, its cars: names, not AI products.
    aliases: ['Xiaomi', 'Redmi', 'HyperOS', '小米集团', '小米汽车', '小米公司', '红米', '澎湃OS', 'SU7', 'YU7'],
    products: ['MiMo', 'XRING', '玄戒', '小爱同学'],
    people: ['Lei Jun', 'Lu Weibing', '雷军', '卢伟冰'],
    ambiguousProducts: ['小爱'],
    ambiguous: ['小米'],
    exclusions: ['小米粥', '小米椒', '小米辣', '小米饭', '黄小米', '山西小米', '小米加步枪'],
  },
  {
    slug: 'lenovo', name: 'Lenovo', nameZh: '联想',
    aliases: ['Lenovo', '联想集团'],
    formerNames: ['Legend Holdings', '联想控股'],
    people: ['Yang Yuanqing', '杨元庆'],
    ambiguous: ['联想'],
    exclusions: ['联想到', '联想起', '联想力', '产生联想', '让人联想', '不禁联想'],
  },
  {
    slug: 'unitree', name: 'Unitree', nameZh: '宇树科技',
    aliases: ['Unitree', 'Unitree Robotics', '宇树科技', '宇树'],
    people: ['Wang Xingxing', '王兴兴'],
  },
  {
    slug: 'agibot', name: 'AgiBot', nameZh: '智元机器人',
    aliases: ['AgiBot', 'Agibot', 'Zhiyuan Robotics', '智元机器人', '智元'],
    people: ['Peng Zhihui', '彭志辉', '稚晖君', '邓泰华'],
  },
  {
    slug: 'ubtech', name: 'UBTech', nameZh: '优必选',
    aliases: ['UBTech', 'UBTECH', 'Ubtech', '优必选'],
    products: ['Walker S', 'Walker S2'],
    needsCompany: ['周剑'],
  },
  {
    slug: 'horizon-robotics', name: 'Horizon Robotics', nameZh: '地平线',
    aliases: ['Horizon Robotics', '地平线机器人'],
    products: ['Journey 6', '征程6', '征程5'],
    // "Horizon" alone names too much in AI news itself (a lab's "Horizon RL" team), so it needs the company.
    ambiguous: ['地平线'],
    needsCompany: ['Horizon', 'Yu Kai', '余凯'],
    exclusions: ['Forza Horizon', 'Lost Horizon', 'Horizon Europe', 'Horizon Zero Dawn', 'Horizon Worlds', '地平线上', '地平线下'],
  },
  {
    slug: 'cambricon', name: 'Cambricon', nameZh: '寒武纪',
    aliases: ['Cambricon', '寒武纪'],
    people: ['陈天石'],
    exclusions: ['寒武纪生命', '寒武纪大爆发', '寒武纪时期', '寒武纪化石', '寒武纪地层'],
  },
  {
    slug: 'moore-threads', name: 'Moore Threads', nameZh: '摩尔线程',
    aliases: ['Moore Threads', '摩尔线程'],
    needsCompany: ['张建中'],
  },
  {
    slug: 'biren', name: 'Biren Technology', nameZh: '壁仞科技',
    aliases: ['Biren', 'Biren Technology', '壁仞科技', '壁仞'],
  },
  {
    slug: 'hygon', name: 'Hygon', nameZh: '海光信息',
    aliases: ['Hygon', '海光信息'],
    ambiguous: ['海光'],
  },
  {
    slug: 'smic', name: 'SMIC', nameZh: '中芯国际',
    aliases: ['SMIC', 'Semiconductor Manufacturing International', '中芯国际'],
  },
  {
    slug: 'xpeng', name: 'XPeng', nameZh: '小鹏汽车',
    aliases: ['XPeng', 'Xpeng', '小鹏汽车', '小鹏'],
    people: ['He Xiaopeng', '何小鹏'],
  },
  {
    slug: 'byd', name: 'BYD', nameZh: '比亚迪',
    aliases: ['BYD', '比亚迪'],
    people: ['Wang Chuanfu', '王传福'],
  },
  {
    slug: 'nio', name: 'NIO', nameZh: '蔚来',
    aliases: ['NIO', '蔚来', '蔚来汽车'],
    ambiguous: ['Nio'],
    needsCompany: ['William Li', '李斌'],
  },
  {
    slug: 'li-auto', name: 'Li Auto', nameZh: '理想汽车',
    aliases: ['Li Auto', '理想汽车'],
    needsCompany: ['理想', 'Li Xiang', '李想'],
  },
  {
    slug: 'pony-ai', name: 'Pony.ai', nameZh: '小马智行',
    aliases: ['Pony.ai', 'Pony AI', '小马智行'],
    people: ['楼天城'],
    needsCompany: ['James Peng', '彭军'],
  },
  {
    slug: 'weride', name: 'WeRide', nameZh: '文远知行',
    aliases: ['WeRide', '文远知行'],
    needsCompany: ['Tony Han', '韩旭'],
  },
];
