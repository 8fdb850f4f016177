import type { Draft, DraftEntry } from './types.js';

/**
 * The seed newsletter's style: one bullet per story, the plain sentences, then the outlets in
 * parentheses, each linked: `- Alibaba Cloud cut prices… ([CNBC](url), [SCMP](url))`.
 */
export function renderMarkdown(draft: Pick<Draft, 'entries' | 'week'>): string {
  const lines = [`## Weekly News Roundup (${draft.week})`, ''];
  if (draft.entries.length === 0) lines.push('_No stories about the Chinese AI industry this week yet._');
  for (const entry of draft.entries) lines.push(renderBullet(entry));
  return `${lines.join('\n')}\n`;
}

/** One bullet; a story still in Chinese carries an invisible note so it is not sent by mistake. */
export function renderBullet(entry: DraftEntry): string {
  const outlets = entry.outlets.map((o) => (o.url ? `[${escapeMd(o.name)}](${escapeUrl(o.url)})` : escapeMd(o.name))).join(', ');
  const note = entry.needsTranslation ? ' <!-- needs translation -->' : '';
  return `- ${escapeMd(entry.summary)} (${outlets})${note}`;
}

function escapeMd(text: string): string {
  return text.replace(/([\\[\]*_`<>])/g, '\\$1');
}

// Parentheses and spaces would end a Markdown link early.
function escapeUrl(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}
