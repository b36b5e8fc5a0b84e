"""Reads GraphML or GEXF the way networkx's readers do, with xml.etree only (networkx
itself is not installable here), and fails loudly where networkx would fail.

GraphML (networkx.readwrite.graphml.GraphMLReader): keys are looked up by id for every
<data>; attr.type must be one of networkx's types; values are converted with int(),
float(), str() or the boolean table; parallel edges make a MultiDiGraph.
GEXF (networkx.readwrite.gexf.GEXFReader): the 1.2draft namespace, declared attributes
with known types, attvalues referring to declared ids.

Usage: python3 networkx_like.py graphml|gexf FILE  -> JSON summary on stdout."""
import json
import sys
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
PY_TYPE = {"integer": int, "yfiles": str, "string": str, "int": int, "long": int,
           "float": float, "double": float, "boolean": bool}
CONVERT_BOOL = {"true": True, "false": False, "0": False, "1": True}


def fail(msg):
    print(msg, file=sys.stderr)
    sys.exit(3)


def read_graphml(path):
    root = ET.parse(path).getroot()
    if root.tag != GRAPHML + "graphml":
        fail("root is not graphml in the GraphML namespace: " + root.tag)
    keys = {}
    for k in root.findall(GRAPHML + "key"):
        attr_type = k.get("attr.type")
        if attr_type not in PY_TYPE:
            fail("attr.type %r of key %s is not one networkx reads" % (attr_type, k.get("id")))
        if k.get("attr.name") is None:
            fail("key %s has no attr.name" % k.get("id"))
        if k.get("id") in keys:
            fail("duplicate key id %s" % k.get("id"))
        keys[k.get("id")] = (k.get("attr.name"), PY_TYPE[attr_type], k.get("for"))
    graphs = root.findall(GRAPHML + "graph")
    if len(graphs) != 1:
        fail("expected one graph, found %d" % len(graphs))
    g = graphs[0]

    def decode(el, domain):
        data = {}
        for d in el.findall(GRAPHML + "data"):
            key = d.get("key")
            if key not in keys:
                fail("Bad GraphML data: no key %s" % key)
            name, typ, for_ = keys[key]
            if for_ not in (domain, "all"):
                fail("key %s is declared for %s but used on a %s" % (key, for_, domain))
            if d.text is None:
                continue
            if typ is bool:
                if d.text.lower() not in CONVERT_BOOL:
                    fail("boolean %r of key %s" % (d.text, key))
                data[name] = CONVERT_BOOL[d.text.lower()]
            else:
                try:
                    data[name] = typ(d.text)
                except ValueError:
                    fail("%r is not a valid %s for key %s" % (d.text, typ.__name__, key))
        return data

    nodes = {}
    for n in g.findall(GRAPHML + "node"):
        nid = n.get("id")
        if nid in nodes:
            fail("duplicate node " + nid)
        nodes[nid] = decode(n, "node")
    edges, pairs, multigraph = [], set(), False
    for e in g.findall(GRAPHML + "edge"):
        s, t = e.get("source"), e.get("target")
        if s not in nodes or t not in nodes:
            fail("edge %s names a missing node" % e.get("id"))
        if (s, t) in pairs:
            multigraph = True
        pairs.add((s, t))
        edges.append({"id": e.get("id"), "source": s, "target": t, "data": decode(e, "edge")})
    return {
        "directed": g.get("edgedefault") == "directed",
        "multigraph": multigraph,
        "graph": decode(g, "graph"),
        "nodes": len(nodes),
        "edges": len(edges),
        "node": nodes,
        "edge": {e["id"]: e for e in edges},
    }


GEXF = "{http://www.gexf.net/1.2draft}"
GEXF_TYPES = {"integer", "long", "float", "double", "boolean", "string", "liststring", "anyURI"}


def read_gexf(path):
    root = ET.parse(path).getroot()
    if root.tag != GEXF + "gexf":
        fail("root is not gexf 1.2draft: " + root.tag)
    g = root.find(GEXF + "graph")
    if g is None:
        fail("No <graph> element in GEXF file.")
    declared = {}
    for attrs in g.findall(GEXF + "attributes"):
        cls = attrs.get("class")
        for a in attrs.findall(GEXF + "attribute"):
            if a.get("type") not in GEXF_TYPES:
                fail("attribute type %r" % a.get("type"))
            declared[(cls, a.get("id"))] = a.get("type")

    def values(el, cls):
        out = {}
        av = el.find(GEXF + "attvalues")
        for v in (av.findall(GEXF + "attvalue") if av is not None else []):
            typ = declared.get((cls, v.get("for")))
            if typ is None:
                fail("attvalue for undeclared %s attribute %s" % (cls, v.get("for")))
            raw = v.get("value")
            out[v.get("for")] = int(raw) if typ in ("integer", "long") else float(raw) if typ in ("float", "double") else raw
        return out

    nodes = {n.get("id"): dict(values(n, "node"), label=n.get("label")) for n in g.find(GEXF + "nodes")}
    edges = []
    for e in g.find(GEXF + "edges"):
        if e.get("source") not in nodes or e.get("target") not in nodes:
            fail("edge %s names a missing node" % e.get("id"))
        edges.append(values(e, "edge"))
    return {"directed": g.get("defaultedgetype") == "directed", "nodes": len(nodes), "edges": len(edges), "node": nodes}


if __name__ == "__main__":
    fmt, path = sys.argv[1], sys.argv[2]
    print(json.dumps(read_graphml(path) if fmt == "graphml" else read_gexf(path), ensure_ascii=False))
