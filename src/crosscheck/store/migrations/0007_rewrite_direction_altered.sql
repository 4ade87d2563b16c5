-- How each derivation's direction was told ("dated", "content", "unknown"): links stored
-- before this version did not say.
ALTER TABLE derivations ADD COLUMN direction TEXT NOT NULL DEFAULT 'unknown';
-- Sentences of a derivative restating a sentence of its origin with one fact changed.
CREATE TABLE altered (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    origin_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    origin_value TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    origin_start INTEGER NOT NULL,
    origin_end INTEGER NOT NULL,
    origin_text TEXT NOT NULL
);
CREATE INDEX altered_article ON altered (article_id);
