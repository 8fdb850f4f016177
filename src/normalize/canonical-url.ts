/** Canonical URLs: one spelling per article, so the same item is stored once however it is linked. */

const trackingParams = new Set([
  'fbclid', 'gclid', 'dclid', 'msclkid', 'yclid', 'igshid', 'mc_cid', 'mc_eid', 'spm', 'from', 'ref', 'ref_src', 'ref_url',
  'src', 'source', 'share', 'share_id', 'shareid', 'share_token', 'sharetype', 'cmpid', 'cmp', 'ncid', 'ocid', 'taid',
  'smid', 'sr_share', 'scm', 'wt.mc_id', '__twitter_impression', 'rss', 'feed', 'isappinstalled', 'scene', 'chksm',
  'module', 'pgtype', 'fromcookie', 'trk', 'tracking', 'xtor', '_ga', '_gl', 'cid', 'at_medium', 'at_campaign',
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
  url.protocol = 'https:';
  url.hostname = canonicalHost(url.hostname.toLowerCase());
  url.port = url.port === '80' || url.port === '443' ? '' : url.port;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.pathname = canonicalPath(url.pathname);
  const keep = keepOnHosts[url.hostname];
  const params = [...url.searchParams.entries()].filter(([key]) => keep?.includes(key) || !isTracking(key.toLowerCase(), url.searchParams.get(key)));
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  return url.toString();
}

function isTracking(key: string, value: string | null): boolean {
  if (key.startsWith('utm_') || key.startsWith('utm-') || key.startsWith('hmsr') || key.startsWith('__')) return true;
  if (key === 'f' && value === 'rss') return true;
  return trackingParams.has(key);
}

function canonicalHost(host: string): string {
  let result = host.replace(/\.$/, '');
  // Mobile and AMP hosts serve the same article as the main host.
  result = result.replace(/^(?:www\.|m\.|mobile\.|amp\.|wap\.)(?=[^.]+\.[^.]+)/, '');
  if (result.endsWith('.cdn.ampproject.org')) result = result.replace(/\.cdn\.ampproject\.org$/, '').replace(/-/g, '.');
  return result;
}

function canonicalPath(path: string): string {
  let result = path.replace(/\/{2,}/g, '/');
  result = result.replace(/\/amp\/?$/, '/').replace(/\.amp(\.html?)?$/, '$1').replace(/\/amp\//, '/');
  result = result.replace(/\/(?:index\.html?)$/, '/');
  if (result.length > 1 && result.endsWith('/')) result = result.slice(0, -1);
  return result || '/';
}
