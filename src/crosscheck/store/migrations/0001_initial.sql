CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    author TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE duplicates (
    source TEXT NOT NULL,
    duplicate_of TEXT NOT NULL REFERENCES articles (id),
    seen_at TEXT NOT NULL,
    PRIMARY KEY (source, duplicate_of)
);

CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    seen_at TEXT NOT NULL
);

CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    analyzer TEXT NOT NULL,
    data TEXT NOT NULL
);

CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members (story_id);

CREATE TABLE derivations (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (article_id, source_id)
);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL
);
