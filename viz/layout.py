"""Precomputed positions for graphs too big to lay out in the browser.

vis-network's physics on a few thousand nodes keeps a tab busy for a long time, and networkx's
spring layout is quadratic in the node count (16 s for 3,000 nodes on this machine). Plans are
natural clusters, so each plan's own nodes get a spring layout inside a disc of their own, the
discs are packed in rows, and a node that several plans name sits between those plans' discs.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from([("a", {"plans": ["甲"]}), ("b", {"plans": ["乙"]})])
>>> g.add_node("ab", plans=["甲", "乙"])
>>> pos = plan_cluster_layout(g)
>>> math.dist(pos["a"], pos["b"])  # two discs of one node, a disc and a gap apart
200.0
>>> middle = ((pos["a"][0] + pos["b"][0]) / 2, (pos["a"][1] + pos["b"][1]) / 2)
>>> math.dist(pos["ab"], middle) < SPACING  # the shared node sits between them
True
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

# Above this many nodes the page gets positions from here and starts with physics off.
BIG_GRAPH = 1500
# Pixels per node, roughly: discs grow with the square root of the nodes they hold.
SPACING = 40.0
_GAP = 3 * SPACING
# spring_layout costs about n² per iteration: keep each disc under ~half a second here.
_WORK_PER_DISC = 1.5e7
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

Position = tuple[float, float]


def plan_cluster_layout(network: nx.MultiDiGraph, *, seed: int = 7) -> dict[str, Position]:
    """Position every node: one disc per plan, shared nodes between the discs of their plans."""
    own: dict[str, list[str]] = defaultdict(list)
    shared: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for node, plans in network.nodes(data="plans"):
        plans = tuple(sorted(plans or ()))
        if len(plans) == 1:
            own[plans[0]].append(node)
        else:
            shared[plans].append(node)
    titles = sorted(set(own) | {p for key in shared for p in key})
    radius = {t: SPACING * math.sqrt(max(len(own[t]), 1)) for t in titles}
    centres = _pack(titles, radius)

    positions: dict[str, Position] = {}
    simple = nx.Graph(network)
    for title in titles:
        positions.update(_disc(simple.subgraph(own[title]), centres[title], radius[title], seed))
    for plans, nodes in shared.items():
        points = [centres[p] for p in plans] or [(0.0, 0.0)]
        cx = sum(x for x, _ in points) / len(points)
        cy = sum(y for _, y in points) / len(points)
        # a sunflower spiral spreads nodes named by the same plans without overlaps
        for i, node in enumerate(sorted(nodes)):
            r = SPACING * 0.8 * math.sqrt(i + 0.5)
            angle = i * _GOLDEN_ANGLE
            positions[node] = (cx + r * math.cos(angle), cy + r * math.sin(angle))
    return positions


def _pack(titles: list[str], radius: dict[str, float]) -> dict[str, Position]:
    """Shelf packing: discs left to right in rows about as wide as the whole is tall."""
    total = sum((2 * radius[t] + _GAP) ** 2 for t in titles)
    row_width = max(math.sqrt(total), 1.0)
    centres: dict[str, Position] = {}
    x = y = row_height = 0.0
    for title in titles:
        size = 2 * radius[title] + _GAP
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        centres[title] = (x + size / 2, y + size / 2)
        x += size
        row_height = max(row_height, size)
    return centres


def _disc(graph: nx.Graph, centre: Position, radius: float, seed: int) -> dict[str, Position]:
    n = graph.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(graph)): centre}
    iterations = max(5, min(50, int(_WORK_PER_DISC / (n * n))))
    layout = nx.spring_layout(graph, seed=seed, iterations=iterations, scale=radius, center=centre)
    return {node: (float(x), float(y)) for node, (x, y) in layout.items()}
