/** Extractive summaries: the first one or two sentences of the lede, never more than ~45 words. */

const maxWords = 45;

/** Splits text into sentences on Latin and CJK sentence ends, keeping the punctuation. */
export function splitSentences(text: string): string[] {
  const sentences = text
    .replace(/\s+/g, ' ')
    .match(/[^.!?。！？]+(?:[.!?]+(?=\s|$)|[。！？]+|$)|[^.!?。！？]*[.!?]+(?=\S)[^\s]*/g);
  return (sentences ?? []).map((s) => s.trim()).filter(Boolean);
}

function wordCount(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const latin = text.replace(/[\u3400-\u9fff]/g, ' ').split(/\s+/).filter(Boolean).length;
  // Two CJK characters carry about one English word.
  return latin + Math.ceil(cjk / 2);
}

/** One or two sentences from the lede, falling back to the title when there is no usable text. */
export function summarize(lede: string, title: string): string {
  const sentences = splitSentences(lede).filter((s) => wordCount(s) >= 4);
  if (sentences.length === 0) return endWithStop(title);
  let summary = sentences[0]!;
  const second = sentences[1];
  if (second && wordCount(summary) + wordCount(second) <= maxWords) summary = `${summary} ${second}`;
  if (wordCount(summary) > maxWords) summary = truncateWords(summary, maxWords);
  return summary;
}

function truncateWords(text: string, words: number): string {
  const parts = text.split(/\s+/);
  if (parts.length > 1) return `${parts.slice(0, words).join(' ').replace(/[,;:]$/, '')}…`;
  return `${text.slice(0, words * 2)}…`;
}

function endWithStop(text: string): string {
  const trimmed = text.trim();
  return /[.!?。！？…]$/.test(trimmed) || /[\u3400-\u9fff]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
