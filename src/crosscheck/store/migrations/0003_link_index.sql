-- What incremental linking needs to place a new article without relinking the pool: each
-- article's linking profile, the pool's document frequencies and the blocking postings.
CREATE TABLE link_profiles (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    data TEXT NOT NULL
);

CREATE TABLE link_terms (
    field TEXT NOT NULL,
    term TEXT NOT NULL,
    df INTEGER NOT NULL,
    PRIMARY KEY (field, term)
) WITHOUT ROWID;

CREATE TABLE link_postings (
    key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

-- The analyzer version the profiles were built from: another version means a full relink.
CREATE TABLE link_meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
