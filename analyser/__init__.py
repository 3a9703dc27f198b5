"""Policy Analyser: facts with provenance from Chinese government policy documents.

>>> from analyser import analyse
>>> analyse("“十三五”时期，国务院印发通知。").document.script
'simplified'
"""
from .analysis import analyse, analyse_bytes, analyse_file, document_id
from .errors import AnalyserError
from .facts import Analysis

__all__ = ["analyse", "analyse_file", "analyse_bytes", "document_id", "Analysis", "AnalyserError"]
__version__ = "0.1.0"
