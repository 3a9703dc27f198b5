"""``POST /analyse``: the analysis of a text or web page, nothing stored."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..deps import RunnerDep
from ..schemas import AnalyseRequest, Analysis, ErrorOut

router = APIRouter(tags=["analyse"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorOut, "description": "body larger than the configured limit"},
    503: {"model": ErrorOut, "description": "the analyser is busy"},
    504: {"model": ErrorOut, "description": "the analysis took too long"},
}


async def run_analysis(runner: Any, body: AnalyseRequest, source: str | None = None) -> dict[str, Any]:
    """The analysis dict (with ``document.text``) of a request body, run by ``runner``."""
    if body.html is not None:
        return await runner.run("html", body.html, source)
    return await runner.run("text", body.text, source)


@router.post(
    "/analyse", response_model=Analysis, response_model_exclude_unset=True, responses=_ERRORS
)
async def analyse(body: AnalyseRequest, runner: RunnerDep) -> dict[str, Any]:
    """Analyse ``text`` (or ``html``) and return the analysis JSON with ``document.text``.

    The first call loads the pipeline (several seconds). Text that cannot be analysed (empty,
    binary) answers 422.
    """
    return await run_analysis(runner, body)
