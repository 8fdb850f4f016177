import { describe, expect, it } from 'vitest';
import { canonicalUrl, canonicalUrlPreferring } from '../../../src/normalize/canonical-url.js';

// Every input is a real article URL from ../shared/corpus: items from 36Kr, InfoQ, ifanr, TMTPost,
// Readhub, QbitAI, The Verge, Ars Technica, OpenAI, Latent Space, Hacker News (items/irisfeng-ai36kr),
// Reuters, NYTimes, Daily Mail, Japan Times (feeds/codehollow-feedreader), SCMP (feeds/hknews-backend),
// CNBC (feeds/akauntz-jetson), derStandard, Science, bioRxiv, TechCrunch, Mashable, udn, Indian
// Express, feedproxy, YouTube, Twitter, iMore, Il Messaggero (feeds/*). Where the corpus URL is
// clean, the input is that URL as other links spell it (mobile/AMP host, share or click parameters),
// the variants the issue lists; the WeChat case is the one URL not from the corpus.
const cases: Array<[string, string, string]> = [
  // [what, input, canonical]
  ['36kr f=rss', 'https://36kr.com/p/3949992200928641?f=rss', 'https://36kr.com/p/3949992200928641'],
  ['36kr newsflash f=rss', 'https://36kr.com/newsflashes/3950062675377280?f=rss', 'https://36kr.com/newsflashes/3950062675377280'],
  ['36kr www host', 'https://www.36kr.com/newsflashes/3950062675377280', 'https://36kr.com/newsflashes/3950062675377280'],
  ['36kr mobile host', 'https://m.36kr.com/p/3949992200928641', 'https://36kr.com/p/3949992200928641'],
  ['36kr http', 'http://36kr.com/p/3949992200928641?f=rss', 'https://36kr.com/p/3949992200928641'],
  ['InfoQ utm', 'https://www.infoq.cn/article/CQhb4TOREpEZshtqWZMy?utm_source=rss&utm_medium=article', 'https://infoq.cn/article/CQhb4TOREpEZshtqWZMy'],
  ['ifanr empty utm_campaign', 'https://www.ifanr.com/1676129?utm_source=rss&utm_medium=rss&utm_campaign=', 'https://ifanr.com/1676129'],
  ['TMTPost', 'https://www.tmtpost.com/8112064.html', 'https://tmtpost.com/8112064.html'],
  ['TMTPost mobile', 'https://m.tmtpost.com/8112064.html', 'https://tmtpost.com/8112064.html'],
  ['Readhub topic', 'https://readhub.cn/topic/8vmoJ7gHzNa', 'https://readhub.cn/topic/8vmoJ7gHzNa'],
  ['qbitai trailing slash', 'https://www.qbitai.com/2026/08/476778.html/', 'https://qbitai.com/2026/08/476778.html'],
  ['canews24 ?p= kept', 'https://canews24.online/?p=71', 'https://canews24.online/?p=71'],
  ['Reuters feedType/feedName', 'http://www.reuters.com/article/us-britain-eu-donor-idUSKBN14R0AZ?feedType=RSS&feedName=worldNews', 'https://reuters.com/article/us-britain-eu-donor-idUSKBN14R0AZ'],
  ['Reuters mobile', 'https://mobile.reuters.com/article/us-britain-eu-donor-idUSKBN14R0AZ', 'https://reuters.com/article/us-britain-eu-donor-idUSKBN14R0AZ'],
  ['NYTimes partner/emc', 'http://www.nytimes.com/2013/05/06/nyregion/epa-plan-to-clean-up-gowanus-canal-meets-local-resistance.html?partner=rss&emc=rss', 'https://nytimes.com/2013/05/06/nyregion/epa-plan-to-clean-up-gowanus-canal-meets-local-resistance.html'],
  ['NYTimes pagewanted', 'http://www.nytimes.com/2015/07/05/opinion/sunday/take-jackson-off-the-20-bill-put-a-woman-in-his-place.html?pagewanted=all', 'https://nytimes.com/2015/07/05/opinion/sunday/take-jackson-off-the-20-bill-put-a-woman-in-his-place.html'],
  ['NYTimes mwrsm/_r', 'http://www.nytimes.com/2015/09/05/us/at-west-point-annual-pillow-fight-becomes-weaponized.html?mwrsm=Email&_r=1&pagewanted=all', 'https://nytimes.com/2015/09/05/us/at-west-point-annual-pillow-fight-becomes-weaponized.html'],
  ['NYTimes AMP path', 'https://www.nytimes.com/2015/09/05/us/at-west-point-annual-pillow-fight-becomes-weaponized.amp.html', 'https://nytimes.com/2015/09/05/us/at-west-point-annual-pillow-fight-becomes-weaponized.html'],
  ['Daily Mail ITO/ns_*', 'http://www.dailymail.co.uk/news/article-2272640/Could-infamous-Black-Dahlia-case-solved.html?ITO=1490&ns_mchannel=rss&ns_campaign=1490', 'https://dailymail.co.uk/news/article-2272640/Could-infamous-Black-Dahlia-case-solved.html'],
  ['Daily Mail index.html', 'http://www.dailymail.co.uk/news/worldnews/index.html?ITO=1490&ns_mchannel=rss&ns_campaign=1490', 'https://dailymail.co.uk/news/worldnews'],
  ['Japan Times ?feed=', 'http://www.japantimes.co.jp/?feed=topstories', 'https://japantimes.co.jp/'],
  ['derStandard ref=rss', 'http://derstandard.at/2000030454375/Ich-wollte-meinen-Kindern-zeigen-dass-sich-Kaempfen-lohnt?ref=rss', 'https://derstandard.at/2000030454375/Ich-wollte-meinen-Kindern-zeigen-dass-sich-Kaempfen-lohnt'],
  ['Science rss=1', 'http://science.sciencemag.org/cgi/content/short/356/6340/816-a?rss=1', 'https://science.sciencemag.org/cgi/content/short/356/6340/816-a'],
  ['bioRxiv rss=1', 'http://biorxiv.org/cgi/content/short/2023.12.16.571984v1?rss=1', 'https://biorxiv.org/cgi/content/short/2023.12.16.571984v1'],
  ['TechCrunch #comments', 'http://techcrunch.com/2011/11/02/angies-list-prices-ipo-at-11-to-13-per-share-valued-at-over-600m/#comments', 'https://techcrunch.com/2011/11/02/angies-list-prices-ipo-at-11-to-13-per-share-valued-at-over-600m'],
  ['TechCrunch AMP suffix', 'https://techcrunch.com/2011/11/02/angies-list-prices-ipo-at-11-to-13-per-share-valued-at-over-600m/amp/', 'https://techcrunch.com/2011/11/02/angies-list-prices-ipo-at-11-to-13-per-share-valued-at-over-600m'],
  ['TechCrunch guccounter', 'https://techcrunch.com/2011/11/02/bbm-music-app-goes-live-in-blackberry-app-world/?guccounter=1&guce_referrer=aHR0cHM6Ly93d3cuZ29vZ2xlLmNvbS8', 'https://techcrunch.com/2011/11/02/bbm-music-app-goes-live-in-blackberry-app-world'],
  ['Mashable share hash', 'http://mashable.com/2017/10/19/google-pixel-buds-game-changer-hands-on/#ei6moTNCIiqV', 'https://mashable.com/2017/10/19/google-pixel-buds-game-changer-hands-on'],
  ['udn fragment, content params kept', 'http://mag.udn.com/mag/dc/storypage.jsp?f_MAIN_ID=2&f_SUB_ID=4&f_ART_ID=1423#RSS', 'https://mag.udn.com/mag/dc/storypage.jsp?f_ART_ID=1423&f_MAIN_ID=2&f_SUB_ID=4'],
  ['Indian Express ?p= kept', 'http://indianexpress.com/?post_type=article&p=4459612', 'https://indianexpress.com/?p=4459612&post_type=article'],
  ['feedproxy path kept', 'http://feedproxy.google.com/~r/TypePadNews/~3/r6vqoIqLtgo/retiring-typepad-anti-spam-and-switching-to-impermium.html', 'https://feedproxy.google.com/~r/TypePadNews/~3/r6vqoIqLtgo/retiring-typepad-anti-spam-and-switching-to-impermium.html'],
  ['YouTube mobile, v kept', 'https://m.youtube.com/watch?v=dFzhjnjXc2o', 'https://youtube.com/watch?v=dFzhjnjXc2o'],
  ['YouTube share si', 'https://www.youtube.com/watch?v=dFzhjnjXc2o&si=Xk3JmP0aQ', 'https://youtube.com/watch?v=dFzhjnjXc2o'],
  ['Twitter mobile', 'https://mobile.twitter.com/clattner_llvm/status/877341760812232704', 'https://twitter.com/clattner_llvm/status/877341760812232704'],
  ['iMore mobile', 'http://m.imore.com/pencilers-rejoice-apple-restoring-navigation', 'https://imore.com/pencilers-rejoice-apple-restoring-navigation'],
  ['Il Messaggero mobile', 'https://m.ilmessaggero.it/mondo/missili_polonia_cosa_e_successo_davvero-7054869.html', 'https://ilmessaggero.it/mondo/missili_polonia_cosa_e_successo_davvero-7054869.html'],
  ['AMP path prefix', 'http://www.example.com/amp/item1-info-page.html', 'https://example.com/item1-info-page.html'],
  ['AMP host', 'https://amp.scmp.com/news/hong-kong/politics/article/3031741/hong-kong-protests-no-plans-foreign-exchange-controls', 'https://scmp.com/news/hong-kong/politics/article/3031741/hong-kong-protests-no-plans-foreign-exchange-controls'],
  ['AMP cache', 'https://www-scmp-com.cdn.ampproject.org/c/s/www.scmp.com/news/hong-kong/politics/article/3031741/hong-kong-protests-no-plans-foreign-exchange-controls?amp=1', 'https://scmp.com/news/hong-kong/politics/article/3031741/hong-kong-protests-no-plans-foreign-exchange-controls'],
  ['SCMP share params', 'https://www.scmp.com/news/hong-kong/politics/article/3031741/hong-kong-protests-no-plans-foreign-exchange-controls?module=perpetual_scroll_0&pgtype=article&campaign=3031741', 'https://scmp.com/news/hong-kong/politics/article/3031741/hong-kong-protests-no-plans-foreign-exchange-controls?campaign=3031741'],
  ['CNBC __source', 'https://www.cnbc.com/finance/?__source=sharebar|twitter&par=sharebar', 'https://cnbc.com/finance?par=sharebar'],
  ['default port and case', 'HTTPS://WWW.TheVerge.com:443/ai-artificial-intelligence/983502/linkedin-ai-slop-button-one-million-people-message', 'https://theverge.com/ai-artificial-intelligence/983502/linkedin-ai-slop-button-one-million-people-message'],
  ['http default port', 'http://arstechnica.com:80/cars/2026/08/waymo-doubles-spending-on-lobbying-in-robotaxi-battle-with-uber/', 'https://arstechnica.com/cars/2026/08/waymo-doubles-spending-on-lobbying-in-robotaxi-battle-with-uber'],
  ['fbclid/gclid', 'https://openai.com/index/introducing-ai-futures/?fbclid=IwAR0abc&gclid=Cj0KCQ', 'https://openai.com/index/introducing-ai-futures'],
  ['spm/from (Chinese sites)', 'https://www.36kr.com/p/3949992200928641?spm=a2c4g.11186623&from=timeline', 'https://36kr.com/p/3949992200928641'],
  ['WeChat keeps __biz/mid/idx/sn', 'https://mp.weixin.qq.com/s?__biz=MzA3MzI4MjgzMw==&mid=2650&idx=1&sn=abc&chksm=84f&scene=21#wechat_redirect', 'https://mp.weixin.qq.com/s?__biz=MzA3MzI4MjgzMw%3D%3D&idx=1&mid=2650&sn=abc'],
  ['double slash', 'https://www.latent.space//p/simile', 'https://latent.space/p/simile'],
  ['HN item id kept', 'https://news.ycombinator.com/item?id=49332751&utm_source=hnrss', 'https://news.ycombinator.com/item?id=49332751'],
  ['not http', 'mailto:tips@36kr.com', 'mailto:tips@36kr.com'],
  ['not a URL', '  not a url ', 'not a url'],
];

describe('canonicalUrl', () => {
  it('has at least 40 real variants', () => expect(cases.length).toBeGreaterThanOrEqual(40));
  it.each(cases)('%s', (_what, input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
    // Canonicalising twice changes nothing.
    expect(canonicalUrl(canonicalUrl(input))).toBe(expected);
  });
});

describe('canonicalUrlPreferring', () => {
  it('prefers the page-declared canonical URL on the same site', () => {
    expect(canonicalUrlPreferring('https://m.36kr.com/p/1?f=rss', 'https://36kr.com/p/1')).toBe('https://36kr.com/p/1');
    expect(canonicalUrlPreferring('https://amp.scmp.com/news/a', 'https://www.scmp.com/news/a?utm_source=x')).toBe('https://scmp.com/news/a');
  });
  it('ignores a declared URL on another site or a missing one', () => {
    expect(canonicalUrlPreferring('https://36kr.com/p/1', 'https://evil.example/p/1')).toBe('https://36kr.com/p/1');
    expect(canonicalUrlPreferring('https://36kr.com/p/1?f=rss', null)).toBe('https://36kr.com/p/1');
    expect(canonicalUrlPreferring('https://36kr.com/p/1', 'javascript:alert(1)')).toBe('https://36kr.com/p/1');
  });
});
