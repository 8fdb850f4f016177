import { detectLanguage } from '../text.js';
import { bandKeysOf, bottomHashesOf, estimateJaccardIn, key52, minhashOf, signatureSize, sortedBottomKJaccard } from './minhash.js';
import { shinglesOf } from './shingles.js';
import { signalsOf, type Signals } from './signals.js';

/** Characters of the body that count as the lede: enough to tell events apart, short enough to stay on topic. */
export const ledeChars = 240;
/** Headline shingles kept exactly: more than almost any single headline has (digests have more). */
export const titleSketchSize = 48;

/**
 * Title MinHash values that are index keys on their own. Each is one shingle of the headline, so a
 * common bigram ("发布") puts many items in its bucket: 4 was the best tune-half F1 of 2, 4 and 8
 * and more than doubled the candidates per item on the dev set (3,248 → 7,279 pairs).
 */
export const singleRowTitleKeys = 4;

/** What story assignment needs to know about one item; stored with the item. */
export interface Fingerprint {
  /**
   * MinHash of the title's shingles, then MinHash of title and lede (signatureSize each), then the
   * title's bottom-k sketch (up to titleSketchSize hashes; absent in fingerprints stored before it).
   * One array, so the stored form (an int4[] column) did not change.
   */
  signature: number[];
  signals: Signals;
  /** How many shingles the title has: a digest headline listing ten events is much longer than any one. */
  titleLength: number;
  /** A roundup headline ("早报｜A/B/C", "氪星晚报｜A；B；C"): its own story, never one of its parts'. */
  digest: boolean;
  language: string;
  seenAt: Date;
}

export interface FingerprintInput {
  title: string;
  text?: string | null;
  language?: string;
  companies?: readonly string[];
  seenAt: Date;
}

/** The fingerprint of an item's title and lede. */
export function fingerprintOf(input: FingerprintInput): Fingerprint {
  const lede = (input.text ?? '').slice(0, ledeChars);
  const text = `${input.title}\n${lede}`;
  const titleShingles = shinglesOf(input.title);
  return {
    signature: [...minhashOf(titleShingles), ...minhashOf(shinglesOf(text)), ...bottomHashesOf(titleShingles, titleSketchSize)],
    titleLength: titleShingles.size,
    digest: isDigestTitle(input.title),
    signals: signalsOf(text, input.companies ?? [], input.title),
    language: input.language ?? detectLanguage(text),
    seenAt: input.seenAt,
  };
}

/**
 * The index keys of a fingerprint: its LSH bands (near-identical wording) and one key per strong
 * signal (the same product or figure in other words or another language). An item is a candidate
 * for another when they share any key; the decision is then made on the full fingerprints.
 */
export function indexKeysOf(fingerprint: Fingerprint): number[] {
  const { title, full } = splitSignature(fingerprint);
  // Title: 16 bands of 2 rows (Jaccard 0.3 → found with p ≈ 0.78, 0.5 → 0.99), plus the first
  // singleRowTitleKeys values alone (together: 0.2 → 0.79, 0.15 → 0.64), because the rules accept
  // Chinese rewrites from 0.14 up and a rule is only as good as the candidates it is shown. Title
  // and lede: 8 bands of 4 (0.6 → 0.67, 0.8 → 0.98), for retitled copies of the same text.
  // The title bands over the first singleRowTitleKeys values are left out: two items sharing one
  // of them share its values' single keys too, so it found no candidate those did not (two of the
  // band rows each item wrote and each lookup probed, for nothing).
  const keys = new Set([
    ...bandKeysOf(title, { rows: 2, name: 't', from: singleRowTitleKeys }),
    ...bandKeysOf(title.slice(0, singleRowTitleKeys), { rows: 1, name: 'u' }),
    ...bandKeysOf(full, { rows: 4, name: 'f' }),
  ]);
  for (const signal of fingerprint.signals.strong) keys.add(key52(`s:${signal}`));
  return [...keys];
}

/** The parts of a signature: title MinHash, title-and-lede MinHash, title sketch (maybe empty). */
export function splitSignature(fingerprint: Pick<Fingerprint, 'signature'>): { title: number[]; full: number[]; titleSketch: number[] } {
  const { signature } = fingerprint;
  return {
    title: signature.slice(0, signatureSize),
    full: signature.slice(signatureSize, 2 * signatureSize),
    titleSketch: signature.slice(2 * signatureSize),
  };
}

/**
 * How alike two headlines are: exact Jaccard of their shingles from the sketches (32 MinHash
 * values blur 0.2 and 0.3, which is where Chinese paraphrases sit), or the MinHash estimate when
 * either fingerprint was stored before sketches.
 */
export function titleSimilarity(a: Pick<Fingerprint, 'signature'>, b: Pick<Fingerprint, 'signature'>): number {
  // Read in place (splitSignature's parts are copies): story assignment compares thousands of pairs.
  const sketches = 2 * signatureSize;
  if (a.signature.length <= sketches || b.signature.length <= sketches) return estimateJaccardIn(a.signature, b.signature, 0, signatureSize);
  return sortedBottomKJaccard(a.signature, sketches, b.signature, sketches, titleSketchSize);
}

/** estimateJaccard of the two title-and-lede MinHashes, read in place. */
export function fullSimilarity(a: Pick<Fingerprint, 'signature'>, b: Pick<Fingerprint, 'signature'>): number {
  return estimateJaccardIn(a.signature, b.signature, signatureSize, 2 * signatureSize);
}

/** Three or more headline-sized parts separated by ；/ | ｜ make a digest. */
export function isDigestTitle(title: string): boolean {
  return title.split(/[；;/|｜]/).filter((part) => part.trim().length >= 6).length >= 3;
}
