import { decodeHTMLStrict } from 'entities';

const xmlEntities = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/**
 * Repairs what browsers and feed readers forgive and a strict XML parser does not: a bare `&`
 * (`Q&A`, `?a=1&b=2`), HTML entities such as `&nbsp;` or `&mdash;` that XML does not define, and
 * control characters XML 1.0 forbids. Entities the document defines itself in a DTD are NOT
 * expanded, so an entity-expansion bomb ("billion laughs") stays a few hundred bytes of text.
 * Used only after a strict parse failed.
 */
export function repairXml(text: string): string {
  return text
    // A closing root tag cut short at the very end (`</rss`) is completed.
    .replace(/(<\/[\w:]+)\s*$/, '$1>')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/i, '')
    .replace(/&(#\d+;|#x[0-9a-f]+;|[a-z][a-z0-9]*;?)?/gi, (match, reference: string | undefined) => {
      if (!reference) return '&amp;';
      if (reference.startsWith('#')) return match;
      const name = reference.replace(/;$/, '');
      if (xmlEntities.has(name) && reference.endsWith(';')) return match;
      if (!reference.endsWith(';')) return `&amp;${reference}`;
      const decoded = decodeHTMLStrict(match);
      if (decoded === match) return `&amp;${reference}`;
      return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join('');
    });
}
