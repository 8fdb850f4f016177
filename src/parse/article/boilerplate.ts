/** What counts as page furniture rather than article text: tags, class/id words, and whole lines. */
import { classAndId, type Element } from './dom.js';

/** Never article text. */
export const droppedTags = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'video', 'audio', 'picture',
  'img', 'source', 'nav', 'aside', 'footer', 'button', 'input', 'select', 'textarea', 'label', 'figcaption', 'figure',
  'dialog', 'menu', 'link', 'meta', 'head', 'title', 'time', 'sup',
]);

// Words in class/id that mark share bars, related links, ads, newsletter prompts, captions and the like.
const unlikelyWords =
  /share|social|related|comment|newsletter|subscri|promo|advert|sponsor|sidebar|side-bar|breadcrumb|footer|masthead|menu|(^|[\s_-])nav|popup|modal|cookie|banner|caption|credit|recirc|outbrain|taboola|signup|sign-up|toolbar|(^|[\s_-])tags?([\s_-]|$)|byline|author|more-stories|read-?more|also-?read|trending|most-?popular|widget|disclaimer|copyright|print-only|skip|jump|rating|paywall|inline-ad|(^|[\s_-])ads?([\s_-]|$)|dfp|gpt|login|follow|bio([\s_-]|$)|timestamp|dateline|meta([\s_-]|$)|toc([\s_-]|$)|pagination|pager|next-prev|rel-link|recommend|taglist|keyword|video|player|gallery|slideshow|photo|image|media|thumb|(^|[\s_-])dek([\s_-]|$)|standfirst|sub-?head|strapline|kicker/;

// Words that argue for content; they rescue an element whose class also has an unlikely word.
const likelyWords = /article|body|content|main|story|text|entry|post|paragraph|prose|detail|rich/;

/**
 * Furniture by class/id. Each class token is judged alone: "article-share" is a share bar even though it
 * says "article", while "article-body" is content.
 */
export function isUnlikely(element: Element): boolean {
  const names = classAndId(element);
  if (names.length < 3) return false;
  return names.split(/\s+/).some((token) => token.length > 1 && unlikelyWords.test(token));
}

// Reader discussion is prose too, so the prose test cannot rescue it: these words always mean furniture.
const discussionWords = /comment|disqus|respond|replies|discussion/;

/** Comment threads and reply forms, by class/id. */
export function isDiscussion(element: Element): boolean {
  const names = classAndId(element);
  return names.length >= 3 && names.split(/\s+/).some((token) => discussionWords.test(token));
}

/** Hidden by attribute or inline style. */
export function isHidden(element: Element): boolean {
  const { attribs } = element;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Class/id weight in the spirit of Readability: furniture words down, content words up. */
export function classWeight(element: Element): number {
  const names = classAndId(element);
  let weight = 0;
  if (unlikelyWords.test(names)) weight -= 25;
  if (likelyWords.test(names)) weight += 25;
  // schema.org microdata names the body outright.
  if (element.attribs.itemprop === 'articleBody') weight += 50;
  return weight;
}

// Whole lines that are prompts rather than prose (kept short and anchored so real sentences survive).
const boilerplateLines = [
  /^(advertisement|advertising|sponsored|ad)$/i,
  /^(read|see|click) (more|also|here)\b.{0,80}$/i,
  /^(related|more)( (stories|articles|coverage|reading))?:?.{0,80}$/i,
  /^(share|tweet|email|print|comment)s?( this( article| story)?)?:?$/i,
  /^(sign up|subscribe|get) .{0,60}(newsletter|inbox|updates)/i,
  /^follow (us|@).{0,60}$/i,
  /^(image|photo|picture|video)( credit)?:.{0,120}$/i,
  /^[(（【\[]?(相关阅读|相关新闻|相关资讯|延伸阅读|推荐阅读|责任编辑|责编|编辑|本文来源|来源|点击|分享到|扫一扫|扫描|返回|举报|打开.{0,10}app|免责声明|声明)[:：].{0,80}$/i,
  /^(返回.{0,8}首页|扫描二维码.{0,30}|点击进入.{0,30}|分享到.{0,30}|相关资讯请关注.{0,30}|【纠错】.{0,40})$/,
];

/** A line that is a prompt, label or caption, not article prose. */
export function isBoilerplateLine(line: string): boolean {
  return boilerplateLines.some((pattern) => pattern.test(line));
}
