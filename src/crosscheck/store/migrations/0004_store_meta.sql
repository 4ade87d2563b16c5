-- Counters readers use to know when what they cached is stale (the web app's story list).
CREATE TABLE store_meta (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO store_meta VALUES ('stories_generation', 0);
