import type { Context } from 'hono';
import { isoWeekOf, shiftWeek } from '../roundup/iso-week.js';
import { topStoriesByCompany, weeklyStoriesByCompany, type TopStory } from '../store/weekly-stats.js';
import { catalogue, type CompanyEntry } from '../tag/catalogue.js';
import type { AppDeps } from './deps.js';
import { weekLabels } from './stats-routes.js';

const chartWeeks = 12;
const styles = `
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.5rem;margin:0 0 .25rem} .lede{color:#5b6475;margin:0 0 1.5rem}
.company{display:grid;grid-template-columns:13rem 12rem 1fr;gap:1rem;align-items:start;border-top:1px solid #e3e6ec;padding:.9rem 0}
.company h2{font-size:1.05rem;margin:0} .zh{color:#5b6475;font-weight:normal} .links a{margin-right:.6rem;font-size:.85rem}
ol{margin:0;padding-left:1.1rem} li{margin-bottom:.3rem} .meta{color:#5b6475;font-size:.8rem} .none{color:#8a93a3}
svg rect{fill:#3b6fd8} svg rect.now{fill:#d8703b} .quiet{color:#5b6475;font-size:.9rem;margin-top:1.5rem}`;

function Sparkline(props: { counts: number[]; weeks: string[]; slug: string }) {
  const max = Math.max(1, ...props.counts);
  const barWidth = 14;
  const height = 48;
  return (
    <svg width={props.counts.length * barWidth} height={height + 14} role="img" aria-label={`stories per week for ${props.slug}`} data-company={props.slug}>
      {props.counts.map((count, i) => {
        const barHeight = Math.round((count / max) * height);
        return (
          <rect x={i * barWidth + 1} y={height - barHeight} width={barWidth - 3} height={Math.max(barHeight, count ? 1 : 0)} class={i === props.counts.length - 1 ? 'now' : undefined}>
            <title>{`${props.weeks[i]}: ${count} ${count === 1 ? 'story' : 'stories'}`}</title>
          </rect>
        );
      })}
      <text x="0" y={height + 12} font-size="10" fill="#5b6475">{`max ${max}/week`}</text>
    </svg>
  );
}

function CompanyRow(props: { entry: CompanyEntry; counts: number[]; weeks: string[]; top: TopStory[]; thisWeek: string }) {
  const { entry, thisWeek } = props;
  const slug = encodeURIComponent(entry.slug);
  const total = props.counts.reduce((a, b) => a + b, 0);
  return (
    <section class="company" id={entry.slug}>
      <div>
        <h2>
          {entry.name} <span class="zh">{entry.nameZh}</span>
        </h2>
        <div class="meta">{`${total} ${total === 1 ? 'story' : 'stories'} in ${props.counts.length} weeks`}</div>
        {/* The bars count every tagged story, so the links ask for every item too (the API defaults to relevant ones). */}
        <div class="links">
          <a href={`/api/items?company=${slug}&from=${thisWeek}&to=${thisWeek}&relevant=all`}>this week</a>
          <a href={`/api/items?company=${slug}&relevant=all`}>all items</a>
          <a href={`/api/companies/${slug}/weekly?relevant=all`}>weekly</a>
        </div>
      </div>
      <Sparkline counts={props.counts} weeks={props.weeks} slug={entry.slug} />
      {props.top.length ? (
        <ol>
          {props.top.map((story) => (
            <li>
              <a href={story.url}>{story.title}</a>{' '}
              <span class="meta">{`${story.sources} ${story.sources === 1 ? 'source' : 'sources'}, ${story.items} ${story.items === 1 ? 'item' : 'items'}`}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p class="none">No stories this week yet.</p>
      )}
    </section>
  );
}

/** GET /companies: each company's weekly story counts (inline SVG) and its top stories this week. */
export async function companiesPage(c: Context, deps: AppDeps) {
  const zone = deps.config.roundupZone;
  const thisWeek = isoWeekOf(deps.now(), zone);
  const first = shiftWeek(thisWeek, -(chartWeeks - 1));
  const weeks = weekLabels(first.start, thisWeek.end, zone);
  const [weekly, top] = await Promise.all([weeklyStoriesByCompany(deps.db, { from: first.start, to: thisWeek.end, companies: catalogue.map((entry) => entry.slug) }, zone), topStoriesByCompany(deps.db, { from: thisWeek.start, to: thisWeek.end }, 3)]);
  const countsOf = (slug: string) => weeks.map((week) => weekly.find((row) => row.company === slug && row.week === week)?.stories ?? 0);
  const rows = catalogue.map((entry) => ({ entry, counts: countsOf(entry.slug), top: top.filter((story) => story.company === entry.slug) }));
  const active = rows.filter((row) => row.counts.some(Boolean)).sort((a, b) => b.counts.reduce((x, y) => x + y, 0) - a.counts.reduce((x, y) => x + y, 0));
  const quiet = rows.filter((row) => !row.counts.some(Boolean));
  return c.html(
    '<!doctype html>' +
      (
        <html lang="en">
          <head>
            <meta charset="utf-8" />
            <title>Companies · china-ai-news</title>
            <style>{styles}</style>
          </head>
          <body>
            <h1>Companies</h1>
            <p class="lede">{`Stories per ISO week, ${weeks[0]} to ${thisWeek.week} (${zone}); this week's most-covered stories. Bars: one per week, this week in orange.`}</p>
            {active.map((row) => (
              <CompanyRow entry={row.entry} counts={row.counts} weeks={weeks} top={row.top} thisWeek={thisWeek.week} />
            ))}
            {quiet.length ? <p class="quiet">{`No stories in these ${chartWeeks} weeks: ${quiet.map((row) => row.entry.name).join(', ')}.`}</p> : null}
          </body>
        </html>
      ).toString(),
  );
}
