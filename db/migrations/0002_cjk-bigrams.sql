-- Chinese has no word boundaries and PostgreSQL ships no Chinese parser, so items.search indexes
-- overlapping character bigrams of every CJK run (plus each run's last character, so a
-- one-character query can match by prefix). "百度发布文心一言" -> "百度 度发 发布 布文 文心 心一 一言 言";
-- the query "文心一言" becomes the phrase '文心' <-> '心一' <-> '一言' (src/store/search-text.ts).
-- pg_trgm was measured against this (tests/bench/query.bench.ts): a two-character query such as
-- 文心 yields no trigram, so ILIKE '%文心%' cannot use the trigram index and scans every row.
CREATE OR REPLACE FUNCTION cjk_bigrams(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(substr(m[1], i, 2), ' '), '')
  FROM regexp_matches(coalesce(input, ''), '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+', 'g') AS m,
       generate_series(1, char_length(m[1])) AS i
$$;
--> statement-breakpoint
-- The english parser reads a CJK run and any Latin letters touching it as one word ("不输GPT-4"),
-- so the english half of items.search sees the text with CJK runs blanked out.
CREATE OR REPLACE FUNCTION without_cjk(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(coalesce(input, ''), '[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+', ' ', 'g')
$$;
