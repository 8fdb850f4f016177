import { catalogueLexicon, tagText } from './src/tag/matcher.ts';
import { findTerms } from './src/tag/find-terms.ts';
const title = process.argv[2]!; const summary = process.argv[3] ?? '';
console.log(JSON.stringify(tagText({ title, summary })));
for (const h of [...findTerms(catalogueLexicon(), 'title', title), ...findTerms(catalogueLexicon(), 'summary', summary)]) console.log(h.field, h.start, JSON.stringify(h.meaning));
