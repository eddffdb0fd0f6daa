"""The viewer page: one self-contained UTF-8 HTML file, opened from disk with no network.

pyvis holds the node and edge model and the vis-network options; the page is our own
``template.html`` with vis-network's JS and CSS inlined from the pyvis package (pyvis's own
output modes fetch from a CDN and write without an encoding). Everything taken from documents
travels as JSON in a ``<script type="application/json">`` block with ``<``, ``>`` and ``&``
escaped, and the page puts it into the DOM as text only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network

from plankg.queries.export import write_atomically
from plankg.viz.layout import BIG_GRAPH, plan_cluster_layout
from plankg.viz.network import NODE_CLASSES

VIS_DIR = "templates/lib/vis-9.1.2"
TEMPLATE = Path(__file__).with_name("template.html")
FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", '
    '"Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans SC", sans-serif'
)
LABEL_CHARS = 16


@dataclass(frozen=True)
class Look:
    colour: str
    shape: str  # a vis-network shape that draws its label below the node


LOOKS: dict[str, Look] = {
    "Plan": Look("#c0392b", "star"),
    "Program": Look("#e67e22", "diamond"),
    "Platform": Look("#2471a3", "square"),
    "Industry": Look("#229954", "dot"),
    "Department": Look("#7d3c98", "triangle"),
    "Region": Look("#8d6e63", "hexagon"),
    "Task": Look("#2e4053", "triangleDown"),
    "Goal": Look("#b7950b", "triangle"),
    "Indicator": Look("#17a589", "square"),
    "Section": Look("#95a5a6", "dot"),
}
_EDGE_COLOURS = {
    "targetsIndustry": "#52be80",
    "usesPlatform": "#5dade2",
    "partOfProgram": "#eb984e",
    "leadDepartment": "#a569bd",
    "supportDepartment": "#c39bd3",
}
# Links every node has to its plan, or that only record where a name was printed: drawn faintly.
_FAINT = frozenset({"inPlan", "mentions", "definedIn"})

_HASHES = "/*PLANKG:SCRIPT_HASHES*/"
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_SLOT = re.compile(r"/\*PLANKG:(VIS_CSS|VIS_JS)\*/|<!--PLANKG:(DATA)-->")


def render_html(network: nx.MultiDiGraph, *, title: str = "plankg") -> str:
    """The whole page for ``network`` (from :func:`plankg.viz.network.plan_network`)."""
    payload = json.dumps(page_data(network, title=title), ensure_ascii=False, separators=(",", ":"))
    # JSON inside <script>: no "</script>", "<!--" or entity can come out of the data
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    vis = resources.files("pyvis").joinpath(VIS_DIR)
    slots = {
        "VIS_CSS": vis.joinpath("vis-network.css").read_text(encoding="utf-8"),
        "VIS_JS": vis.joinpath("vis-network.min.js").read_text(encoding="utf-8"),
        "DATA": payload,
    }
    if "</script" in slots["VIS_JS"].lower() or "</style" in slots["VIS_CSS"].lower():
        raise RuntimeError("the bundled vis-network cannot be inlined as it is")
    # next to this module, not importlib.resources: a stale editable install makes plankg.viz a
    # namespace package, which resources.files() cannot read from
    template = TEMPLATE.read_text(encoding="utf-8")
    # one pass, so text put into a slot is never searched for slots again
    page = _SLOT.sub(lambda m: slots[m.group(1) or m.group(2)], template)
    # The page may run its own two scripts and nothing else: no inline event handler, no
    # injected <script>, even if some text ever escaped into markup.
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _SCRIPT.findall(page)
    )
    return page.replace(_HASHES, hashes, 1)


def write_html(network: nx.MultiDiGraph, path: Path, *, title: str = "plankg") -> None:
    """Write the page to ``path`` atomically (temp file in the same folder, then rename)."""
    write_atomically(path, render_html(network, title=title).encode("utf-8"))


def page_data(network: nx.MultiDiGraph, *, title: str) -> dict[str, object]:
    """What the page's script reads: vis nodes, edges, options, and the details panel's text."""
    plans = list(network.graph.get("plans", []))
    plan_number = {p: i for i, p in enumerate(plans)}
    positions = network.graph.get("positions") or (
        plan_cluster_layout(network) if len(network) > BIG_GRAPH else {}
    )

    net = Network(directed=True)
    # pyvis looks ids up in a list on every add_node/add_edge: quadratic on big graphs
    net.node_ids = _IdList()
    details: dict[str, object] = {}
    for node, data in network.nodes(data=True):
        look = LOOKS[data["cls"]]
        extra: dict[str, object] = {}
        if node in positions:
            extra = {"x": round(positions[node][0]), "y": round(positions[node][1])}
        net.add_node(
            node,
            label=_display_label(data),
            shape=look.shape,
            color=look.colour,
            title=_tooltip(data),  # a string: vis-network 9 shows it as text, not markup
            value=network.degree(node) + (4 if data["cls"] == "Plan" else 1),
            cls=data["cls"],
            plans=[plan_number[p] for p in data["plans"] if p in plan_number],
            hidden=False,
            **extra,
        )
        details[node] = {
            "label": data["label"],
            "en": data["label_en"],
            "alt": data["alt_labels"],
            "plans": data["plans"],
            "facts": data["facts"],
            "evidence": data["evidence"],
            "iri": data["iri"],
        }

    edge_evidence: dict[str, object] = {}
    for i, (source, target, key, data) in enumerate(network.edges(keys=True, data=True)):
        edge_id = f"e{i}"
        faint = key in _FAINT
        net.add_edge(
            source,
            target,
            id=edge_id,
            rel=key,
            title=key + (f" ({len(data['evidence'])} evidence)" if data["evidence"] else ""),
            color={"color": "#d5d8dc" if faint else _EDGE_COLOURS.get(key, "#909497")},
            dashes=faint,
            width=0.5 if faint else 1.5,
        )
        if data["evidence"]:
            edge_evidence[edge_id] = data["evidence"]

    return {
        "title": title,
        "view": network.graph.get("view", "full"),
        "nodes": net.nodes,
        "edges": net.edges,
        "options": _options(net, nodes=len(network), precomputed=bool(positions)),
        "precomputed": bool(positions),
        "classes": _legend(network),
        "relations": _relation_legend(network),
        "plans": plans,
        "details": details,
        "edgeEvidence": edge_evidence,
        "focus": list(network.graph.get("focus", [])),
        "font": FONT_STACK,
    }


def _options(net: Network, *, nodes: int, precomputed: bool) -> dict[str, object]:
    net.force_atlas_2based(gravity=-60, spring_length=110, damping=0.5, overlap=0.3)
    net.inherit_edge_colors(False)
    if precomputed:
        net.toggle_physics(False)
    else:
        net.set_edge_smooth("continuous")
    options: dict = json.loads(net.options.to_json())
    if precomputed:
        options["edges"]["smooth"] = {"enabled": False}
    # vis-network's improved initial layout gives up (with a console message) on big graphs; a
    # fixed seed gives the same graph the same picture every time it is opened
    options["layout"] = {"improvedLayout": nodes <= 150 and not precomputed, "randomSeed": 1}
    # each iteration costs about n log n in the page: fewer of them as graphs grow (1,400 nodes
    # opened in 9.6 s with 400 here, in 2.1 s with 105)
    iterations = max(100, min(400, 150_000 // max(nodes, 1)))
    options["physics"]["stabilization"].update(iterations=iterations, updateInterval=25)
    options["interaction"].update(hover=True, tooltipDelay=150, hideEdgesOnDrag=precomputed)
    options["nodes"] = {
        "borderWidth": 1,
        "font": {"face": FONT_STACK, "size": 14, "color": "#1c2833", "strokeWidth": 3},
        "scaling": {
            "min": 8,
            "max": 32,
            "label": {"enabled": True, "min": 12, "max": 18, "drawThreshold": 7},
        },
    }
    options["edges"]["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.5}}
    return options


def _legend(network: nx.MultiDiGraph) -> list[dict[str, object]]:
    counts: dict[str, int] = {}
    for _, cls in network.nodes(data="cls"):
        counts[cls] = counts.get(cls, 0) + 1
    return [
        {"name": c, "colour": LOOKS[c].colour, "shape": LOOKS[c].shape, "count": counts[c]}
        for c in NODE_CLASSES
        if c in counts
    ]


def _relation_legend(network: nx.MultiDiGraph) -> list[dict[str, object]]:
    counts: dict[str, int] = {}
    for _, _, key in network.edges(keys=True):
        counts[key] = counts.get(key, 0) + 1
    return [
        {
            "name": key,
            "colour": "#b3b6b7" if key in _FAINT else _EDGE_COLOURS.get(key, "#909497"),
            "faint": key in _FAINT,
            "count": n,
        }
        for key, n in sorted(counts.items(), key=lambda item: (item[0] in _FAINT, item[0]))
    ]


def _display_label(data: dict) -> str:
    label = _shorten(data["label"], LABEL_CHARS)
    if data["label_en"]:
        label += "\n" + _shorten(data["label_en"], 2 * LABEL_CHARS)
    return label


def _tooltip(data: dict) -> str:
    lines = [data["label"]]
    if data["label_en"]:
        lines.append(data["label_en"])
    plans = data["plans"]
    # a node many plans name: its tooltip names three, the details panel all of them
    named = "; ".join(plans[:3]) + (f" … ({len(plans)} plans)" if len(plans) > 3 else "")
    lines.append(f"{data['cls']} · {named}")
    return "\n".join(lines)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _IdList(list):
    """A list (pyvis appends to it) that answers ``in`` from a set."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set = set()

    def append(self, item: object) -> None:
        super().append(item)
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members
