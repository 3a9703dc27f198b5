"""``GET /health``: liveness and the number of stored documents."""
from __future__ import annotations

from fastapi import APIRouter

from ..deps import RunnerDep, SettingsDep, StoreDep
from ..schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(store: StoreDep, settings: SettingsDep, runner: RunnerDep) -> dict:
    """``{"ok": true, "documents": n}``, plus whether writes are enabled and the pipeline loaded."""
    return {
        "ok": True,
        "documents": store.count_documents(),
        "writable": settings.writable,
        "pipeline_loaded": runner.loaded,
    }
