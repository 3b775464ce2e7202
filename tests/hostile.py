"""A corpus of malformed and hostile inputs, built in a temporary project.

Each case writes one or more files and names the diagnostics it must produce (rule and
line) — or none, when the input is odd but valid and must simply render.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from opsc.countries import by_iso3
from opsc.synthetic import report_text

VALID = report_text(by_iso3("ARG"), seed=7)  # type: ignore[arg-type]
HEAD = VALID.split("\n## ", 1)[0]  # front matter, title and introduction
FIRST_AREA = "## " + VALID.split("\n## ", 2)[1]


def with_body(body: str) -> str:
    """A valid report whose first area's national-law text is ``body``."""
    return VALID.replace("### National law\n\n", f"### National law\n\n{body}\n\n", 1)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


BODY = line_of(VALID, "### National law") + 2  # the line ``with_body`` writes on
AREA = line_of(VALID, "## Definitions")
TITLE = line_of(VALID, "# Argentina")


@dataclass
class Case:
    """One hostile input and what opsc must say about it."""

    name: str
    files: dict[str, bytes | str]
    expected: list[tuple[str, int]] = field(default_factory=list)  # (rule, line)
    setup: Callable[[Path], None] | None = None
    renders: bool = False  # valid input that a build must render

    def write(self, project: Path) -> None:
        for relative, content in self.files.items():
            path = project / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8") if isinstance(content, str) else content
            path.write_bytes(data)
        if self.setup:
            self.setup(project)


def _symlink_out(project: Path) -> None:
    outside = project.parent / "secret.md"
    outside.write_text("---\ncountry: Secret\n---\n")
    os.symlink(outside, project / "country_reports" / "evil.md")


def _symlinked_image(project: Path) -> None:
    outside = project.parent / "secret.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    os.symlink(outside, project / "country_reports" / "img.png")


BOMB = (
    "---\n"
    + "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    + "---\n# Bomb\n"
)
NESTED_LIST = "\n".join("  " * i + "- item" for i in range(2000))
NESTED_QUOTE = ">" * 5000 + " deep"
LONG_LINE = "word " * 250_000  # 1.25 MB on one line
WIDE_TABLE = (
    "|" + "|".join(f"c{i}" for i in range(400)) + "|\n|" + "---|" * 400 + "\n|" + "x|" * 400
)
BRACKETS = "[" * 100_000 + "]" * 10
BACKTICKS = "` " * 100_000
TAGS = "<a " * 50_000
RTL = "نص عربي من اليمين إلى اليسار ✅ e\u0301\u0301\u0301 👩‍👩‍👧 עברית"

CASES: list[Case] = [
    Case(
        "binary file",
        {"country_reports/png.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
        [("unreadable-file", 3)],
    ),
    Case(
        "latin-1 encoding",
        {"country_reports/latin.md": VALID.replace("Argentina", "Argentína", 2).encode("latin-1")},
        [("unreadable-file", 2)],
    ),
    Case(
        "BOM and CRLF",
        {"country_reports/crlf.md": ("\ufeff" + VALID).replace("\n", "\r\n")},
        renders=True,
    ),
    Case("empty file", {"country_reports/empty.md": ""}, [("front-matter", 1)]),
    Case(
        "front matter only",
        {"country_reports/only.md": VALID.split("\n# ", 1)[0] + "\n"},
        [("missing-area", TITLE - 1)],
    ),
    Case(
        "unclosed front matter",
        {"country_reports/open.md": "---\ncountry: Argentina\n# Argentina\n"},
        [("front-matter", 1)],
    ),
    Case(
        "unclosed code fence",
        {"country_reports/fence.md": with_body("```python\nprint('x')")},
        [("missing-subsection", AREA)],
    ),
    Case(
        "deeply nested list",
        {"country_reports/list.md": with_body(NESTED_LIST)},
        [("unreadable-file", BODY + 31)],
    ),
    Case(
        "deeply nested quotes",
        {"country_reports/quote.md": with_body(NESTED_QUOTE)},
        [("unreadable-file", BODY)],
    ),
    Case(
        "nested quotes within the limit",
        {"country_reports/quote20.md": with_body(">" * 20 + " deep but fine")},
        renders=True,
    ),
    Case(
        "megabyte-long line",
        {"country_reports/long.md": with_body(LONG_LINE)},
        [("unreadable-file", BODY)],
    ),
    Case(
        "hundreds of table columns",
        {"country_reports/wide.md": with_body(WIDE_TABLE)},
        renders=True,
    ),
    Case("YAML alias bomb", {"country_reports/bomb.md": BOMB}, [("front-matter", 3)]),
    Case(
        "python tag in front matter",
        {
            "country_reports/tag.md": VALID.replace(
                "status: sample", "status: !!python/object/apply:os.system [touch pwned]"
            )
        },
        [("front-matter", 6)],
    ),
    Case("symlink out of the project", {}, [("unreadable-file", 1)], setup=_symlink_out),
    Case(
        "symlinked image out of the project",
        {"country_reports/pic.md": with_body("![A map](img.png)")},
        [("unsafe-content", BODY)],
        setup=_symlinked_image,
    ),
    Case(
        "script tag",
        {"country_reports/script.md": with_body("<script>alert(1)</script>")},
        [("unsafe-content", BODY)],
    ),
    Case(
        "event handler",
        {"country_reports/onerror.md": with_body('<img src="x.png" alt="x" onerror="alert(1)">')},
        [("unsafe-content", BODY)],
    ),
    Case(
        "iframe",
        {"country_reports/iframe.md": with_body('<iframe src="https://example.org"></iframe>')},
        [("unsafe-content", BODY)],
    ),
    Case(
        "javascript link",
        {"country_reports/js.md": with_body("[click](javascript:alert(1))")},
        [("unsafe-content", BODY)],
    ),
    Case(
        "remote image",
        {"country_reports/remote.md": with_body("![A chart](https://example.org/c.png)")},
        [("unsafe-content", BODY)],
    ),
    Case(
        "file URL image",
        {"country_reports/fileurl.md": with_body("![Secret](file:///etc/passwd)")},
        [("unsafe-content", BODY)],
    ),
    Case(
        "path traversal",
        {"country_reports/trav.md": with_body("[passwd](../../../../../../etc/passwd)")},
        [("unsafe-content", BODY)],
    ),
    Case(
        "absolute path",
        {"country_reports/abs.md": with_body("![x](/etc/hostname)")},
        [("unsafe-content", BODY)],
    ),
    Case(
        "duplicate slugs",
        {
            "guide/01-intro.md": "---\ntitle: A\n---\n# A\n",
            "guide/02-intro.md": "---\ntitle: B\n---\n# B\n",
        },
        [("duplicate-slug", 1)],
    ),
    Case(
        "two reports on one country",
        {"country_reports/a.md": VALID, "country_reports/b.md": VALID},
        [("duplicate-slug", 3)],
    ),
    Case(
        "right-to-left, combining marks, emoji",
        {"country_reports/rtl.md": with_body(RTL)},
        renders=True,
    ),
    Case(
        "endless brackets",
        {"country_reports/brackets.md": with_body(BRACKETS)},
        [("unreadable-file", BODY)],
    ),
    Case(
        "endless backticks",
        {"country_reports/ticks.md": with_body(BACKTICKS)},
        [("unreadable-file", BODY)],
    ),
    Case(
        "endless unclosed tags",
        {"country_reports/tags.md": with_body(TAGS)},
        [("unreadable-file", BODY)],
    ),
    Case(
        "unclosed HTML comment",
        {"country_reports/comment.md": with_body("<!-- never closed")},
        renders=True,
    ),
    Case(
        "impossible date",
        {"country_reports/date.md": VALID.replace("ratified: 2005-06-15", "ratified: 2005-02-30")},
        [("date-order", 4)],
    ),
    Case(
        "front matter is a list",
        {"country_reports/list-fm.md": "---\n- a\n- b\n---\n# X\n"},
        [("front-matter", 2)],
    ),
    Case(
        "file over the size limit",
        {"country_reports/huge.md": VALID + ("x" * 80 + "\n") * 70_000},
        [("unreadable-file", 1)],
    ),
]
