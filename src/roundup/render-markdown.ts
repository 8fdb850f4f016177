import type { Draft } from './draft.js';

/** The seed newsletter's style: one bullet per story, plain sentences, outlets linked in parentheses. */
export function renderMarkdown(draft: Draft): string {
  const lines = [`## Weekly News Roundup (${draft.week})`, ''];
  if (draft.entries.length === 0) lines.push('_No tagged stories this week yet._');
  for (const entry of draft.entries) {
    const outlets = entry.outlets.map((o) => `[${escapeMd(o.name)}](${o.url})`).join(', ');
    lines.push(`- ${escapeMd(entry.summary)} (${outlets})`);
  }
  return `${lines.join('\n')}\n`;
}

function escapeMd(text: string): string {
  return text.replace(/([\\[\]*_`])/g, '\\$1');
}
