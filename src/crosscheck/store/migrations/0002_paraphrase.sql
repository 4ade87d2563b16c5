CREATE TABLE unsupported (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    origin_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX unsupported_article ON unsupported (article_id);

-- Sentence embeddings are the costliest thing linking computes: kept per article and model
-- so a later run embeds only new articles.
CREATE TABLE sentence_vectors (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (article_id, model)
);
