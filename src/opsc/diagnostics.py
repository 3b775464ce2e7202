"""Diagnostics: what the checks find, and how the CLI prints them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"


#: Each rule and its severity, as the interface contract lists them.
RULES: dict[str, Severity] = {
    "front-matter": Severity.ERROR,
    "unknown-country": Severity.ERROR,
    "date-order": Severity.ERROR,
    "unknown-provision": Severity.ERROR,
    "unknown-area": Severity.ERROR,
    "duplicate-area": Severity.ERROR,
    "duplicate-slug": Severity.ERROR,
    "missing-subsection": Severity.ERROR,
    "invalid-rating": Severity.ERROR,
    "missing-provisions": Severity.ERROR,
    "broken-link": Severity.ERROR,
    "unsafe-content": Severity.ERROR,
    "unreadable-file": Severity.ERROR,
    "missing-area": Severity.WARNING,
    "symbol-country-mismatch": Severity.WARNING,
    "stale-review": Severity.WARNING,
    "missing-alt-text": Severity.WARNING,
    "terminology": Severity.WARNING,
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding at a place in a source file."""

    path: str
    line: int
    column: int
    rule: str
    message: str
    hint: str | None = None

    @property
    def severity(self) -> Severity:
        """The severity of this diagnostic's rule."""
        return RULES[self.rule]

    def as_text(self) -> str:
        """``path:line:col: severity: message [rule] (hint)``."""
        text = (
            f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.rule}]"
        )
        return f"{text} ({self.hint})" if self.hint else text

    def as_dict(self) -> dict[str, object]:
        """The JSON object of the interface contract."""
        data = asdict(self)
        return {
            "path": data["path"],
            "line": data["line"],
            "column": data["column"],
            "severity": str(self.severity),
            "rule": data["rule"],
            "message": data["message"],
            "hint": data["hint"],
        }

    def as_github(self) -> str:
        """A GitHub Actions workflow command."""
        message = self.message + (f" ({self.hint})" if self.hint else "")
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::{self.severity} file={self.path},line={self.line},col={self.column},"
            f"title={self.rule}::{message}"
        )


@dataclass(frozen=True)
class Summary:
    """Counts for the end of a check."""

    files: int
    errors: int
    warnings: int

    @classmethod
    def of(cls, files: int, diagnostics: Iterable[Diagnostic]) -> Summary:
        """Count errors and warnings."""
        items = list(diagnostics)
        errors = sum(1 for d in items if d.severity is Severity.ERROR)
        return cls(files=files, errors=errors, warnings=len(items) - errors)

    def as_text(self) -> str:
        """A sentence such as ``12 files checked: 1 error, 0 warnings``."""

        def plural(n: int, word: str) -> str:
            return f"{n} {word}" + ("" if n == 1 else "s")

        return (
            f"{plural(self.files, 'file')} checked: "
            f"{plural(self.errors, 'error')}, {plural(self.warnings, 'warning')}"
        )


def render(diagnostics: Sequence[Diagnostic], summary: Summary, fmt: str) -> str:
    """The diagnostics in one of the output formats: text, json or github."""
    if fmt == "json":
        payload = {
            "diagnostics": [d.as_dict() for d in diagnostics],
            "summary": {
                "files": summary.files,
                "errors": summary.errors,
                "warnings": summary.warnings,
            },
        }
        return json.dumps(payload, ensure_ascii=False, indent=1)
    if fmt == "github":
        return "\n".join(d.as_github() for d in diagnostics)
    return "\n".join(d.as_text() for d in diagnostics)
