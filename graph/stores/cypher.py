"""Every Cypher statement lexgraph sends to Neo4j, in one place.

Values always travel as parameters. The only names ever formatted into query text are labels and
relationship types, and those come from the ontology (`ontology/*.tsv`) and are checked against it
here: a name that is not a plain identifier of the vocabulary raises before any query is built.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import AGENCY_RELATIONS
from ..vocab import vocabulary

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")

DOCUMENT = "Document"
AGENCY = "Agency"
PART = "Part"  # a part of a document read in full: (:Document)-[:HAS_PART]->(:Part)-[:HAS_PART]->(:Part)
HAS_PART = "HAS_PART"
AFFECTS = "AFFECTS"  # (:Document)-[:AFFECTS {type, kind, written, date}]->(:Part): an effect on a part, for Browser users


def relation_types() -> tuple[str, ...]:
    return tuple(vocabulary().relation_types)


def document_labels() -> tuple[str, ...]:
    return tuple(vocabulary().doc_types)


def _checked(name: str, allowed: tuple[str, ...]) -> str:
    if name not in allowed or not _IDENT.match(name):
        raise ValueError(f"{name!r} is not a term of the ontology")
    return name


def document_label(type_id: str) -> str:
    """A document type's label, checked against the ontology (also for files written for a bulk import)."""
    return _checked(type_id, document_labels())


def relationship_type(type_: str) -> str:
    """A relationship type, checked against the ontology."""
    return _checked(type_, relation_types())


# schema ------------------------------------------------------------------------------------------------
SCHEMA = (
    f"CREATE CONSTRAINT document_key IF NOT EXISTS FOR (d:{DOCUMENT}) REQUIRE d.key IS UNIQUE",
    f"CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (a:{AGENCY}) REQUIRE a.id IS UNIQUE",
    f"CREATE INDEX document_base IF NOT EXISTS FOR (d:{DOCUMENT}) ON (d.base)",
    f"CREATE INDEX document_number IF NOT EXISTS FOR (d:{DOCUMENT}) ON (d.number)",
    f"CREATE INDEX document_name_base IF NOT EXISTS FOR (d:{DOCUMENT}) ON (d.name_base)",
    f"CREATE INDEX document_type IF NOT EXISTS FOR (d:{DOCUMENT}) ON (d.type_id)",
    f"CREATE INDEX document_issuer IF NOT EXISTS FOR (d:{DOCUMENT}) ON (d.issuer)",
    f"CREATE INDEX document_year IF NOT EXISTS FOR (d:{DOCUMENT}) ON (d.year)",
    f"CREATE TEXT INDEX document_search IF NOT EXISTS FOR (d:{DOCUMENT}) ON (d.search)",
    f"CREATE FULLTEXT INDEX document_titles IF NOT EXISTS FOR (d:{DOCUMENT}) ON EACH [d.title, d.number, d.name]"
    " OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",  # diacritics folded: 'dich vu' finds 'dịch vụ'
    f"CREATE CONSTRAINT part_id IF NOT EXISTS FOR (p:{PART}) REQUIRE p.id IS UNIQUE",
    f"CREATE INDEX part_doc IF NOT EXISTS FOR (p:{PART}) ON (p.doc)",
)
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"

# writing -----------------------------------------------------------------------------------------------
MERGE_AGENCIES = f"""
UNWIND $rows AS row
MERGE (a:{AGENCY} {{id: row.id}})
ON CREATE SET a.name = row.name, a.name_en = row.name_en
"""


@cache
def merge_documents(type_id: str) -> str:
    """Merge documents of one type; on a second sighting only missing attributes and new evidence are
    added (the same rule as `graph.model.merge_document`). A generic 'Công văn' takes a better type."""
    label = _checked(type_id, document_labels())
    relabel = "" if type_id == "CongVan" else "\nREMOVE d:CongVan"
    return f"""
UNWIND $rows AS row
MERGE (d:{DOCUMENT} {{key: row.key}})
ON CREATE SET d += row.props, d.co_issuers = row.co_issuers, d.evidence = row.evidence,
              d.mentions = row.mentions, d.search_parts = row.parts,
              d.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
              d.effective = CASE WHEN row.effect.effective IS NULL THEN null ELSE date(row.effect.effective) END,
              d.expires = CASE WHEN row.effect.expires IS NULL THEN null ELSE date(row.effect.expires) END,
              d.effective_claims = row.effect.claims, d.effective_conflicts = row.effect.conflicts
ON MATCH SET
  d.search_parts = [i IN range(0, 4) |
      CASE WHEN i = 2 AND d.type_id = 'CongVan' THEN row.parts[i]
           WHEN coalesce(d.search_parts[i], '') <> '' THEN d.search_parts[i] ELSE row.parts[i] END],
  d.number = coalesce(d.number, row.props.number),
  d.name = coalesce(d.name, row.props.name),
  d.name_base = coalesce(d.name_base, row.props.name_base),
  d.issuer = coalesce(d.issuer, row.props.issuer),
  d.date = coalesce(d.date, CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END),
  d.year = coalesce(d.year, row.props.year),
  d.title = coalesce(d.title, row.props.title),
  d.type = CASE WHEN d.type_id = 'CongVan' THEN row.props.type ELSE d.type END,
  d.type_id = CASE WHEN d.type_id = 'CongVan' THEN row.props.type_id ELSE d.type_id END,
  d.co_issuers = coalesce(d.co_issuers, []) + [c IN row.co_issuers WHERE NOT c IN coalesce(d.co_issuers, [])],
  d.evidence = (coalesce(d.evidence, []) + [e IN row.evidence WHERE NOT e IN coalesce(d.evidence, [])])[..$max_evidence],
  d.mentions = CASE WHEN coalesce(d.mentions, 0) > row.mentions THEN d.mentions ELSE row.mentions END
WITH d
SET d.search = reduce(s = '', p IN d.search_parts | CASE WHEN p = '' THEN s ELSE s + ' ' + p END),
    d.caption = coalesce(d.number, d.name, d.key)  // what Neo4j Browser shows on the node
WITH d
WHERE d.type_id = $type_id
SET d:{label}{relabel}
"""


@cache
def create_documents(type_id: str) -> str:
    """Documents not yet stored, written with every property at once (what a first load mostly is): the rows
    carry what `merge_documents` would compute (search text, caption, dates of effect). The key constraint
    guards against a concurrent writer: a key created meanwhile fails the transaction, and the store writes
    that batch again with `merge_documents`."""
    label = _checked(type_id, document_labels())
    return f"UNWIND $rows AS row CREATE (d:{DOCUMENT}:{label}) SET d = row"


# when a document takes effect: merged in Python (graph.model.merge_effective) in the same transaction
SET_EFFECTIVE = f"""
UNWIND $rows AS row
MATCH (d:{DOCUMENT} {{key: row.key}})
SET d.effective = CASE WHEN row.effective IS NULL THEN null ELSE date(row.effective) END,
    d.expires = CASE WHEN row.expires IS NULL THEN null ELSE date(row.expires) END,
    d.effective_claims = row.claims, d.effective_conflicts = row.conflicts
"""


@cache
def merge_relations(type_: str) -> str:
    """Merge relations of one type between nodes already written; evidence is added, never doubled."""
    t = _checked(type_, relation_types())
    target = f"(t:{AGENCY} {{id: row.target}})" if t in AGENCY_RELATIONS else f"(t:{DOCUMENT} {{key: row.target}})"
    return f"""
UNWIND $rows AS row
MATCH (s:{DOCUMENT} {{key: row.source}})
MATCH {target}
WHERE s <> t
MERGE (s)-[r:{t}]->(t)
ON CREATE SET r.evidence = row.evidence, r.effects = row.effects
ON MATCH SET r.evidence = (r.evidence + [e IN row.evidence WHERE NOT e IN r.evidence])[..$max_evidence],
             r.effects = (coalesce(r.effects, []) + [e IN row.effects WHERE NOT e IN coalesce(r.effects, [])])[..$max_effects]
"""


# the parts of documents read in full ($rows: one per document, its key and its parts in text order, each with the id
# of the part that holds it, or null for a top part): the document's parts written anew (those it had are deleted,
# with the AFFECTS to them, which `MERGE_AFFECTS` writes again from the relations' effects)
WRITE_PARTS = f"""
UNWIND $rows AS row
MATCH (d:{DOCUMENT} {{key: row.key}})
CALL (d) {{ MATCH (p:{PART} {{doc: d.key}}) DETACH DELETE p }}
WITH d, row
UNWIND row.parts AS part
CREATE (p:{PART} {{id: d.key + '#' + part.part}})
SET p += part, p.doc = d.key
WITH d, p
OPTIONAL MATCH (up:{PART} {{id: d.key + '#' + p.parent}})
FOREACH (_ IN CASE WHEN up IS NULL THEN [1] ELSE [] END | CREATE (d)-[:{HAS_PART}]->(p))
FOREACH (_ IN CASE WHEN up IS NULL THEN [] ELSE [1] END | CREATE (up)-[:{HAS_PART}]->(p))
"""

# every part of a document, in text order
PARTS = f"MATCH (p:{PART} {{doc: $key}}) RETURN p ORDER BY p.order"
ALL_PARTS = f"MATCH (p:{PART}) RETURN p ORDER BY p.doc, p.order"

# the effects of relations on parts as AFFECTS relationships from the acting document to each part it names that the
# store holds (one row per acting document, relation type, kind and part; the effect's own properties on it)
MERGE_AFFECTS = f"""
UNWIND $rows AS row
MATCH (s:{DOCUMENT} {{key: row.source}})
MATCH (p:{PART} {{id: row.part}})
MERGE (s)-[a:{AFFECTS} {{type: row.type, kind: row.kind}}]->(p)
SET a.written = row.written, a.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
    a.by_part = row.by_part
"""


DELETE_DOCUMENT = f"""
MATCH (d:{DOCUMENT} {{key: $key}})
CALL (d) {{ MATCH (p:{PART} {{doc: d.key}}) DETACH DELETE p }}
DETACH DELETE d
"""

UNDATED_TWINS = f"""
UNWIND $bases AS b
MATCH (d:{DOCUMENT} {{base: b}})
WITH b, collect(d.key) AS keys
WHERE size(keys) = 2 AND b IN keys
RETURN b AS old, [k IN keys WHERE k <> b][0] AS new
"""

# relationships first, in bounded transactions: deleting a node deletes all its relationships in one
# transaction, and a body that issued 400,000 documents would exceed the transaction memory pool
CLEAR = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)

# reading -----------------------------------------------------------------------------------------------
GET_DOCUMENTS = f"UNWIND $keys AS k MATCH (d:{DOCUMENT} {{key: k}}) RETURN d"
# a document's brief (`Document.brief`): every property a Document has but its evidence and statements of
# effect, which are most of its bytes (1.6 KB of 2 KB on the Gazette graph) — what lists, labels and chains show
BRIEF = "{.key, .number, .name, .type, .type_id, .issuer, .co_issuers, .date, .year, .title, .mentions, .effective, .expires}"
# in one record: the driver handles each record as a message of its own (a tenth of a millisecond in Python),
# which for the 200 neighbours of a much-cited document cost more than the query
GET_BRIEFS = f"UNWIND $keys AS k MATCH (d:{DOCUMENT} {{key: k}}) RETURN collect(d {BRIEF}) AS docs"
EXISTING_KEYS = f"UNWIND $keys AS k MATCH (d:{DOCUMENT} {{key: k}}) RETURN k AS key"

KEYS_WITH_BASE = f"MATCH (d:{DOCUMENT} {{base: $base}}) RETURN d.key AS key ORDER BY key"
KEYS_NAMED = f"MATCH (d:{DOCUMENT} {{name_base: $base}}) RETURN d.key AS key ORDER BY key"
# the documents a reference names (`graph.stores.base.Lookup`): by their key's base (a number, or a law's name)
# or, for a law asked for by its name ($named), by the name a law keyed by its number bears; or, for a number
# written without its code ('Nghị định 43/2011'), by the start of their key ($prefix '43/2011/') and their types
_CANDIDATES = f"""CALL () {{
  MATCH (d:{DOCUMENT} {{base: $base}}) RETURN d
  UNION
  MATCH (d:{DOCUMENT} {{name_base: $base}}) WHERE $named RETURN d
  UNION
  MATCH (d:{DOCUMENT}) WHERE d.key STARTS WITH $prefix AND ($type_ids IS NULL OR d.type_id IN $type_ids) RETURN d
}}
WITH d WHERE $year IS NULL OR d.key ENDS WITH $suffix OR d.year = $year"""
CANDIDATES = f"""
{_CANDIDATES}
RETURN d ORDER BY d.key
"""


def _relations(briefs: bool) -> str:
    """A document's (`d`) relations one way or both ($outgoing, $incoming), of $types (null: every type), as `outs`
    and `ins`; with `briefs`, the briefs of the documents at their other ends too, as `out_docs` and `in_docs`."""
    def side(arrow: str, direction: str) -> str:
        docs = f",\n         collect(CASE WHEN o:{DOCUMENT} THEN o {BRIEF} END) AS {direction}_docs" if briefs else ""
        flag = "$outgoing" if direction == "out" else "$incoming"
        return f"""CALL (d) {{
  MATCH {arrow} WHERE {flag} AND ($types IS NULL OR type(r) IN $types) AND NOT o:{PART}
  RETURN collect({{type: type(r), direction: '{direction}', other: coalesce(o.key, o.id), evidence: r.evidence,
                   effects: r.effects}}) AS {direction}s{docs}
}}"""
    return side("(d)-[r]->(o)", "out") + "\n" + side("(d)<-[r]-(o)", "in")


# the relations of several documents ($keys), in one record
RELATIONS_OF = f"""
UNWIND $keys AS k
MATCH (d:{DOCUMENT} {{key: k}})
{_relations(briefs=False)}
RETURN collect({{key: d.key, rels: outs + ins}}) AS rows
"""

# the documents a reference names, each with its relations and the briefs of the documents they name: what a
# document's page needs, in one round trip (the reference is resolved among the candidates in Python)
DOCUMENT_RELATIONS = f"""
{_CANDIDATES}
{_relations(briefs=True)}
RETURN d, outs + ins AS rels, out_docs + in_docs AS others ORDER BY d.key
"""


# every REPLACES edge reachable from a document, one way, with the documents at both ends (one round trip)
REPLACES_REACHABLE = {
    "in": f"""
MATCH (d:{DOCUMENT} {{key: $key}})
MATCH p = (d)<-[:REPLACES*1..25]-(:{DOCUMENT})
UNWIND relationships(p) AS r
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS t
RETURN s {BRIEF} AS s, t {BRIEF} AS t, r.evidence AS evidence
""",
    "out": f"""
MATCH (d:{DOCUMENT} {{key: $key}})
MATCH p = (d)-[:REPLACES*1..25]->(:{DOCUMENT})
UNWIND relationships(p) AS r
WITH DISTINCT r
WITH r, startNode(r) AS s, endNode(r) AS t
RETURN s {BRIEF} AS s, t {BRIEF} AS t, r.evidence AS evidence
""",
}


# the documents a reference names and, for each, every REPLACES edge reachable one way: what `/replaced-by`
# needs, in one round trip (the reference is resolved among the candidates in Python)
CANDIDATE_CHAINS = {
    direction: f"""
{_CANDIDATES}
CALL (d) {{
  OPTIONAL MATCH p = (d){arrow}(:{DOCUMENT})
  UNWIND relationships(p) AS r
  WITH DISTINCT r
  WITH r, startNode(r) AS s, endNode(r) AS t
  RETURN collect({{s: s {BRIEF}, t: t {BRIEF}, evidence: r.evidence}}) AS edges
}}
RETURN d {BRIEF} AS d, edges ORDER BY d.key
"""
    for direction, arrow in (("in", "<-[:REPLACES*1..25]-"), ("out", "-[:REPLACES*1..25]->"))
}


def find_documents(n_tokens: int) -> str:
    """A page of documents and the total, filtered by type ids, issuer, year and folded query tokens, in one
    round trip. One `CONTAINS $tN` predicate per token (tokens are parameters; only their count shapes the text)."""
    where = [
        "($type_ids IS NULL OR d.type_id IN $type_ids)",
        "($issuer IS NULL OR d.issuer = $issuer OR $issuer IN d.co_issuers)",
        "($year IS NULL OR d.year = $year)",
    ] + [f"d.search CONTAINS $t{i}" for i in range(n_tokens)]
    match = f"MATCH (d:{DOCUMENT}) WHERE " + " AND ".join(where)
    # with words, by relevance: the words as a phrase ($phrase) first, then the newest year, then the key
    order = ("CASE WHEN d.search CONTAINS $phrase THEN 0 ELSE 1 END, coalesce(d.year, -1) DESC, d.key" if n_tokens
             else "d.key")
    return (f"CALL () {{ {match} RETURN count(d) AS n }}\n"
            f"CALL () {{ {match} WITH d ORDER BY {order} SKIP $offset LIMIT $limit RETURN collect(d {BRIEF}) AS docs }}\n"
            "RETURN n, docs")


AGENCIES = f"""
MATCH (a:{AGENCY})
RETURN a, COUNT {{ (a)<-[:ISSUED_BY]-(:{DOCUMENT}) }} AS n
ORDER BY a.id
"""

COUNT_DOCUMENTS = f"MATCH (d:{DOCUMENT}) RETURN count(d) AS n"
COUNT_AGENCIES = f"MATCH (a:{AGENCY}) RETURN count(a) AS n"


@cache
def count_relations(type_: str) -> str:
    t = _checked(type_, relation_types())
    return f"MATCH ()-[r:{t}]->() RETURN count(r) AS n"


ALL_DOCUMENTS = f"MATCH (d:{DOCUMENT}) RETURN d ORDER BY d.key SKIP $skip LIMIT $limit"
ALL_RELATIONS = f"""
MATCH (s:{DOCUMENT})-[r]->(t) WHERE NOT t:{PART}
RETURN s.key AS source, type(r) AS type, coalesce(t.key, t.id) AS target, r.evidence AS evidence, r.effects AS effects
ORDER BY source, type, target SKIP $skip LIMIT $limit
"""
ALL_AGENCIES = f"MATCH (a:{AGENCY}) RETURN a ORDER BY a.id"
ALL_KEYS = f"MATCH (d:{DOCUMENT}) RETURN d.key AS key"

TITLE_SEARCH = """
CALL db.index.fulltext.queryNodes('document_titles', $text) YIELD node, score
RETURN node.key AS key, score ORDER BY score DESC LIMIT $limit
"""

PING = "RETURN 1 AS ok"

# the kept sources and the graph made equal to theirs (graph.incremental; Neo4jStore.replace_graph) --------------
SOURCE = "LexgraphSource"  # one node per kept source: its name and its extraction (compressed JSON, never code)
SOURCE_SCHEMA = f"CREATE CONSTRAINT lexgraph_source_key IF NOT EXISTS FOR (s:{SOURCE}) REQUIRE s.key IS UNIQUE"
KEEP_SOURCES = f"UNWIND $rows AS row MERGE (s:{SOURCE} {{key: row.key}}) SET s.data = row.data"
KEPT_SOURCES = f"MATCH (s:{SOURCE}) RETURN s.key AS key, s.data AS data"
ANY_DOCUMENT = f"MATCH (d:{DOCUMENT}) RETURN d.key AS key LIMIT 1"
DELETE_DOCUMENTS = f"""
UNWIND $rows AS row
MATCH (d:{DOCUMENT} {{key: row.key}})
CALL (d) {{ MATCH (p:{PART} {{doc: d.key}}) DETACH DELETE p }}
DETACH DELETE d
"""
DELETE_AGENCIES = f"UNWIND $rows AS row MATCH (a:{AGENCY} {{id: row.id}}) DETACH DELETE a"


@cache
def delete_relations(type_: str) -> str:
    """Delete relations of one type, each named by its source key and its target's key (a document) or id (a body)."""
    t = _checked(type_, relation_types())
    return f"""
UNWIND $rows AS row
MATCH (s:{DOCUMENT} {{key: row.source}})-[r:{t}]->(t)
WHERE coalesce(t.key, t.id) = row.target
CALL (s, t) {{ MATCH (s)-[a:{AFFECTS} {{type: '{t}'}}]->(:{PART} {{doc: t.key}}) DELETE a }}
DELETE r
"""
