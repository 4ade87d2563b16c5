-- The US states each analysed article names, filed under its outlet: an outlet's coverage
-- area (reconcile reads it to tell which Springfield a local station means). One row per
-- article and state.
CREATE TABLE outlet_states (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    outlet TEXT NOT NULL,
    state TEXT NOT NULL
);
CREATE INDEX outlet_states_article ON outlet_states (article_id);
CREATE INDEX outlet_states_outlet ON outlet_states (outlet);
-- Analyses stored before this table existed are redone, so that every one is counted.
DELETE FROM analyses;
