"""The one exception tree of the analyser.

Every error the package raises on purpose derives from :class:`AnalyserError`, so callers
(the command line, the HTTP API, a batch run) can catch one class and report one clear line.
"""
from __future__ import annotations

__all__ = [
    "AnalyserError",
    "InputError",
    "EncodingError",
    "EmptyInputError",
    "BinaryInputError",
    "InputTooLargeError",
    "ExtractionError",
    "StoreError",
    "NotFoundError",
]


class AnalyserError(Exception):
    """Root of every error raised by the analyser."""


class InputError(AnalyserError):
    """The input cannot be read as a document (missing, a directory, unreadable)."""


class EmptyInputError(InputError):
    """The input holds no text."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class EncodingError(InputError):
    """The input's bytes cannot be decoded in any supported encoding."""


class InputTooLargeError(InputError):
    """The input is larger than the configured limit."""


class ExtractionError(AnalyserError):
    """An extractor failed on a document it should have handled."""


class StoreError(AnalyserError):
    """The fact store cannot be opened or written."""


class NotFoundError(AnalyserError):
    """A document, fact or graph node that was asked for does not exist."""
