import { sql, type SQL } from 'drizzle-orm';

/**
 * A batch of rows as ONE jsonb bind parameter, for `jsonb_to_recordset(...)`: one statement per
 * table per batch, no bind-parameter limit, and none of drizzle's per-value query building
 * (research/stack.md measured 2–3× on the server). Keys are the column names.
 */
export function jsonRows(rows: readonly object[]): SQL {
  return sql`${JSON.stringify(rows, wellFormed)}::jsonb`;
}

const surrogate = /[\ud800-\udfff]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * jsonb rejects a lone surrogate escape (\ud83d) that JSON.stringify writes for broken feed text;
 * a text bind parameter turns it into U+FFFD on the way. Do the same here so both paths store the same.
 */
function wellFormed(_key: string, value: unknown): unknown {
  return typeof value === 'string' && surrogate.test(value) ? value.replace(loneSurrogate, '\ufffd') : value;
}
