-- pg_trgm backs substring search on titles (Chinese has no word boundaries for the english parser).
-- It is a trusted extension on PostgreSQL 13+, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
