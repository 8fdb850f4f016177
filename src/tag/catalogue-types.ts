/** One tracked company, as data. Every list is optional except the names and `aliases`. */
export interface CompanyEntry {
  slug: string;
  name: string;
  /** Simplified Chinese name; the Traditional form is derived (see script-variants.ts). */
  nameZh: string;
  /** Names that identify the company on their own: English, Chinese, short names, subsidiaries and platforms it owns. */
  aliases: string[];
  formerNames?: string[];
  /** AI products and model families: they name the company and mark the text as AI news. */
  products?: string[];
  /** Founders and chief executives with distinctive names: a signal on their own. */
  people?: string[];
  /** AI products whose names have another common sense (豆包 the bun, GLM the statistics model): they need context like `ambiguous`, and once accepted mark the item as AI news like `products`. */
  ambiguousProducts?: string[];
  /** Words with another common sense: they count only with another alias of the company or an AI/tech word nearby. */
  ambiguous?: string[];
  /** Stronger still: they count only when another alias of the same company is in the item (common personal names, "Seed"). */
  needsCompany?: string[];
  /**
   * Words of the other field an ambiguous alias belongs to (statistics for "GLM"): when one is in the
   * item, the company's ambiguous aliases count only beside a sure alias, since AI words prove nothing there.
   */
  otherSenses?: string[];
  /** Phrases in which an alias means something else ("Apache Spark", 小米粥); an alias inside one never counts. */
  exclusions?: string[];
}
