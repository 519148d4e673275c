"""The Neo4j Browser style (GraSS) for a lexgraph graph, generated from the ontology.

Each document type (a second label beside `Document`) gets its own colour, documents are captioned by
their number (or a law's name), bodies by their name, parts by their label ('khoản 2'), relationships by their type
(an effect on a part, AFFECTS, by its kind). A type added to
`ontology/document_types.tsv` gets the next colour of the palette. `lexgraph neo4j style` prints it;
`app/neo4j_files/lexgraph.grass` is the same text, kept in step by a test.
"""

from __future__ import annotations

from graph.vocab import vocabulary

# colour-blind-safe-ish qualitative palette (fill, border)
PALETTE = [
    ("#4C8EDA", "#2870C2"), ("#F16667", "#EB2728"), ("#57C7E3", "#23B3D7"), ("#F79767", "#F36924"),
    ("#8DCC93", "#5DB665"), ("#ECB5C9", "#DA7298"), ("#FFC454", "#D7A013"), ("#DA7194", "#CC3C6C"),
    ("#569480", "#447666"), ("#D9C8AE", "#C0A378"), ("#A5ABB6", "#9AA1AC"), ("#C990C0", "#B261A5"),
]
AGENCY_COLOUR = ("#6C3483", "#4A235A")
PART_COLOUR = ("#E8E8E8", "#B0B4BC")


def colours() -> dict[str, tuple[str, str]]:
    """Type id -> (fill, border), in the ontology's order."""
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(vocabulary().doc_types)}


def grass() -> str:
    lines = [
        "node {", "  diameter: 50px;", "  color: #A5ABB6;", "  border-color: #9AA1AC;", "  border-width: 2px;",
        "  text-color-internal: #FFFFFF;", "  font-size: 10px;", "}",
        "relationship {", "  color: #A5ABB6;", "  shaft-width: 2px;", "  font-size: 9px;", "  padding: 3px;",
        "  text-color-external: #000000;", "  text-color-internal: #FFFFFF;", '  caption: "<type>";', "}",
        "node.Document {", "  diameter: 80px;", '  caption: "{caption}";', "}",
    ]
    for type_id, (fill, border) in colours().items():
        lines += [f"node.{type_id} {{", f"  color: {fill};", f"  border-color: {border};",
                  '  caption: "{caption}";', "}"]
    fill, border = AGENCY_COLOUR
    lines += ["node.Agency {", "  diameter: 70px;", f"  color: {fill};", f"  border-color: {border};",
              '  caption: "{name}";', "}"]
    # the parts of a document read in full (Điều 8, khoản 2 …), small, captioned by their label
    lines += ["node.Part {", "  diameter: 35px;", f"  color: {PART_COLOUR[0]};", f"  border-color: {PART_COLOUR[1]};",
              "  text-color-internal: #000000;", '  caption: "{label}";', "}"]
    for rel, colour in (("REPLACES", "#EB2728"), ("REPEALS", "#CC3C6C"), ("AMENDS", "#F36924"),
                        ("IMPLEMENTS", "#5DB665"), ("GUIDES", "#2870C2")):
        lines += [f"relationship.{rel} {{", f"  color: {colour};", "  shaft-width: 3px;", "}"]
    lines += ["relationship.HAS_PART {", "  color: #C0C4CC;", "  shaft-width: 1px;", "}",
              "relationship.AFFECTS {", "  color: #F36924;", "  shaft-width: 2px;", '  caption: "{kind}";', "}"]
    return "\n".join(lines) + "\n"
