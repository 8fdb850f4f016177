/**
 * windows-1252's 0x80–0x9F block. Node's TextDecoder('windows-1252') leaves these bytes as C1
 * control characters (ICU's ISO-8859-1 table, not the WHATWG one), and feeds carry them as
 * `&#146;` too; readers (feedparser's "demoronize") show them as the punctuation they were meant to be.
 */
const block = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Replaces C1 control characters with the windows-1252 characters of the same code. */
export function demoronize(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (char) => block[char.charCodeAt(0) - 0x80]!);
}
