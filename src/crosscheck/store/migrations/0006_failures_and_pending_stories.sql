-- Articles the analyzer failed on, by analyzer version: skipped until the analyzer changes.
CREATE TABLE failed_analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    analyzer TEXT NOT NULL,
    error TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
-- Stories whose linkage changed and whose record is not yet reconciled again: written in the
-- same transaction as the linkage, cleared in the same transaction as the story records, so
-- a run killed in between leaves the next run a list of what to finish.
CREATE TABLE unreconciled (
    story_id TEXT PRIMARY KEY
);
-- A store an older version left half-reconciled is repaired by the next run.
INSERT INTO unreconciled SELECT DISTINCT story_id FROM story_members WHERE story_id NOT IN (SELECT id FROM stories);
