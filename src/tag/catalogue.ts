import { hardwareCompanies } from './catalogue-hardware.js';
import { platformCompanies } from './catalogue-platforms.js';
import type { CompanyEntry } from './catalogue-types.js';

export type { CompanyEntry } from './catalogue-types.js';

/**
 * The company catalogue, as data. Bump catalogueVersion whenever an entry (or a vocabulary list
 * the tagger reads) changes: stored items tagged with an older version are re-tagged on start.
 */
export const catalogueVersion = 4;

/** Every slug of DESIGN.md section 6, in that order. */
const slugOrder = [
  'alibaba', 'ant-group', 'baidu', 'bytedance', 'tencent', 'huawei', 'xiaomi', 'kuaishou', 'meituan', 'jd', 'netease',
  'deepseek', 'moonshot', 'zhipu', 'minimax', '01ai', 'stepfun', 'baichuan', 'iflytek', 'sensetime', 'megvii',
  'modelbest', 'unitree', 'agibot', 'ubtech', 'horizon-robotics', 'cambricon', 'moore-threads', 'biren', 'hygon',
  'smic', 'manus', 'lenovo', 'xpeng', 'byd', 'nio', 'li-auto', 'pony-ai', 'weride',
];

const bySlug = new Map([...platformCompanies, ...hardwareCompanies].map((entry) => [entry.slug, entry]));

export const catalogue: CompanyEntry[] = slugOrder.map((slug) => {
  const entry = bySlug.get(slug);
  if (!entry) throw new Error(`catalogue: no entry for slug "${slug}"`);
  return entry;
});

/** Every name a company may be found by, for display (`companies` CLI, GET /api/companies). */
export function namesOf(entry: CompanyEntry): string[] {
  return [
    ...entry.aliases,
    ...(entry.formerNames ?? []),
    ...(entry.products ?? []),
    ...(entry.people ?? []),
    ...(entry.ambiguousProducts ?? []),
    ...(entry.ambiguous ?? []),
    ...(entry.needsCompany ?? []),
  ];
}
