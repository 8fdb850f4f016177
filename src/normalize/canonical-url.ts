/** Canonical URLs: one spelling per article, so the same item is stored once however it is linked. */

/** Parameters that only say where a click came from (analytics, feeds, shares), never which article. */
const trackingParams = new Set([
  'fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'igshid', 'mc_cid', 'mc_eid', 'spm', 'from', 'ref', 'ref_src', 'ref_url',
  'src', 'source', 'share', 'share_id', 'shareid', 'share_token', 'sharetype', 'share_from', 'sharesource', 'cmpid', 'cmp',
  'ncid', 'ocid', 'taid', 'smid', 'sr_share', 'scm', 'wt.mc_id', '__twitter_impression', 'rss', 'feed', 'isappinstalled',
  'scene', 'chksm', 'module', 'pgtype', 'fromcookie', 'trk', 'tracking', 'xtor', '_ga', '_gl', 'cid', 'at_medium',
  'at_campaign', 'partner', 'emc', 'feedtype', 'feedname', 'ito', 'mwrsm', '_r', 'pagewanted', 'oc', 'amp', 'outputtype',
  'guccounter', 'guce_referrer', 'guce_referrer_sig', 'si', 'tt_from', 'utm', 'wechat_share', 'timestamp',
]);

/** Parameters that select content on some sites and must survive, even where they look like tracking. */
const keepOnHosts: Record<string, string[]> = { 'mp.weixin.qq.com': ['__biz', 'mid', 'idx', 'sn'] };

/** The canonical form of a URL; inputs that are not http(s) URLs come back trimmed, unchanged. */
export function canonicalUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input.trim();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return input.trim();
  url = unwrapAmpCache(url);
  url.protocol = 'https:';
  url.hostname = canonicalHost(url.hostname.toLowerCase());
  url.port = url.port === '80' || url.port === '443' ? '' : url.port;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.pathname = canonicalPath(url.pathname);
  const keep = keepOnHosts[url.hostname];
  const params = [...url.searchParams.entries()].filter(([key, value]) => keep?.includes(key) || !isTracking(key.toLowerCase(), value));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return url.toString();
}

/**
 * The canonical URL of an article whose page declares `rel=canonical` or `og:url`: the declared
 * one wins when it is an http(s) URL on the same site (a page may not claim another site's URL).
 */
export function canonicalUrlPreferring(link: string, declared: string | null | undefined): string {
  const fromLink = canonicalUrl(link);
  if (!declared) return fromLink;
  const fromDeclared = canonicalUrl(declared);
  return sameSite(fromLink, fromDeclared) ? fromDeclared : fromLink;
}

function sameSite(a: string, b: string): boolean {
  try {
    const site = (url: string) => new URL(url).hostname.split('.').slice(-2).join('.');
    return /^https:/.test(b) && site(a) === site(b);
  } catch {
    return false;
  }
}

function isTracking(key: string, value: string): boolean {
  if (key.startsWith('utm_') || key.startsWith('utm-') || key.startsWith('hmsr') || key.startsWith('ns_')) return true;
  if (key.startsWith('__') || key.startsWith('spm_')) return true;
  if (key === 'f' && value === 'rss') return true;
  return trackingParams.has(key);
}

/** Google's AMP cache serves https://www-example-com.cdn.ampproject.org/c/s/www.example.com/path. */
function unwrapAmpCache(url: URL): URL {
  if (!url.hostname.endsWith('.cdn.ampproject.org')) return url;
  const match = /^\/[a-z]+\/(?:s\/)?([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match) return url;
  try {
    return new URL(`https://${match[1]}${match[2] ?? '/'}${url.search}`);
  } catch {
    return url;
  }
}

function canonicalHost(host: string): string {
  // Mobile and AMP hosts serve the same article as the main host.
  return host.replace(/\.$/, '').replace(/^(?:www\.|m\.|mobile\.|amp\.|wap\.|3g\.)(?=[^.]+\.[^.]+)/, '');
}

function canonicalPath(path: string): string {
  let result = path.replace(/\/{2,}/g, '/');
  result = result.replace(/\/amp\/?$/, '/').replace(/\.amp(\.html?)?$/, '$1').replace(/^\/amp\//, '/').replace(/\/amp\//, '/');
  result = result.replace(/\/(?:index\.html?)$/, '/');
  if (result.length > 1 && result.endsWith('/')) result = result.slice(0, -1);
  return result || '/';
}
