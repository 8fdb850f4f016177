import { catalogue, namesOf } from '../tag/catalogue.js';
import { writeLine } from './io.js';

/** The catalogue as JSON {slug, name, nameZh, aliases}. */
export async function companiesCommand(): Promise<void> {
  const list = catalogue.map((e) => ({ slug: e.slug, name: e.name, nameZh: e.nameZh, aliases: namesOf(e) }));
  await writeLine(JSON.stringify(list, null, 2));
}
