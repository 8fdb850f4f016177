import { Hono } from 'hono';
import { countItemsPerCompany } from '../store/tags-store.js';
import { catalogue, catalogueVersion, namesOf } from '../tag/catalogue.js';
import { traditionalOf } from '../tag/script-variants.js';
import type { AppDeps } from './deps.js';

/** GET /api/companies: the catalogue (names, aliases by kind) with item counts per company. */
export function companiesRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const counts = await countItemsPerCompany(deps.db);
    return c.json({
      catalogueVersion,
      companies: catalogue.map((entry) => {
        const count = counts.get(entry.slug) ?? { items: 0, relevant: 0, inTitle: 0 };
        return {
          slug: entry.slug,
          name: entry.name,
          nameZh: entry.nameZh,
          nameZhHant: traditionalOf(entry.nameZh),
          aliases: namesOf(entry),
          aliasesByKind: {
            names: entry.aliases,
            formerNames: entry.formerNames ?? [],
            products: entry.products ?? [],
            people: entry.people ?? [],
            needContext: [...(entry.ambiguousProducts ?? []), ...(entry.ambiguous ?? [])],
            needCompany: entry.needsCompany ?? [],
            exclusions: entry.exclusions ?? [],
          },
          items: count.items,
          relevantItems: count.relevant,
          titleItems: count.inTitle,
        };
      }),
    });
  });
  return app;
}
