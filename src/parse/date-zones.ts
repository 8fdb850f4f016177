import { FixedOffsetZone, type Zone } from 'luxon';

/**
 * Zone names feeds put after RFC 822 times, as offsets in minutes. RFC 822 §5 defines UT/GMT and
 * the US zones (so "CST" is US Central, even in a Chinese feed); the rest are what feedparser accepts.
 */
const namedOffsets: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, 'ETC/GMT': 0, 'ETC/UTC': 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AT: -240, ET: -300, CT: -360, MT: -420, PT: -480,
  MET: 60, MEST: 120, CET: 60, CEST: 120, BST: 60, EET: 120, EEST: 180,
  JST: 540, KST: 540, HKT: 480, SGT: 480,
};

/** A zone from text after a time: "+0800", "-00:20", "+08", "GMT-01:01", "EST", "Etc/GMT"; undefined when unreadable. */
export function zoneFromText(text: string): Zone | undefined {
  const upper = text.trim().toUpperCase();
  if (upper in namedOffsets) return FixedOffsetZone.instance(namedOffsets[upper]!);
  const numeric = upper.match(/^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/);
  if (!numeric) return undefined;
  const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
  return FixedOffsetZone.instance(numeric[1] === '-' ? -minutes : minutes);
}
