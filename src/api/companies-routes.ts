import { Hono } from 'hono';
import { countItemsByCompany } from '../store/items-query.js';
import { catalogue } from '../tag/catalogue.js';
import type { AppDeps } from './deps.js';

/** GET /api/companies: the catalogue with item counts. */
export function companiesRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const counts = await countItemsByCompany(deps.db);
    return c.json({
      companies: catalogue.map((entry) => ({
        slug: entry.slug,
        name: entry.name,
        nameZh: entry.nameZh,
        aliases: [...entry.aliases, ...(entry.products ?? []), ...(entry.ambiguous ?? [])],
        items: counts.get(entry.slug) ?? 0,
      })),
    });
  });
  return app;
}
