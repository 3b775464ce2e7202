"""Content rules: each takes a document and returns diagnostics, never raises."""

from __future__ import annotations

from opsc.checks.run import CheckContext, check_document

__all__ = ["CheckContext", "check_document"]
