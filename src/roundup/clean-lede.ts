/**
 * Cleans a news lede for the roundup: removes what a wire service or feed adds around the facts
 * (datelines, bylines, attribution clauses, source credits, image captions) and nothing else.
 * Every rule only deletes text, so the cleaned lede never says something the item did not.
 */

// "BEIJING (Reuters) -", "BOUAKE, Ivory Coast (Reuters) -", "SHANGHAI, July 3 (Reuters) -", "HONG KONG —".
const wireDateline =
  /^(?:[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*)(?:, [A-Z][\p{L}.'’ /-]{1,40}?)?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*\((?:Reuters|AP|AFP|Bloomberg|Xinhua|CNBC|Dow Jones|Caixin|SCMP|IANS|PTI|Kyodo|Yonhap)\)\s*[-–—]+\s*/u;
const bareDateline = /^(?:[A-Z]{2,}(?: [A-Z]{2,})*)(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?\s*[-–—]{1,2}\s+(?=[A-Z])/;
// "By Jane Doe and John Roe |", "By Jane Doe, Reuters" at the start of a lede.
const leadingByline = /^By [A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){0,3}(?:(?:,| and| &) [A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){0,3})*\s*(?:[|•·:–—-]\s*|\n|,\s*(?:Reuters|Bloomberg|CNBC|AP)\s*)/u;
// "(Reporting by ...; Editing by ...)" and "Writing by ..." tails of wire copy.
const wireCredits = /\s*\(?(?:Reporting|Additional reporting|Writing|Editing) by [^)]*\)?\s*$/;
// Attribution clauses: ", according to a report by Nikkei", "According to people familiar with the matter,".
const attributionSubject =
  '(?:a |an |the )?(?:(?:new |recent |local |media )?reports?|people (?:familiar|with knowledge) (?:with|of) the (?:matter|plans?|deal|talks)|(?:a |an )?(?:statement|filing|source|sources|memo|press release)|(?:a |an )?(?:person|people) briefed on the matter)';
const trailingAttribution = new RegExp(`,? according to ${attributionSubject}(?: (?:by|from|in|on|seen by|published by) (?:the )?[^,.;]+?| who [^,.;]+?)?(?=[,.;]|$)`, 'gi');
const leadingAttribution = new RegExp(`^According to ${attributionSubject}(?: (?:by|from|in|on|seen by|published by) (?:the )?[^,]+?)?, `, 'i');
const citingClause = /,? citing (?:people|sources|a person|unnamed sources|a report)[^,.;]*(?=[,.;]|$)/gi;
// Chinese equivalents: "据界面新闻报道，", "36氪获悉，", "记者从…获悉，" at the start; "（界面新闻）" at the end.
const zhLeadingAttribution = /^(?:据[^，。]{1,20}(?:报道|消息|援引[^，。]{0,20})|[^，。]{1,12}获悉|记者[^，。]{0,20}获悉)，/;
const zhSourceCredit = /\s*[（(][^（）()]{1,12}(?:新闻|日报|晚报|证券报|财经|时报|社|网|报|氪|媒体|快讯)[）)]\s*$/;
const zhOriginalLink = /\s*原文[:：]\s*https?:\/\/\S+/g;
const bareUrl = /\s*https?:\/\/\S+/g;
// WeChat sign-offs: "#欢迎关注爱范儿官方微信公众号：爱范儿（微信号：ifanr），更多精彩内容第一时间为您奉上。"
const zhSignOff = /\s*#?(?:欢迎关注|点击关注)[^。#]{0,40}(?:公众号|微信)[^#]*$/;
// "… | Image: OpenAI OpenAI is introducing …": a caption credit glued into the feed text; keep what precedes it.
const captionSeparator = /\s+\|\s+(?:Image|Photo|Illustration)\b/;

/** Returns the lede without datelines, bylines, attribution clauses, source credits or URLs. */
export function cleanLede(text: string): string {
  let lede = text.replace(/[\s\u00a0]+/g, ' ').trim();
  const caption = captionSeparator.exec(lede);
  if (caption && caption.index > 0) lede = lede.slice(0, caption.index);
  lede = lede.replace(zhOriginalLink, '').replace(bareUrl, '');
  // Paragraphs glued by a feed ("a business.Women secure") would hide a sentence end.
  lede = lede.replace(/(\p{Ll}{2,}[.!?])(\p{Lu}\p{Ll})/gu, '$1 $2');
  lede = lede.replace(leadingByline, '');
  lede = lede.replace(wireDateline, '').replace(bareDateline, '');
  lede = lede.replace(wireCredits, '');
  lede = lede.replace(leadingAttribution, '').replace(trailingAttribution, '').replace(citingClause, '');
  lede = lede.replace(zhSignOff, '').replace(zhLeadingAttribution, '').replace(zhSourceCredit, '');
  return capitaliseFirst(lede.replace(/\s+([,.;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim());
}

function capitaliseFirst(text: string): string {
  return text.length > 0 && /[a-z]/.test(text[0]!) ? text[0]!.toUpperCase() + text.slice(1) : text;
}
