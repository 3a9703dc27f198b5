"""The knowledge graph: one node, a node's neighbourhood, node look-up, statistics, exports."""
from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import StreamingResponse
from pydantic import StringConstraints

from analyser.corpus.store.cursor import encode_cursor, offset_of

from ..deps import GraphCacheDep, GraphDep, SettingsDep, TokenDep
from ..errors import APIError
from ..graphcache import EXPORT_FORMATS, ExportBusy
from ..offload import run_read
from ..quickroute import ReadRoute
from ..responses import RowsResponse
from ..schemas import ErrorOut, GraphNode, GraphStats, Neighbourhood, Page
from ._params import DEFAULT_LIMIT, Contains, Cursor, Limit

router = APIRouter(prefix="/graph", tags=["graph"], route_class=ReadRoute)

NodeId = Annotated[
    str, Path(min_length=1, max_length=1000, description="a node id such as doc:<id>, slogan:<normalized>")
]
TypeName = Annotated[str, StringConstraints(pattern=r"^[a-z_]+(,[a-z_]+)*$", max_length=200)]
Types = Annotated[
    list[TypeName] | None,
    Query(
        alias="type",
        max_length=20,
        description="keep only nodes of these types (repeat the parameter or separate with commas)",
    ),
]
_NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "no such node"}}


def _types(values: list[str] | None) -> list[str] | None:
    out = [t.strip() for v in values or [] for t in v.split(",") if t.strip()]
    return out or None


@router.get("/nodes", response_model=Page[GraphNode])
def search_nodes(
    graph: GraphDep, q: Contains = None, types: Types = None, cursor: Cursor = None, limit: Limit = DEFAULT_LIMIT
) -> dict[str, Any]:
    """Nodes whose label or id contains ``q``, most connected first (a starting point for the graph view)."""
    offset = offset_of(cursor)
    found = graph.find_nodes(q, types=_types(types), offset=offset, limit=limit)
    return {"items": found["items"], "next": encode_cursor([offset + limit]) if found["more"] else None}


@router.get("/stats", response_model=GraphStats)
def stats(graph: GraphDep) -> dict[str, Any]:
    """Node counts per type and edge counts per relation."""
    return graph.stats()


@router.get(
    "/export",
    responses={
        200: {"content": {m: {} for m in EXPORT_FORMATS.values()}},
        413: {"model": ErrorOut, "description": "the graph is larger than the export limit for requests without the write token"},
        503: {"model": ErrorOut, "description": "another export is being written"},
    },
)
def export(
    cache: GraphCacheDep,
    settings: SettingsDep,
    token: TokenDep,
    format: Annotated[Literal["graphml", "gexf", "json"], Query(description="file format")] = "json",  # noqa: A002
) -> Response:
    """The whole graph as GraphML, GEXF or node-link JSON (a download, streamed from a file on the server).

    Without the write token, graphs larger than ``POLICY_ANALYSER_EXPORT_MAX_ITEMS`` nodes
    plus edges answer 413 (``python -m analyser graph export`` has no limit).
    """
    if not token:
        size = cache.size()
        if size > settings.export_max_items:
            raise APIError(
                413,
                f"the graph has {size} nodes and edges, more than the {settings.export_max_items} exported"
                " without the write token; use `python -m analyser graph export` or the token",
            )
    try:
        fh, length = cache.export_file(format)
    except ExportBusy:
        raise APIError(503, "another export is being written; retry in a moment", headers={"Retry-After": "10"}) from None
    return StreamingResponse(
        _chunks(fh),
        media_type=EXPORT_FORMATS[format],
        headers={"Content-Disposition": f'attachment; filename="graph.{format}"', "Content-Length": str(length)},
    )


def _chunks(fh: IO[bytes], size: int = 1 << 16) -> Iterator[bytes]:
    with fh:
        while chunk := fh.read(size):
            yield chunk


@router.get(
    "/nodes/{node_id:path}/neighbors", response_model=Neighbourhood, responses=_NOT_FOUND, response_class=RowsResponse
)
async def neighbors(
    node_id: NodeId,
    graph: GraphDep,
    depth: Annotated[int, Query(ge=1, le=3, description="steps from the node (1-3)")] = 1,
    types: Types = None,
    limit: Annotated[int, Query(ge=1, le=2000, description="most nodes returned")] = 500,
) -> Any:
    """The node's neighbourhood (either edge direction): nodes with their ``depth``, and the edges between them."""
    # one step reads at most `limit` rows of each neighbour type by index; two or three steps, one such read per node
    view = await run_read(graph.neighbourhood, node_id, depth=depth, types=_types(types), limit=limit, inline=depth == 1)
    return RowsResponse(view)  # plain values from the graph: skip re-validating them


@router.get("/nodes/{node_id:path}", response_model=GraphNode, responses=_NOT_FOUND)
def node(node_id: NodeId, graph: GraphDep) -> dict[str, Any]:
    """A node with its attributes (``type``, ``label``, ...) and degrees."""
    return graph.node_info(node_id)
