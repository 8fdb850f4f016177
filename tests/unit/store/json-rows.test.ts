import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { byteaLiteral, decimalList, dollarQuoted, nullableNumberArray, wellFormedJson } from '../../../src/store/json-rows.js';

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

describe('byteaLiteral', () => {
  const text = (bytes: Uint8Array) => new PgDialect().sqlToQuery(byteaLiteral(bytes)).sql;
  it('spells the bytes of a view (not its whole buffer) as base64 inside a plain literal', () => {
    const whole = Buffer.from([0, 1, 2, 0xfb, 0xff, 0x3e, 0x3f, 9]);
    const view = whole.subarray(2, 7);
    const literal = text(view);
    const base64 = /^decode\('([A-Za-z0-9+/=]*)', 'base64'\)$/.exec(literal)?.[1];
    expect(base64).toBeDefined();
    expect([...Buffer.from(base64!, 'base64')]).toEqual([2, 0xfb, 0xff, 0x3e, 0x3f]);
    expect(text(new Uint8Array(0))).toBe("decode('', 'base64')");
  });
});

describe('wellFormedJson', () => {
  /** What a text bind parameter stores: every lone surrogate as U+FFFD, pairs kept. */
  const asStored = (value: unknown) =>
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd') : v));

  it.each([
    ['a lone high surrogate', { title: 'Broken \ud83d emoji' }],
    ['a lone low surrogate at the start', ['\ude00 tail']],
    ['a pair, kept', ['Paired 😀 is fine']],
    ['a backslash then text that looks like an escape', ['C:\\ud83d is a path']],
    ['an escaped backslash before a lone surrogate', ['\\\ud83d']],
    ['two backslashes then a lone surrogate', ['\\\\\udbff!']],
    ['nothing to fix', { n: 1, s: 'plain' }],
  ])('%s: parses to what a bind parameter stores', (_name, value) => {
    const json = wellFormedJson(value);
    expect(json).not.toMatch(/(?<!\\)(?:\\\\)*\\ud[89a-f]/);
    expect(JSON.parse(json)).toEqual(JSON.parse(asStored(value)));
  });
});

describe('decimalList', () => {
  const edges = [0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 65535, 2 ** 31 - 1, -(2 ** 31), 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 4294967395, 2 ** 52 + 7, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, -1, -10, -100];

  it('spells every edge case as join(",") does', () => {
    expect(decimalList(edges)).toBe(edges.join(','));
    for (const value of edges) expect(decimalList([value])).toBe(String(value));
    expect(decimalList([])).toBe('');
  });

  it('spells random 32-bit values, band keys and small counts as join(",") does', () => {
    let state = 12345;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      values.push(next() | 0, next(), (next() & 0xfffff) * 2 ** 32 + next(), next() % 1000, -(next() % 100_000));
    }
    expect(decimalList(values)).toBe(values.join(','));
  });

  it('lets nothing but safe whole numbers into a statement', () => {
    for (const bad of [1.5, Number.NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53)]) expect(() => decimalList([1, bad])).toThrow(/not a whole number/);
    expect(() => decimalList(['1); drop table items; --' as unknown as number])).toThrow(/not a whole number/);
  });
});
