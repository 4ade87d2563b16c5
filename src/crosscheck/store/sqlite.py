"""The embedded default store: one SQLite file, WAL mode, migrations recorded in a table."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from crosscheck.records import (
    Altered,
    Analysis,
    AnalysisFailure,
    Article,
    Derivation,
    IndexEntry,
    Linkage,
    OutletStates,
    Rejection,
    Span,
    StoryRecord,
    Unsupported,
)
from crosscheck.store import codec
from crosscheck.store.base import Added

_ARTICLE_COLUMNS = "id, source, text, content_hash, title, outlet, published, url, author"
_BATCH = 500


# PRAGMA application_id of a crosscheck store ("xchk"): how a store is told from another
# program's SQLite file before anything is written to it.
APPLICATION_ID = 0x78636B68
_SQLITE_MAGIC = b"SQLite format 3\x00"
# Seconds a new connection waits for another to finish switching a new file to WAL.
_OPEN_PATIENCE = 10.0


class StoreError(Exception):
    """A store that cannot be used: missing, not a crosscheck store, newer, or unwritable."""


def _migrations() -> list[tuple[int, Traversable]]:
    folder = resources.files("crosscheck.store") / "migrations"
    found = [(int(e.name.split("_", 1)[0]), e) for e in folder.iterdir() if e.name.endswith(".sql")]
    return sorted(found, key=lambda pair: pair[0])


def check_store_file(path: Path, create: bool) -> bool:
    """Whether `path` is free for a new store (True) or holds a crosscheck store this
    version can open (False); StoreError, with the reason, otherwise. Reads only."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a crosscheck store file")
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path}")
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as err:
        raise StoreError(f"cannot read {path}: {err.strerror or err}") from err
    if not head:
        return True  # an empty file (touch): nothing to lose
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{path} is not a crosscheck store (not an SQLite database)")
    _check_sqlite(path)
    return False


def _check_sqlite(path: Path) -> None:
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as err:
        raise StoreError(f"cannot open {path}: {err}") from err
    try:
        app = db.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        versions = (
            {r[0] for r in db.execute("SELECT version FROM schema_migrations")}
            if "schema_migrations" in tables
            else set()
        )
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path} is not a crosscheck store ({err})") from err
    finally:
        db.close()
    # Stores written before the application id was set are known by their first migration;
    # one another connection is creating right now has only the migrations table as yet.
    ours = (
        app == APPLICATION_ID
        or (app == 0 and 1 in versions and "articles" in tables)
        or (tables == {"schema_migrations"} and not versions)
    )
    if not ours and (tables or app):
        raise StoreError(
            f"{path} is another program's SQLite database, not a crosscheck store; "
            "it was left untouched"
        )
    known = max(v for v, _ in _migrations())
    if versions and max(versions) > known:
        raise StoreError(
            f"{path} was written by a newer crosscheck (store schema {max(versions)}; this "
            f"version reads up to {known}): upgrade crosscheck to open it"
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore:
    def __init__(self, path: str | Path, *, any_thread: bool = False, create: bool = True) -> None:
        """`any_thread`: the caller guarantees one thread at a time uses this store (a
        server's pool hands each thread its own, but closes them all from one). `create`:
        start an empty store when there is none at `path` (else StoreError).

        Raises StoreError, before writing anything, when `path` holds something that is not
        a crosscheck store, or a store of a newer crosscheck."""
        self.path = Path(path)
        fresh = check_store_file(self.path, create)
        if fresh:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # isolation_level=None: transactions are opened explicitly, one per write.
            self._db = sqlite3.connect(
                self.path, isolation_level=None, timeout=30, check_same_thread=not any_thread
            )
        except sqlite3.Error as err:
            raise StoreError(f"cannot open {self.path}: {err}") from err
        try:
            self._prepare()
        except sqlite3.OperationalError as err:
            self._db.close()
            # A read-only file or folder, a full disk: say so now, not on the first write.
            raise StoreError(f"cannot write to the store {self.path}: {err}") from err

    def _prepare(self) -> None:
        """WAL mode and the schema. Switching a new file to WAL answers "database is locked"
        at once, without waiting, while another connection does the same (a server's
        threads opening a new store together): that is retried, briefly."""
        deadline = time.monotonic() + _OPEN_PATIENCE
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                break
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    # -- schema -----------------------------------------------------------------
    def _migrate(self) -> None:
        with self._transaction():
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        done = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
        for version, entry in _migrations():
            if version in done:
                continue
            with self._transaction():
                # Another connection (a server's other thread) may have applied it since
                # `done` was read; the write lock this transaction holds settles it.
                if self._db.execute(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", (version,)
                ).fetchone():
                    continue
                for statement in entry.read_text().split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, entry.name, _now())
                )

    def _in(self, sql: str, ids: Iterable[str], *before: object) -> list[tuple]:
        """Run `sql` over any number of ids, in chunks SQLite accepts: `{marks}` is where the
        chunk's placeholders go, `before` the parameters ahead of them."""
        rows: list[tuple] = []
        for chunk in _chunks(sorted(set(ids)), _BATCH):
            marks = ",".join("?" * len(chunk))
            rows.extend(self._db.execute(sql.format(marks=marks), (*before, *chunk)).fetchall())
        return rows

    def schema_version(self) -> int:
        return self._db.execute(
            "SELECT COALESCE(MAX(version), 0) FROM schema_migrations"
        ).fetchone()[0]

    def _transaction(self):
        return _Transaction(self._db)

    # -- articles ---------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> list[Added]:
        results: list[Added] = []
        with self._transaction():
            for article in articles:
                results.append(self._add_article(article))
        return results

    def _add_article(self, article: Article) -> Added:
        db = self._db
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
            return Added(article.id, "exists")
        for other, outlet, title in db.execute(
            "SELECT id, outlet, title FROM articles WHERE content_hash = ?", (article.content_hash,)
        ):
            # Only the same report read again (another file form of it) is a duplicate: the
            # same text under another outlet or headline is syndication, which linking must see.
            if outlet == article.outlet and title == article.title:
                db.execute(
                    "INSERT OR IGNORE INTO duplicates VALUES (?, ?, ?)",
                    (article.source, other, _now()),
                )
                return Added(article.id, "duplicate", other)
        db.execute(
            f"INSERT INTO articles ({_ARTICLE_COLUMNS}, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.source,
                article.text,
                article.content_hash,
                article.title,
                article.outlet,
                article.published,
                article.url,
                article.author,
                _now(),
            ),
        )
        return Added(article.id, "added")

    def add_rejections(self, rejections: Iterable[Rejection]) -> None:
        rows = [(r.source, r.reason, _now()) for r in rejections]
        if rows:
            with self._transaction():
                self._db.executemany(
                    "INSERT INTO rejections (source, reason, seen_at) VALUES (?, ?, ?)", rows
                )

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        query = f"SELECT {_ARTICLE_COLUMNS} FROM articles"
        if ids is None:
            for row in self._db.execute(query + " ORDER BY rowid"):
                yield Article(*row)
            return
        for row in self._in(query + " WHERE id IN ({marks})", ids):
            yield Article(*row)

    def article_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # -- analyses ---------------------------------------------------------------
    def unanalysed(self, analyzer: str) -> list[str]:
        """Articles with no analysis by `analyzer`, but for those it failed on."""
        rows = self._db.execute(
            "SELECT a.id FROM articles a LEFT JOIN analyses x ON x.article_id = a.id "
            "LEFT JOIN failed_analyses f ON f.article_id = a.id AND f.analyzer = ?1 "
            "WHERE (x.article_id IS NULL OR x.analyzer != ?1) AND f.article_id IS NULL "
            "ORDER BY a.rowid",
            (analyzer,),
        )
        return [r[0] for r in rows]

    def failed_analyses(self, analyzer: str) -> list[AnalysisFailure]:
        rows = self._db.execute(
            "SELECT article_id, error FROM failed_analyses WHERE analyzer = ? ORDER BY rowid",
            (analyzer,),
        )
        return [AnalysisFailure(*row) for row in rows]

    def put_analyses(
        self,
        analyzer: str,
        analyses: Iterable[Analysis],
        failures: Iterable[AnalysisFailure] = (),
    ) -> None:
        """Store analyses, and the articles `analyzer` failed on, in one transaction."""
        items = list(analyses)
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO failed_analyses VALUES (?, ?, ?, ?)",
                ((f.article, analyzer, f.error, _now()) for f in failures),
            )
            self._db.executemany(
                "DELETE FROM failed_analyses WHERE article_id = ?", ((a.article,) for a in items)
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?)",
                ((a.article, analyzer, codec.dumps(a)) for a in items),
            )
            self._db.executemany(
                "DELETE FROM outlet_states WHERE article_id = ?", ((a.article,) for a in items)
            )
            self._db.executemany(
                "INSERT INTO outlet_states SELECT id, outlet, ? FROM articles"
                " WHERE id = ? AND outlet IS NOT NULL",
                ((state, a.article) for a in items for state in sorted(a.us_states)),
            )

    def outlet_states(self, outlets: Iterable[str]) -> dict[str, OutletStates]:
        outlets = list(outlets)
        articles = dict(
            self._in(
                "SELECT outlet, COUNT(DISTINCT article_id) FROM outlet_states"
                " WHERE outlet IN ({marks}) GROUP BY outlet",
                outlets,
            )
        )
        states: dict[str, dict[str, int]] = {}
        for outlet, state, count in self._in(
            "SELECT outlet, state, COUNT(*) FROM outlet_states"
            " WHERE outlet IN ({marks}) GROUP BY outlet, state",
            outlets,
        ):
            states.setdefault(outlet, {})[state] = count
        return {o: OutletStates(o, n, states.get(o, {})) for o, n in articles.items()}

    def analyses(self, ids: Iterable[str] | None = None) -> dict[str, Analysis]:
        if ids is None:
            every = self._db.execute("SELECT article_id, data FROM analyses")
            return {aid: codec.loads(Analysis, data) for aid, data in every}
        rows = self._in("SELECT article_id, data FROM analyses WHERE article_id IN ({marks})", ids)
        return {aid: codec.loads(Analysis, data) for aid, data in rows}

    # -- linkage ----------------------------------------------------------------
    def put_linkage(self, linkage: Linkage) -> None:
        with self._transaction():
            self._put_linkage(linkage)

    def _put_linkage(self, linkage: Linkage) -> None:
        # Every story stored now is stale: kept in the list until reconciled or removed.
        self._db.execute("INSERT OR IGNORE INTO unreconciled SELECT id FROM stories")
        self._db.execute("DELETE FROM story_members")
        self._db.execute("DELETE FROM derivations")
        self._db.execute("DELETE FROM unsupported")
        self._db.execute("DELETE FROM altered")
        self._insert_linkage(linkage)

    def _insert_linkage(self, linkage: Linkage) -> None:
        self._db.executemany(
            "INSERT OR IGNORE INTO unreconciled VALUES (?)", ((s,) for s in linkage.stories)
        )
        self._db.executemany(
            "INSERT INTO story_members VALUES (?, ?, ?)",
            (
                (a, s, linkage.origin_of.get(a, a))
                for s, members in linkage.stories.items()
                for a in members
            ),
        )
        self._db.executemany(
            "INSERT INTO derivations VALUES (?, ?, ?, ?, ?)",
            ((d.article, d.source, d.kind, d.score, d.direction) for d in linkage.derivations),
        )
        self._db.executemany(
            "INSERT INTO unsupported VALUES (?, ?, ?, ?, ?)",
            (
                (u.article, u.origin, u.span.start, u.span.end, u.span.text)
                for u in linkage.unsupported
            ),
        )
        self._db.executemany(
            "INSERT INTO altered VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    a.article,
                    a.origin,
                    a.field,
                    a.value,
                    a.origin_value,
                    a.span.start,
                    a.span.end,
                    a.span.text,
                    a.origin_span.start,
                    a.origin_span.end,
                    a.origin_span.text,
                )
                for a in linkage.altered
            ),
        )

    def linkage(self, articles: Iterable[str] | None = None) -> Linkage:
        """The whole linkage, or only the stories holding `articles` (each story whole, with
        its members' derivations and unsupported sentences)."""
        members = "SELECT rowid, article_id, story_id, origin FROM story_members"
        derived = "SELECT article_id, source_id, kind, score, direction FROM derivations"
        added = 'SELECT article_id, origin_id, start, "end", text FROM unsupported'
        changed = (
            'SELECT article_id, origin_id, field, value, origin_value, start, "end", text, '
            "origin_start, origin_end, origin_text FROM altered"
        )
        if articles is None:
            rows = self._db.execute(members).fetchall()
            derivations = self._db.execute(derived).fetchall()
            unsupported = self._db.execute(added).fetchall()
            altered = self._db.execute(changed).fetchall()
        else:
            holding = "SELECT DISTINCT story_id FROM story_members WHERE article_id IN ({marks})"
            stories = [s for (s,) in self._in(holding, articles)]
            rows = self._in(members + " WHERE story_id IN ({marks})", stories)
            ids = [r[1] for r in rows]
            derivations = self._in(derived + " WHERE article_id IN ({marks})", ids)
            unsupported = self._in(added + " WHERE article_id IN ({marks})", ids)
            altered = self._in(changed + " WHERE article_id IN ({marks})", ids)
        grouped: dict[str, list[str]] = {}
        for _, article, story, _ in sorted(rows, key=lambda r: (r[2], r[0])):
            grouped.setdefault(story, []).append(article)
        return Linkage(
            {s: tuple(m) for s, m in grouped.items()},
            tuple(Derivation(*row) for row in sorted(derivations, key=lambda r: r[:2])),
            {article: origin for _, article, _, origin in rows},
            tuple(
                Unsupported(article, origin, Span(article, start, end, text))
                for article, origin, start, end, text in sorted(unsupported, key=lambda r: r[:3])
            ),
            tuple(_altered(row) for row in sorted(altered, key=lambda r: (r[0], r[5], r[2]))),
        )

    def story_count(self) -> int:
        return self._db.execute("SELECT COUNT(DISTINCT story_id) FROM story_members").fetchone()[0]

    def update_linkage(self, removed: Iterable[str], linkage: Linkage) -> None:
        """Replace some stories: `removed` are dropped, `linkage` covers the stories that
        take their place (with their members' derivations and unsupported sentences)."""
        with self._transaction():
            self._update_linkage(removed, linkage)

    def _update_linkage(self, removed: Iterable[str], linkage: Linkage) -> None:
        removed = list(removed)
        members = [a for m in linkage.stories.values() for a in m]
        self._db.executemany(
            "INSERT OR IGNORE INTO unreconciled VALUES (?)", ((s,) for s in removed)
        )
        self._in("DELETE FROM story_members WHERE story_id IN ({marks})", removed)
        for table in ("story_members", "derivations", "unsupported", "altered"):
            self._in(f"DELETE FROM {table} WHERE article_id IN ({{marks}})", members)
        self._insert_linkage(linkage)

    def commit_link(
        self,
        linkage: Linkage,
        entries: Iterable[IndexEntry],
        *,
        removed: Iterable[str] = (),
        version: str | None = None,
    ) -> None:
        """One link run's writes in one transaction: with `version`, a full link (the index
        reset to that version, the linkage replaced); without, an incremental one (the
        `removed` stories dropped, `linkage`'s stories replaced). Either way the index
        entries of the articles linked, and the stories to reconcile again."""
        with self._transaction():
            if version is not None:
                self._reset_index(version)
                self._put_linkage(linkage)
            else:
                self._update_linkage(removed, linkage)
            self._add_to_index(list(entries))

    def unreconciled(self) -> list[str]:
        """Stories whose linkage changed since their record was last written."""
        return [r[0] for r in self._db.execute("SELECT story_id FROM unreconciled ORDER BY 1")]

    def members_of(self, stories: Iterable[str]) -> list[str]:
        query = "SELECT article_id FROM story_members WHERE story_id IN ({marks}) ORDER BY rowid"
        return [r[0] for r in self._in(query, stories)]

    # -- link index -------------------------------------------------------------
    def index_version(self) -> str | None:
        row = self._db.execute("SELECT value FROM link_meta WHERE name = 'analyzer'").fetchone()
        return row[0] if row else None

    def reset_index(self, version: str) -> None:
        with self._transaction():
            self._reset_index(version)

    def _reset_index(self, version: str) -> None:
        for table in ("link_profiles", "link_terms", "link_postings", "link_meta"):
            self._db.execute(f"DELETE FROM {table}")
        self._db.execute("INSERT INTO link_meta VALUES ('analyzer', ?)", (version,))

    def unindexed(self) -> list[str]:
        rows = self._db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM link_profiles) "
            "ORDER BY rowid"
        )
        return [r[0] for r in rows]

    def index_size(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM link_profiles").fetchone()[0]

    def add_to_index(self, entries: Iterable[IndexEntry]) -> None:
        with self._transaction():
            self._add_to_index(list(entries))

    def _add_to_index(self, entries: list[IndexEntry]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO link_profiles VALUES (?, ?)",
            ((e.article, e.profile) for e in entries),
        )
        for field in ("terms", "headline"):
            counts = Counter(t for e in entries for t in set(getattr(e, field)))
            self._db.executemany(
                "INSERT INTO link_terms VALUES (?, ?, ?) "
                "ON CONFLICT (field, term) DO UPDATE SET df = df + excluded.df",
                ((field, term, n) for term, n in counts.items()),
            )
        self._db.executemany(
            "INSERT OR IGNORE INTO link_postings VALUES (?, ?)",
            ((key, e.article) for e in entries for key in e.keys),
        )

    def document_frequencies(self, field: str, terms: Iterable[str]) -> dict[str, int]:
        query = "SELECT term, df FROM link_terms WHERE field = ? AND term IN ({marks})"
        return dict(self._in(query, terms, field))

    def postings(self, keys: Iterable[str], limit: int) -> dict[str, list[str]]:
        """Articles filed under each key; a key with more than `limit` says too little to
        be worth reading and comes back empty."""
        found: dict[str, list[str]] = {}
        for key in set(keys):
            rows = self._db.execute(
                "SELECT article_id FROM link_postings WHERE key = ? LIMIT ?", (key, limit + 1)
            ).fetchall()
            found[key] = [r[0] for r in rows] if len(rows) <= limit else []
        return found

    def link_profiles(self, ids: Iterable[str]) -> dict[str, str]:
        query = "SELECT article_id, data FROM link_profiles WHERE article_id IN ({marks})"
        return dict(self._in(query, ids))

    # -- sentence vectors -------------------------------------------------------
    def sentence_vectors(self, model: str, ids: Iterable[str]) -> dict[str, bytes]:
        query = (
            "SELECT article_id, data FROM sentence_vectors "
            "WHERE model = ? AND article_id IN ({marks})"
        )
        return dict(self._in(query, ids, model))

    def put_sentence_vectors(self, model: str, vectors: Mapping[str, bytes]) -> None:
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO sentence_vectors VALUES (?, ?, ?)",
                ((article, model, data) for article, data in vectors.items()),
            )

    # -- stories ----------------------------------------------------------------
    def put_stories(self, stories: Iterable[StoryRecord]) -> None:
        with self._transaction():
            self._bump_stories()
            self._db.execute("DELETE FROM stories")
            self._db.execute("DELETE FROM unreconciled")
            self._db.executemany(
                "INSERT INTO stories VALUES (?, ?)", ((s.id, codec.dumps(s)) for s in stories)
            )

    def replace_stories(self, removed: Iterable[str], stories: Iterable[StoryRecord]) -> None:
        records = list(stories)
        removed = list(removed)
        with self._transaction():
            self._bump_stories()
            self._in("DELETE FROM stories WHERE id IN ({marks})", removed)
            self._db.executemany(
                "INSERT OR REPLACE INTO stories VALUES (?, ?)",
                ((s.id, codec.dumps(s)) for s in records),
            )
            done = [*removed, *(s.id for s in records)]
            self._in("DELETE FROM unreconciled WHERE story_id IN ({marks})", done)

    def stories(self) -> list[StoryRecord]:
        rows = self._db.execute("SELECT data FROM stories ORDER BY rowid")
        return [codec.loads(StoryRecord, data) for (data,) in rows]

    def story(self, story_id: str) -> StoryRecord | None:
        row = self._db.execute("SELECT data FROM stories WHERE id = ?", (story_id,)).fetchone()
        return codec.loads(StoryRecord, row[0]) if row else None

    def stories_generation(self) -> int:
        """A number that changes whenever the stored stories do."""
        return self._db.execute(
            "SELECT value FROM store_meta WHERE name = 'stories_generation'"
        ).fetchone()[0]

    def _bump_stories(self) -> None:
        self._db.execute(
            "UPDATE store_meta SET value = value + 1 WHERE name = 'stories_generation'"
        )

    def rejection_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM rejections").fetchone()[0]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error so a failed write leaves no trace."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _altered(row: tuple) -> Altered:
    article, origin, field, value, origin_value, start, end, text, o_start, o_end, o_text = row
    return Altered(
        article,
        origin,
        field,
        value,
        origin_value,
        Span(article, start, end, text),
        Span(origin, o_start, o_end, o_text),
    )
