"""Read routes whose parameters are parsed in one pass: the framework's general resolution only when needed.

FastAPI resolves a request's parameters through general machinery: for every query parameter
it looks up aliases, asks whether the annotation is a sequence and builds an error location,
and it walks the dependency tree with an exit stack. For a page of fifty quantities with eight
parameters that is about 0.3 ms, a third of what the whole request costs the server. A
:class:`ReadRoute` plans, once when the route is built, what its endpoint needs: each query
and path parameter's name, whether it repeats, and its validator (the one FastAPI built from
the same declaration), and the dependencies, each an ``async`` function, or an ``async``
generator left when the endpoint returns, that takes the request and other such
dependencies. A request then takes one pass: read each parameter, validate it, enter the
dependencies, call the endpoint.

Anything else goes the framework's way, unchanged: a parameter that is missing or invalid
(the framework answers the usual 422), a route whose endpoint or dependencies have another
shape (a body, headers, security, a synchronous function), and every request of an
application with ``dependency_overrides`` (tests swapping in a store). The OpenAPI schema is
the framework's, built from the same declarations. ``tests/api/test_api_quickroute.py``
compares both ways, byte for byte, on valid and invalid requests.

A route opts in by answering with :class:`~api.responses.RowsResponse`: its endpoint returns a
response (or plain values to encode), never a model to validate.

Examples
--------
>>> from fastapi import APIRouter, Query
>>> from api.responses import RowsResponse
>>> router = APIRouter(route_class=ReadRoute)
>>> @router.get("/echo", response_class=RowsResponse)
... async def echo(n: int = Query(1, ge=1)) -> RowsResponse:
...     return RowsResponse({"n": n})
>>> router.routes[0].plan is not None
True
"""
from __future__ import annotations

import inspect
from collections.abc import Callable, Coroutine
from contextlib import AsyncExitStack, asynccontextmanager
from copy import deepcopy
from dataclasses import dataclass
from types import UnionType
from typing import Any, Union, get_args, get_origin

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

from .responses import RowsResponse

__all__ = ["ReadPlan", "ReadRoute"]

_SEQUENCES = (list, tuple, set, frozenset)


@dataclass(frozen=True, slots=True)
class _Param:
    """One query or path parameter: where it is read, under which name, and its validator."""

    name: str
    alias: str
    repeated: bool
    required: bool
    default: Any
    validate_default: bool
    field: Any


@dataclass(frozen=True, slots=True)
class _Dep:
    """A dependency: an ``async`` function or generator called with the request and its own dependencies."""

    name: str
    call: Callable[..., Any]
    request_name: str | None
    generator: bool
    subs: tuple[_Dep, ...]


@dataclass(frozen=True, slots=True)
class ReadPlan:
    """What a route's endpoint needs, read from its declaration once."""

    query: tuple[_Param, ...]
    path: tuple[_Param, ...]
    deps: tuple[_Dep, ...]
    request_name: str | None

    @classmethod
    def of(cls, dependant: Dependant) -> ReadPlan | None:
        """The plan of an endpoint, or ``None`` when it needs more than query and path parameters and plain dependencies."""
        if not inspect.iscoroutinefunction(dependant.call) or _has_extras(dependant):
            return None
        try:
            query = tuple(_param(f) for f in dependant.query_params)
            path = tuple(_param(f) for f in dependant.path_params)
            deps = tuple(_dep(d) for d in dependant.dependencies)
        except _Unplannable:
            return None
        return cls(query, path, deps, dependant.request_param_name)

    def arguments(self, request: Request) -> dict[str, Any] | None:
        """The endpoint's parameters from the request, validated; ``None`` when one is missing or invalid."""
        values: dict[str, Any] = {}
        if self.query:
            given = request.query_params
            for p in self.query:
                raw = (given.getlist(p.alias) or None) if p.repeated else given.get(p.alias)
                if not _read(p, raw, values):
                    return None
        if self.path:
            given = request.path_params
            for p in self.path:
                if not _read(p, given.get(p.alias), values):
                    return None
        if self.request_name:
            values[self.request_name] = request
        return values

    async def call(self, endpoint: Callable[..., Coroutine[Any, Any, Any]], request: Request, values: dict[str, Any]) -> Any:
        """``endpoint(**values)`` with its dependencies entered for the call and left right after it."""
        if not self.deps:
            return await endpoint(**values)
        async with AsyncExitStack() as stack:
            solved: dict[Callable[..., Any], Any] = {}
            for d in self.deps:
                values[d.name] = await _solve(d, request, stack, solved)
            return await endpoint(**values)


class ReadRoute(APIRoute):
    """An ``APIRoute`` that answers through its :class:`ReadPlan` when it has one (see the module docstring)."""

    plan: ReadPlan | None

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        framework = super().get_route_handler()
        response_class = getattr(self.response_class, "value", self.response_class)
        plan = ReadPlan.of(self.dependant) if isinstance(response_class, type) and issubclass(response_class, RowsResponse) else None
        self.plan = plan
        if plan is None:
            return framework
        endpoint = self.dependant.call
        assert endpoint is not None

        async def handler(request: Request) -> Response:
            if request.app.dependency_overrides:
                return await framework(request)
            values = plan.arguments(request)
            if values is None:
                return await framework(request)  # the framework reports what is missing or invalid
            result = await plan.call(endpoint, request, values)
            return result if isinstance(result, Response) else response_class(result)

        return handler


class _Unplannable(Exception):
    """A parameter or dependency the plan does not handle."""


def _has_extras(d: Dependant) -> bool:
    return bool(
        d.header_params or d.cookie_params or d.body_params or d.websocket_param_name or d.http_connection_param_name
        or d.response_param_name or d.background_tasks_param_name or d.security_scopes_param_name
        or d.own_oauth_scopes or d.concurrency is not None
    )  # fmt: skip


def _param(field: Any) -> _Param:
    info = field.field_info
    if getattr(info, "validation_alias", None) not in (None, field.alias):  # alias choices or paths
        raise _Unplannable(field.name)
    required = info.is_required()
    return _Param(
        field.name, field.alias, _repeats(info.annotation), required, None if required else info.default,
        bool(info.validate_default), field,
    )  # fmt: skip


def _repeats(annotation: Any) -> bool:
    """Whether a parameter takes every value of its name (a list), as the framework reads it."""
    origin = get_origin(annotation)
    if origin in (Union, UnionType):
        return any(_repeats(a) for a in get_args(annotation) if a is not type(None))
    return origin in _SEQUENCES or annotation in _SEQUENCES


def _dep(d: Dependant) -> _Dep:
    """A dependency the plan resolves: an ``async`` function, or an ``async`` generator left when the
    endpoint returns (``scope="function"``), whose value is an argument and which the framework
    would call once a request; anything else is the framework's."""
    call = d.call
    generator = inspect.isasyncgenfunction(call)
    plain = (generator and d.scope == "function") or (not generator and inspect.iscoroutinefunction(call))
    if call is None or d.name is None or not plain or not d.use_cache or _has_extras(d) or d.query_params or d.path_params:
        raise _Unplannable(getattr(call, "__name__", repr(call)))
    return _Dep(d.name, call, d.request_param_name, generator, tuple(_dep(s) for s in d.dependencies))


def _read(p: _Param, raw: Any, values: dict[str, Any]) -> bool:
    """Validate one parameter into ``values``; False when it is missing or invalid."""
    if raw is None:
        if p.required:
            return False
        if not p.validate_default:
            values[p.name] = deepcopy(p.default)
            return True
        raw = deepcopy(p.default)
    value, errors = p.field.validate(raw, values, loc=())
    if errors:
        return False
    values[p.name] = value
    return True


async def _solve(d: _Dep, request: Request, stack: AsyncExitStack, solved: dict[Callable[..., Any], Any]) -> Any:
    """The value of a dependency, each called once a request (as the framework caches them)."""
    if d.call in solved:
        return solved[d.call]
    kwargs: dict[str, Any] = {s.name: await _solve(s, request, stack, solved) for s in d.subs}
    if d.request_name:
        kwargs[d.request_name] = request
    if d.generator:
        value = await stack.enter_async_context(asynccontextmanager(d.call)(**kwargs))
    else:
        value = await d.call(**kwargs)
    solved[d.call] = value
    return value
