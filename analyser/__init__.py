"""Policy Analyser: facts with provenance from Chinese government policy documents.

The public names load on first use, so ``import analyser`` (and the store, the CLI's help, the
API's read path) starts without loading spaCy, jieba or the extractors.

>>> from analyser import analyse
>>> analyse("“十三五”时期，国务院印发通知。").document.script
'simplified'
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import AnalyserError

if TYPE_CHECKING:  # pragma: no cover
    from .facts import Analysis
    from .nlp.analysis import analyse, analyse_bytes, analyse_file, document_id

__all__ = ["analyse", "analyse_file", "analyse_bytes", "document_id", "Analysis", "AnalyserError"]
__version__ = "0.1.0"

_LAZY = {
    "analyse": "analyser.nlp.analysis",
    "analyse_file": "analyser.nlp.analysis",
    "analyse_bytes": "analyser.nlp.analysis",
    "document_id": "analyser.nlp.analysis",
    "Analysis": "analyser.facts",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analyser' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
