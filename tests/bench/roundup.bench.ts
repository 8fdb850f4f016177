// `npm run bench -- roundup [items]`: draft time for one week with 20k items (default) on PostgreSQL.
// Uses a database of its own (cainews_bench_roundup), created fresh and dropped at the end.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { loadConfig } from '../../src/config.js';
import { renderDraft, weeklyDraft } from '../../src/pipeline/weekly-draft.js';
import { parseIsoWeek } from '../../src/roundup/iso-week.js';
import { composeDraft, defaultDraftOptions, planDraft, storiesToDescribe } from '../../src/roundup/draft.js';
import { emptyCuration } from '../../src/roundup/types.js';
import { openDb, type Db } from '../../src/store/db.js';
import { itemTextsForStories, weekStoryCandidates } from '../../src/store/roundup-query.js';
import { createScratchDatabase } from '../helpers/scratch-db.js';

const benchDb = 'cainews_bench_roundup';
const week = '2025-W10';
const zone = 'UTC';
const companies = ['alibaba', 'baidu', 'bytedance', 'tencent', 'huawei', 'xiaomi', 'deepseek', 'moonshot', 'zhipu', 'minimax', 'unitree', 'iflytek', 'sensetime'];
const topics = ['model-release', 'pricing', 'funding', 'chips', 'policy', 'partnership', 'users-revenue', 'research', 'robotics'];

export async function main(args: string[]): Promise<void> {
  const perWeek = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000);
  const baseUrl = loadConfig().databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = await createScratchDatabase(baseUrl, benchDb);
  const handle = await openDb({ databaseUrl: scratch.url });
  try {
    const seedStart = performance.now();
    const raw = postgres(scratch.url, { max: 1, onnotice: () => {} });
    const target = parseIsoWeek(week, zone);
    // The week before, the week itself and the week after, so the query must find its week among others.
    for (const [offset, label] of [[-1, 'before'], [0, 'target'], [1, 'after']] as const) {
      await seedWeek(raw, new Date(target.start.getTime() + offset * 7 * 86_400_000), perWeek, label);
    }
    await raw.unsafe('analyze');
    await raw.end();
    console.log(`seeded ${3 * perWeek} items (${perWeek} in ${week}) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const times: number[] = [];
    let entries = 0;
    for (let run = 0; run < 12; run++) {
      const started = performance.now();
      const draft = await weeklyDraft(handle.db, { week, zone, now: new Date() });
      renderDraft(draft, 'md');
      const elapsed = performance.now() - started;
      if (run >= 2) times.push(elapsed); // two warm-up runs: connection and plan caches
      entries = draft.entries.length;
    }
    times.sort((a, b) => a - b);
    await printBreakdown(handle.db);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(`roundup draft, ${perWeek} items in the week, PostgreSQL, ${times.length} timed runs: ${entries} entries`);
    console.log(`  min ${at(0)} ms  median ${at(0.5)} ms  p90 ${at(0.9)} ms  max ${at(1)} ms  (bar: ≤ 500 ms)`);
    // The machine is shared: the load average says how much of a core each run really had.
    console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min)`);
  } finally {
    await handle.close();
    if (!args.includes('--keep')) await scratch.drop();
  }
}

/** One week of synthetic items: 40 outlets, 3 in 4 items a story of their own, the rest joining one; 40% relevant. */
async function seedWeek(sql: postgres.Sql, start: Date, count: number, label: string): Promise<void> {
  const from = start.toISOString();
  await sql.unsafe(`
    insert into sources (slug, name, kind, url, language, zone, weight)
    select 'outlet-' || g, 'Outlet ' || g, 'feed', 'https://outlet' || g || '.example/feed', case when g % 3 = 0 then 'zh' else 'en' end, 'UTC', 0.8 + (g % 8) * 0.1
    from generate_series(1, 40) g on conflict do nothing`);
  const stories = Math.floor(count * 0.75);
  const [{ base }] = await sql.unsafe<[{ base: number }]>(`select coalesce(max(id), 0)::int as base from stories`);
  await sql.unsafe(`
    insert into stories (id, first_seen_at, last_seen_at, representative_item_id, item_count, source_count)
    select $1::int + g, $2::timestamptz + ((g * 7919) % 600000) * interval '1 second', $2::timestamptz + ((g * 7919) % 600000) * interval '1 second', null, 1, 1
    from generate_series(1, $3::int) g`, [base, from, stories]);
  await sql.unsafe(`select setval('stories_id_seq', (select max(id) from stories))`);
  await sql.unsafe(`
    insert into items (source_slug, url, canonical_url, title, summary, fetched_at, seen_at, language, content_hash, relevant, companies, topics, story_id)
    select 'outlet-' || (1 + g % 40),
           'https://news.example/${label}/' || g, 'https://news.example/${label}/' || g,
           'Company ' || (g % 97) || ' does thing number ' || g,
           'BEIJING (Reuters) - Company ' || (g % 97) || ' said on Monday it would do thing ' || g || ', according to a report. ' || repeat('More words about the event. ', 8),
           s.first_seen_at, s.first_seen_at + (g % 3600) * interval '1 second', case when g % 3 = 0 then 'zh' else 'en' end,
           md5('${label}' || g), g % 5 < 2,
           case when g % 5 < 2 then array[(${companyArray()})[1 + g % ${companies.length}]] else '{}' end,
           array[(${topicArray()})[1 + g % ${topics.length}]],
           s.id
    from generate_series(1, $2::int) g
    join stories s on s.id = $1::int + case when g <= $3::int then g else 1 + (g * 104729) % $3::int end`, [base, count, stories]);
  await sql.unsafe(`
    update stories s set representative_item_id = i.id
    from (select distinct on (story_id) story_id, id from items where story_id > $1::int order by story_id, id) i
    where i.story_id = s.id`, [base]);
  await sql.unsafe(`
    insert into item_companies (item_id, company, field, alias, score)
    select id, companies[1], 'title', companies[1], case when id % 3 = 0 then 1 else 0.6 end from items
    where story_id > $1::int and cardinality(companies) > 0 on conflict do nothing`, [base]);
}

const companyArray = () => `array[${companies.map((c) => `'${c}'`).join(',')}]`;
const topicArray = () => `array[${topics.map((t) => `'${t}'`).join(',')}]`;

/** Where the time goes: the candidates query, ranking, the texts query and composing. */
async function printBreakdown(db: Db): Promise<void> {
  const target = parseIsoWeek(week, zone);
  const t0 = performance.now();
  const candidates = await weekStoryCandidates(db, { from: target.start, to: target.end, leaveOut: [] });
  const t1 = performance.now();
  const plan = planDraft(candidates, emptyCuration(), target, defaultDraftOptions);
  const t2 = performance.now();
  const texts = await itemTextsForStories(db, storiesToDescribe(plan));
  const t3 = performance.now();
  composeDraft(plan, texts, emptyCuration(), { week: target, now: new Date(), limit: 8 });
  const t4 = performance.now();
  const rows = candidates.reduce((n, s) => n + s.items.length, 0);
  console.log(`  breakdown: candidates ${(t1 - t0).toFixed(1)} ms (${candidates.length} relevant stories, ${rows} items), rank ${(t2 - t1).toFixed(1)} ms, texts ${(t3 - t2).toFixed(1)} ms (${texts.length} items), compose ${(t4 - t3).toFixed(1)} ms`);
}
