#!/usr/bin/env python3
"""Benchmark opsc on synthetic corpora and compare it with a naive hand-made pipeline.

    python scripts/bench.py [--sizes 10,50,200] [--jobs N] [--skip-naive]

For each size it generates a contract-valid corpus, then measures: check, a cold build,
a one-report edit, the time per output kind, PDF pages per second and the peak memory
of the largest process; and, on the same corpus, the naive pipeline a user would write
by hand (python-markdown -> WeasyPrint per report, pandoc per report, a plain
mkdocs-material build). Results go to stdout as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from opsc.synthetic import touch_report, write_corpus

HERE = Path(__file__).resolve().parent


def _run(args: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run a command in a fresh wrapper; return seconds, peak RSS of any process (MiB), stderr."""
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "dt = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps([dt, rss, p.returncode, p.stderr[-4000:]]))\n"
    )
    env = {**os.environ, "OPSC_TODAY": "2026-11-23"}
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, rss_kib, code, stderr = json.loads(out.stdout)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({code}):\n{stderr}")
    return seconds, rss_kib // 1024, stderr


def _opsc(*args: str) -> list[str]:
    return [sys.executable, "-m", "opsc.cli", *args]


def _kind_seconds(stderr: str) -> dict[str, float]:
    return {
        m.group(1): float(m.group(2))
        for m in re.finditer(r"^\s+(\w+)\s+rebuilt.*?([\d.]+) s$", stderr, re.M)
    }


def _pdf_pages(site: Path) -> int:
    from pypdf import PdfReader

    pdfs = [p for p in (site / "downloads/pdf").glob("*.pdf") if p.name != "compendium.pdf"]
    return sum(len(PdfReader(p).pages) for p in pdfs)


def _naive(project: Path) -> tuple[float, int]:
    """The yardstick: what a user would write by hand, measured in one process."""
    return _run([sys.executable, str(HERE / "naive_pipeline.py"), str(project)], project)[:2]


def bench(size: int, jobs: int | None, naive: bool) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix=f"opsc-bench-{size}-"))
    try:
        project = write_corpus(work / "project", size)
        jobs_args = ["--jobs", str(jobs)] if jobs else []
        check_s, _, _ = _run(_opsc("check"), project)
        cold_s, cold_rss, cold_err = _run(_opsc("build", *jobs_args), project)
        kinds = _kind_seconds(cold_err)
        pages = _pdf_pages(project / "site")
        touch_report(project)
        edit_s, _, _ = _run(_opsc("build", *jobs_args), project)
        row: dict[str, object] = {
            "reports": size,
            "check_s": check_s,
            "cold_s": cold_s,
            "edit_s": edit_s,
            "edit_ratio": edit_s / cold_s,
            "site_s": kinds.get("site", 0.0),
            "pdf_s": kinds.get("pdf", 0.0),
            "docx_s": kinds.get("docx", 0.0),
            "pdf_pages": pages,
            "pages_per_s": pages / kinds["pdf"] if kinds.get("pdf") else 0.0,
            "peak_mib": cold_rss,
        }
        if naive:
            naive_s, naive_rss = _naive(project)
            row.update(naive_s=naive_s, naive_peak_mib=naive_rss, cold_vs_naive=cold_s / naive_s)
        return row
    finally:
        shutil.rmtree(work, ignore_errors=True)


COLUMNS = [
    ("reports", "reports", "{}"),
    ("check_s", "check s", "{:.2f}"),
    ("cold_s", "cold build s", "{:.1f}"),
    ("edit_s", "1-report edit s", "{:.1f}"),
    ("edit_ratio", "edit / cold", "{:.2f}"),
    ("site_s", "site s", "{:.1f}"),
    ("pdf_s", "pdf s (cpu)", "{:.1f}"),
    ("docx_s", "docx s (cpu)", "{:.1f}"),
    ("pdf_pages", "pdf pages", "{}"),
    ("pages_per_s", "pages/s per core", "{:.1f}"),
    ("peak_mib", "peak MiB", "{}"),
    ("naive_s", "naive s", "{:.1f}"),
    ("cold_vs_naive", "cold / naive", "{:.2f}"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50,200")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--skip-naive", action="store_true")
    args = parser.parse_args()
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"benchmarking {size} reports…", file=sys.stderr, flush=True)
        rows.append(bench(size, args.jobs, not args.skip_naive))
    columns = [c for c in COLUMNS if any(c[0] in r for r in rows)]
    print("| " + " | ".join(title for _, title, _ in columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print(
            "| "
            + " | ".join(fmt.format(row[key]) if key in row else "" for key, _, fmt in columns)
            + " |"
        )
    print(
        f"\nmachine: {os.cpu_count()} cores; python {sys.version.split()[0]}; "
        f"peak = largest single process (ru_maxrss)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
