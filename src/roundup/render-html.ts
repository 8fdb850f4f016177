import type { Draft } from './types.js';

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Email-safe HTML: a heading and a plain list, inline styles only, no scripts, no classes. */
export function renderHtml(draft: Pick<Draft, 'entries' | 'week'>): string {
  const items = draft.entries.map((entry) => {
    const outlets = entry.outlets
      .map((o) => (o.url ? `<a href="${escapeHtml(o.url)}" style="color:#1a0dab">${escapeHtml(o.name)}</a>` : escapeHtml(o.name)))
      .join(', ');
    const lang = entry.needsTranslation ? ' lang="zh"' : '';
    return `  <li${lang} style="margin:0 0 12px 0">${escapeHtml(entry.summary)} (${outlets})</li>`;
  });
  return [
    `<h2 style="font-family:Georgia,serif;font-size:20px">Weekly News Roundup (${escapeHtml(draft.week)})</h2>`,
    `<ul style="font-family:Georgia,serif;font-size:16px;line-height:1.5;padding-left:20px">`,
    ...items,
    `</ul>`,
    '',
  ].join('\n');
}
