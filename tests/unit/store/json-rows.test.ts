import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { dollarQuoted, nullableNumberArray } from '../../../src/store/json-rows.js';

/** Where PostgreSQL's lexer ends a dollar-quoted literal: at the first closing tag after the opening one. */
function bodyAsLexed(literal: string): string {
  const opening = /^\$([A-Za-z_]*)\$/.exec(literal)![0];
  const end = literal.indexOf(opening, opening.length);
  return literal.slice(opening.length, end);
}

describe('dollarQuoted', () => {
  it.each(['', '$', 'plain', '$v$', 'abc$v', 'v$ starts like a tag', '$vv and $v$', 'ends in $vv', "it's \\ quoted", '$v$v$v'])(
    'ends exactly where the text ends: %j',
    (text) => {
      const literal = dollarQuoted(text);
      expect(bodyAsLexed(literal)).toBe(text);
      expect(literal.endsWith(/^\$[A-Za-z_]*\$/.exec(literal)![0])).toBe(true);
    },
  );
});

describe('nullableNumberArray', () => {
  const text = (values: Array<number | null>) => new PgDialect().sqlToQuery(nullableNumberArray(values, 'bigint')).sql;
  it('spells whole numbers and NULL, and lets nothing else into the statement', () => {
    expect(text([1, null, 4503599627370495])).toBe("'{1,NULL,4503599627370495}'::bigint[]");
    expect(() => text([1.5])).toThrow(/not a whole number/);
    expect(() => text([Number.NaN])).toThrow(/not a whole number/);
  });
});
