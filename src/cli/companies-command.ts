import { catalogue } from '../tag/catalogue.js';
import { writeLine } from './io.js';

export async function companiesCommand(): Promise<void> {
  const list = catalogue.map((e) => ({ slug: e.slug, name: e.name, nameZh: e.nameZh, aliases: [...e.aliases, ...(e.products ?? []), ...(e.ambiguous ?? [])] }));
  await writeLine(JSON.stringify(list, null, 2));
}
