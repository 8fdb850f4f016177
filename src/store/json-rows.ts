import { sql, type SQL } from 'drizzle-orm';

/**
 * A batch's values go INTO the statement text, not as bind parameters. Drizzle sends every raw
 * statement unprepared, and postgres.js then spends a round trip learning the parameters' types
 * (Parse/Describe, wait, then Bind/Execute) and holds back the statements queued behind it. A
 * statement without parameters goes in one trip, and a batch's independent writes go out together
 * (pipelined). The values are dollar-quoted or plain numbers, so no text can end the literal early.
 */

/**
 * A batch of rows as ONE jsonb literal, for `jsonb_to_recordset(...)`: one statement per table per
 * batch, no bind-parameter limit, and none of drizzle's per-value query building (research/stack.md
 * measured 2–3× on the server). Keys are the column names.
 */
export function jsonRows(rows: readonly object[]): SQL {
  return jsonLiteral(rows);
}

/** Any JSON value as a jsonb literal. */
export function jsonLiteral(value: unknown): SQL {
  return sql.raw(`${dollarQuoted(wellFormedJson(value))}::jsonb`);
}

/**
 * JSON.stringify's text with each lone surrogate (broken feed text) as U+FFFD. jsonb rejects the
 * \udXXX escape JSON.stringify writes for one (a pair goes out as it is); a text bind parameter
 * turns it into U+FFFD on the way, so both paths store the same. Only a lone surrogate is written
 * as such an escape, and one preceded by an odd number of backslashes is text ("\\ud83d"), not an escape.
 */
export function wellFormedJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\ud') ? json.replace(loneSurrogateEscape, '$1\\ufffd') : json;
}

/** Whole numbers as an array literal of `type` ('{1,2,3}'::bigint[]); throws on anything else, so no text gets in. */
export function numberArray(values: ArrayLike<number>, type: 'bigint' | 'int'): SQL {
  return sql.raw(`'{${decimalList(values)}}'::${type}[]`);
}

/**
 * Whole numbers in decimal, comma-separated: what `values.join(',')` gives, about three times
 * faster. A fetch run writes hundreds of thousands of them (MinHash values, band keys), and V8
 * spells each number it has not cached (random 32-bit values, keys beyond 2^32) the slow way:
 * the joins were a tenth of the main thread's work in a fetch run. Throws on anything not a
 * safe integer, so no text gets into a statement.
 */
export function decimalList(values: ArrayLike<number>): string {
  const out = Buffer.allocUnsafe(values.length * maxDigitsAndSign + values.length);
  let at = 0;
  // An index loop: for-of over arrays of small and of large (double) numbers sent V8 into a
  // deoptimise-reoptimise loop here, one of the hottest spots of a fetch run.
  for (let index = 0; index < values.length; index++) {
    let value = values[index]!;
    if (!Number.isSafeInteger(value)) throw new Error(`numberArray: ${String(value)} is not a whole number`);
    if (index > 0) out[at++] = comma;
    if (value < 0) {
      out[at++] = minus;
      value = -value;
    }
    // Two digits at a time from the right into `digits`; 32-bit arithmetic once the value fits.
    let start = digits.length;
    while (value >= 2 ** 32) {
      const rest = Math.floor(value / 100);
      start = putPair(value - rest * 100, start);
      value = rest;
    }
    while (value >= 100) {
      const rest = (value / 100) >>> 0;
      start = putPair(value - rest * 100, start);
      value = rest;
    }
    if (value >= 10) start = putPair(value, start);
    else digits[--start] = zero + value;
    while (start < digits.length) out[at++] = digits[start++]!;
  }
  return out.toString('latin1', 0, at);
}

const comma = 0x2c;
const minus = 0x2d;
const zero = 0x30;
/** 2^53 has 16 digits; one more for the sign. */
const maxDigitsAndSign = 17;
const digits = new Uint8Array(maxDigitsAndSign);
/** "00" to "99" as character codes, two per number. */
const digitPairs = Uint8Array.from({ length: 200 }, (_, index) => zero + (index % 2 === 0 ? Math.floor(index / 20) : (index >> 1) % 10));

/** Writes the two digits of `pair` (0–99) before position `start` of `digits`; the new start. */
function putPair(pair: number, start: number): number {
  digits[start - 1] = digitPairs[2 * pair + 1]!;
  digits[start - 2] = digitPairs[2 * pair]!;
  return start - 2;
}

/** Whole numbers and nulls as an array literal of `type` ('{1,NULL,3}'::bigint[]); throws on anything else. */
export function nullableNumberArray(values: ReadonlyArray<number | null>, type: 'bigint' | 'int'): SQL {
  for (const value of values) if (value !== null && !Number.isSafeInteger(value)) throw new Error(`nullableNumberArray: ${String(value)} is not a whole number`);
  return sql.raw(`'{${values.map((value) => (value === null ? 'NULL' : String(value))).join(',')}}'::${type}[]`);
}

/** Instants as a timestamptz[] literal (ISO strings carry only digits, '-', ':', '.', 'T' and 'Z'). */
export function timestampArray(values: readonly Date[]): SQL {
  return sql.raw(`'{${values.map((value) => value.toISOString()).join(',')}}'::timestamptz[]`);
}

/** Bytes as a bytea literal, base64 (letters, digits, '+', '/', '='): a third larger than the bytes, half the size of hex. */
export function byteaLiteral(bytes: Uint8Array): SQL {
  return sql.raw(`decode('${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64')}', 'base64')`);
}

/** A whole number inlined in the statement. */
export function integerLiteral(value: number): SQL {
  if (!Number.isSafeInteger(value)) throw new Error(`integerLiteral: ${String(value)} is not a whole number`);
  return sql.raw(String(value));
}

/**
 * Text as a dollar-quoted literal: the text holds no `$` followed by the tag ($v, else $vv, …), so
 * nothing inside ends it — not even a text ending in "$v", which would join the closing "$v$" — and
 * backslashes and quotes are taken as they are. JSON never holds a raw NUL (it writes \u0000),
 * which a statement's text could not carry.
 */
export function dollarQuoted(text: string): string {
  let tag = 'v';
  while (text.includes(`$${tag}`)) tag += 'v';
  return `$${tag}$${text}$${tag}$`;
}

const loneSurrogateEscape = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;
