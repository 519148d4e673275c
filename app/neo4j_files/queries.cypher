// Ready queries for Neo4j Browser over a lexgraph graph. Paste one into the editor and run it.
// Numbers are matched as the issuer writes them (d.number) or by canonical key (d.key, folded: 43/2011/ND-CP).
// The local server (`lexgraph neo4j start`) applies the style and plays a guide with these queries after connecting, from
// the lexgraph service (`lexgraph serve`). Elsewhere: `lexgraph neo4j style`, then `:style ` and the text in Browser.

// 1. What replaced Nghị định 43/2011/NĐ-CP, and the chain to the document in force (with its issuer)
MATCH (old:Document {number: '43/2011/NĐ-CP'})
MATCH p = (old)<-[:REPLACES*1..10]-(now:Document)
WHERE NOT (now)<-[:REPLACES]-(:Document)
OPTIONAL MATCH (now)-[i:ISSUED_BY]->(a:Agency)
RETURN p, i, a;

// 2. The same as a table, with the sentence that states each replacement
MATCH (old:Document {number: '43/2011/NĐ-CP'})<-[r:REPLACES]-(new:Document)
RETURN new.number AS replaced_by, new.date AS date, r.evidence[0] AS evidence;

// 3. Documents of one issuer (Bộ Thông tin và Truyền thông), newest first
MATCH (d:Document)-[:ISSUED_BY]->(a:Agency {id: 'BTTTT'})
RETURN d.number AS number, d.type AS type, d.date AS date, d.title AS title
ORDER BY d.date DESC;

// 4. What implements Nghị quyết 52-NQ/TW, and who issued it
MATCH (r:Document {number: '52-NQ/TW'})<-[i:IMPLEMENTS]-(d:Document)
OPTIONAL MATCH (d)-[b:ISSUED_BY]->(a:Agency)
RETURN r, i, d, b, a;

// 5. The neighbourhood of a document (two steps)
MATCH p = (d:Document {number: '42/2022/NĐ-CP'})-[*1..2]-(x)
RETURN p LIMIT 100;

// 6. Full-text search of titles, with or without diacritics
CALL db.index.fulltext.queryNodes('document_titles', 'cung cap thong tin moi truong mang') YIELD node, score
RETURN node.number AS number, node.title AS title, score LIMIT 10;

// 7. Documents stated to be replaced or repealed (no longer in force, as far as the texts say)
MATCH (d:Document)<-[r:REPLACES|REPEALS]-(by:Document)
RETURN d.number AS document, type(r) AS how, by.number AS by ORDER BY document;
