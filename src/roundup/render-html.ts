import type { Draft } from './draft.js';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Email-safe HTML: a heading and a plain list, inline styles only, no scripts. */
export function renderHtml(draft: Draft): string {
  const items = draft.entries.map((entry) => {
    const outlets = entry.outlets.map((o) => `<a href="${escapeHtml(o.url)}" style="color:#1a0dab">${escapeHtml(o.name)}</a>`).join(', ');
    return `  <li style="margin:0 0 12px 0">${escapeHtml(entry.summary)} (${outlets})</li>`;
  });
  return [
    `<h2 style="font-family:Georgia,serif">Weekly News Roundup (${escapeHtml(draft.week)})</h2>`,
    `<ul style="font-family:Georgia,serif;font-size:16px;line-height:1.5">`,
    ...items,
    `</ul>`,
    '',
  ].join('\n');
}
