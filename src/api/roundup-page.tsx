/** The editor's page for one week: server-rendered, readable without JavaScript, curated with it. */
import type { FC } from 'hono/jsx';
import type { Draft, DraftAlternate, DraftEntry } from '../roundup/types.js';
import { editorScript, editorStyle } from './roundup-page-assets.js';

export interface RoundupPageProps {
  draft: Draft;
  markdown: string;
  previousWeek: string;
  nextWeek: string;
}

const weekHref = (week: string, zone: string, suffix = '') => `${suffix ? '/api' : ''}/roundups/${week}?zone=${encodeURIComponent(zone)}${suffix}`;

/** The whole page: header with week navigation, the bullets, the left-out stories and the Markdown. */
export const RoundupPage: FC<RoundupPageProps> = ({ draft, markdown, previousWeek, nextWeek }) => {
  const editable = draft.status === 'draft';
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`Roundup ${draft.week} · china-ai-news`}</title>
        <style dangerouslySetInnerHTML={{ __html: editorStyle }} />
      </head>
      <body data-week={draft.week} data-zone={draft.zone} data-status={draft.status}>
        <header>
          <nav>
            <a href={weekHref(previousWeek, draft.zone)} rel="prev">← {previousWeek}</a>
            <a href={weekHref(nextWeek, draft.zone)} rel="next">{nextWeek} →</a>
          </nav>
          <h1>
            Weekly News Roundup <span class="week">{draft.week}</span> <span class={`status ${draft.status}`}>{draft.status}</span>
          </h1>
          <p class="meta">
            {draft.from.slice(0, 10)} to {draft.to.slice(0, 10)} ({draft.zone}) · {draft.entries.length} of {draft.limit} bullets · generated {draft.generatedAt.slice(0, 16)}Z ·{' '}
            <a href={weekHref(draft.week, draft.zone, '&format=md')}>Markdown</a> · <a href={weekHref(draft.week, draft.zone, '&format=html')}>HTML</a> ·{' '}
            <a href={weekHref(draft.week, draft.zone, '&format=json')}>JSON</a>
          </p>
          {editable ? (
            <p class="js-only toolbar">
              <label>
                Editor token <input id="token" type="password" autocomplete="off" size={24} />
              </label>
              <button type="button" data-action="final" class="danger">Make final</button>
            </p>
          ) : null}
          <noscript>
            <p class="note">Reading only: pinning, excluding, moving and editing need JavaScript.</p>
          </noscript>
          <p id="message" role="status" aria-live="polite"></p>
        </header>
        <main>
          {draft.entries.length === 0 ? <p class="empty">No stories about the Chinese AI industry in this week yet.</p> : null}
          <ol id="entries">
            {draft.entries.map((entry, index) => (
              <EntryItem entry={entry} first={index === 0} last={index === draft.entries.length - 1} editable={editable} />
            ))}
          </ol>
          {editable ? (
            <p class="js-only toolbar">
              <label>
                Add a story by id <input id="add-id" type="number" min={1} size={8} />
              </label>
              <button type="button" data-action="add">Add</button>
            </p>
          ) : null}
          <section>
            <h2>Markdown</h2>
            <textarea id="markdown" readonly rows={Math.min(20, draft.entries.length + 4)}>
              {markdown}
            </textarea>
            <p class="js-only">
              <button type="button" data-action="copy">Copy Markdown</button>
            </p>
          </section>
          <Alternates title="Left out" rows={draft.alternates} action={editable ? 'pin' : undefined} label="Pin" />
          <Alternates title="Excluded" rows={draft.excluded} action={editable ? 'include' : undefined} label="Restore" />
        </main>
        <script dangerouslySetInnerHTML={{ __html: editorScript }} />
      </body>
    </html>
  );
};

const EntryItem: FC<{ entry: DraftEntry; first: boolean; last: boolean; editable: boolean }> = ({ entry, first, last, editable }) => (
  <li class="entry" data-story={String(entry.storyId)} id={`story-${entry.storyId}`}>
    <p class="bullet" lang={entry.needsTranslation ? 'zh' : undefined}>
      <span class="summary">{entry.summary}</span> (
      {entry.outlets.map((o, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <a href={o.url}>{o.name}</a>
        </>
      ))}
      )
    </p>
    <p class="flags">
      {entry.pinned ? <span class="flag pinned">pinned</span> : null}
      {entry.added ? <span class="flag added">added</span> : null}
      {entry.needsTranslation ? <span class="flag translate">needs translation</span> : null}
      {entry.summarySource === 'editor' ? <span class="flag edited">edited</span> : null}
      <span class="title">{entry.title}</span>
    </p>
    <p class="tags">
      {entry.companies.map((c) => <span class="tag company">{c}</span>)}
      {entry.topics.map((t) => <span class="tag topic">{t}</span>)}
    </p>
    <details>
      <summary>
        score {entry.score.toFixed(2)} · story {entry.storyId} · {entry.items.length} item{entry.items.length === 1 ? '' : 's'}
      </summary>
      <ul class="reasons">
        {entry.reasons.map((r) => <li>{r}</li>)}
      </ul>
    </details>
    {editable ? (
      <div class="js-only actions">
        <button type="button" data-action={entry.pinned ? 'unpin' : 'pin'}>{entry.pinned ? 'Unpin' : 'Pin'}</button>
        <button type="button" data-action="exclude">Exclude</button>
        <button type="button" data-action="up" disabled={first}>↑</button>
        <button type="button" data-action="down" disabled={last}>↓</button>
        <button type="button" data-action="edit">Edit</button>
        <form class="edit" hidden>
          <textarea name="summary" rows={3}>{entry.summary}</textarea>
          <button type="submit">Save summary</button>
          <button type="button" data-action="reset-summary">Back to the lede</button>
        </form>
      </div>
    ) : null}
  </li>
);

const Alternates: FC<{ title: string; rows: DraftAlternate[]; action?: string; label: string }> = ({ title, rows, action, label }) =>
  rows.length === 0 ? null : (
    <section>
      <h2>{title}</h2>
      <table>
        <thead>
          <tr>
            <th>story</th>
            <th>title</th>
            <th>outlets</th>
            <th>companies</th>
            <th>score</th>
            <th>why</th>
            {action ? <th class="js-only"></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr data-story={String(row.storyId)}>
              <td>{row.storyId}</td>
              <td>{row.title}</td>
              <td>{row.outlets.join(', ')}</td>
              <td>{row.companies.join(', ')}</td>
              <td>{row.score.toFixed(2)}</td>
              <td>{row.why}</td>
              {action ? (
                <td class="js-only">
                  <button type="button" data-action={action}>{label}</button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
