"""``opsc build``: check, render what changed in parallel, and swap the new site in.

The previous ``site/`` stays byte for byte as it was until every output of the new
build exists; a failed or interrupted build changes nothing there.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import logging
import os
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from opsc.build.assemble import copy_tree, link_or_copy, new_site_dir, recover, swap_in
from opsc.build.cache import ArtifactCache, staging_dir
from opsc.build.progress import BuildProgress
from opsc.build.tasks import Task, plan_tasks, run_task

log = logging.getLogger(__name__)

EXIT_OK, EXIT_CONTENT, EXIT_TOOL = 0, 1, 2


class BuildError(Exception):
    """A renderer or the site generator failed."""


@dataclass
class BuildReport:
    """What a build did, for the summary."""

    rebuilt: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    reused: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def lines(self) -> list[str]:
        kinds = sorted(set(self.rebuilt) | set(self.reused) | set(self.seconds))
        return [
            f"  {kind:<6} rebuilt {self.rebuilt.get(kind, 0):>4}, reused {self.reused.get(kind, 0):>4}, "
            f"{self.seconds.get(kind, 0.0):6.2f} s"
            for kind in kinds
        ]


def _timed_task(task: Task, out: Path) -> tuple[str, float]:
    start = time.perf_counter()
    run_task(task, out)
    return task.output, time.perf_counter() - start


def _executor(jobs: int, scheduler: str | None) -> cf.Executor:
    if scheduler:
        from distributed import Client

        return Client(scheduler).get_executor()
    return cf.ProcessPoolExecutor(max_workers=jobs)


def _shutdown(executor: cf.Executor) -> None:
    """Stop a pool: a process pool cancels what has not started; a Dask client closes."""
    if isinstance(executor, cf.ProcessPoolExecutor):
        executor.shutdown(wait=True, cancel_futures=True)
        return
    executor.shutdown(wait=True)
    client = getattr(executor, "_client", None)
    if client is not None:
        client.close()


def _run_wave(
    tasks: list[Task],
    cache: ArtifactCache,
    executor: cf.Executor | None,
    progress: BuildProgress,
    report: BuildReport,
) -> None:
    if not tasks:
        return
    if executor is None:
        for task in tasks:
            _, seconds = _timed_task(task, cache.path(task.key, task.output))
            report.seconds[task.output_kind] += seconds
            progress.advance(task.output)
        return
    futures = {executor.submit(_timed_task, t, cache.path(t.key, t.output)): t for t in tasks}
    try:
        for future in cf.as_completed(futures):
            task = futures[future]
            try:
                _, seconds = future.result()
            except Exception as exc:
                raise BuildError(f"{task.output}: {type(exc).__name__}: {exc}") from exc
            report.seconds[task.output_kind] += seconds
            progress.advance(task.output)
    except BaseException:
        for future in futures:
            future.cancel()
        raise


def _tree_fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _build_site_tree(project, corpus, sizes: dict[str, int], report: BuildReport) -> Path:
    from opsc.project import today
    from opsc.site import SiteInputs, build_site, generate_tree

    start = time.perf_counter()
    staging = staging_dir(project.root)
    config = generate_tree(
        SiteInputs(corpus, project.settings, project.root, today(), download_sizes=sizes), staging
    )
    output = staging / "site"
    stamp = staging / ".built-from"
    fingerprint = (
        _tree_fingerprint(staging / "docs") + hashlib.sha256(config.read_bytes()).hexdigest()
    )
    if output.is_dir() and stamp.is_file() and stamp.read_text() == fingerprint:
        report.reused["site"] += 1
    else:
        stamp.unlink(missing_ok=True)
        build_site(config, output)
        stamp.write_text(fingerprint)
        report.rebuilt["site"] += 1
    report.seconds["site"] += time.perf_counter() - start
    return output


def _print_diagnostics(diagnostics: Iterable) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.as_text())


def run_build(
    root: Path, outputs: list[str], *, jobs: int | None = None, scheduler: str | None = None
) -> int:
    """Build the requested outputs of the project at ``root``; return the exit code."""
    from opsc.diagnostics import Summary
    from opsc.project import Project

    started = time.perf_counter()
    project = Project.at(root)
    result = project.check()
    _print_diagnostics(result.diagnostics)
    summary = Summary.of(result.files, result.diagnostics)
    if summary.errors:
        print(f"opsc: {summary.as_text()}; nothing was built", file=sys.stderr)
        return EXIT_CONTENT
    if summary.warnings:
        print(f"opsc: {summary.as_text()}", file=sys.stderr)
    corpus = result.corpus
    site = project.root / project.settings.site_dir
    recover(site)
    cache = ArtifactCache(project.root)
    tasks = plan_tasks(corpus, project.settings, project.root, outputs)
    report = BuildReport()
    pending = [t for t in tasks if not cache.has(t.key, t.output)]
    for task in tasks:
        if task not in pending:
            report.reused[task.output_kind] += 1
        else:
            report.rebuilt[task.output_kind] += 1
    first = [t for t in pending if not t.kind.startswith("compendium-pdf")]
    second = [t for t in pending if t.kind.startswith("compendium-pdf")]
    for task in second:
        task.parts = {
            (t.report.slug if t.report else "guide"): cache.path(t.key, t.output)
            for t in tasks
            if t.kind in {"report-pdf", "guide-pdf"}
        }
    workers = jobs or os.cpu_count() or 1
    new_site: Path | None = None
    try:
        with BuildProgress(len(pending)) as progress:
            executor = (
                _executor(workers, scheduler) if (pending and (workers > 1 or scheduler)) else None
            )
            try:
                _run_wave(first, cache, executor, progress, report)
                _run_wave(second, cache, executor, progress, report)
            finally:
                if executor is not None:
                    _shutdown(executor)
            # previous outputs of kinds not requested are kept when still current
            current = {t.output: cache.path(t.key, t.output) for t in tasks}
            carried = _carried_outputs(project, corpus, outputs, cache)
            artifacts = {**carried, **current}
            sizes = {output: path.stat().st_size for output, path in artifacts.items()}
            new_site = new_site_dir(site)
            if "site" in outputs:
                progress.note("building the site")
                copy_tree(_build_site_tree(project, corpus, sizes, report), new_site)
            elif site.is_dir():
                copy_tree(site, new_site)
            for output, path in artifacts.items():
                target = new_site / output
                target.unlink(missing_ok=True)
                link_or_copy(path, target)
            swap_in(new_site, site)
            new_site = None
    except KeyboardInterrupt:
        print("opsc: interrupted; the previous site/ is unchanged", file=sys.stderr)
        return 130
    except Exception as exc:
        from opsc.site.generate import SiteConfigError
        from opsc.site.mkdocs_build import SiteBuildError

        if not isinstance(exc, BuildError | SiteConfigError | SiteBuildError):
            raise
        print(f"opsc: build failed: {exc}", file=sys.stderr)
        print("opsc: the previous site/ is unchanged", file=sys.stderr)
        return EXIT_TOOL
    finally:
        if new_site is not None:
            import shutil

            shutil.rmtree(new_site, ignore_errors=True)
    keep = {t.key for t in tasks} | _carried_keys(project, corpus, outputs)
    cache.prune(keep)
    elapsed = time.perf_counter() - started
    print(
        f"opsc: built {site.relative_to(project.root) if site.is_relative_to(project.root) else site}/"
        f" in {elapsed:.1f} s",
        file=sys.stderr,
    )
    for line in report.lines():
        print(line, file=sys.stderr)
    return EXIT_OK


def _carried_tasks(project, corpus, outputs: list[str]) -> list[Task]:
    other = [kind for kind in ("pdf", "docx") if kind not in outputs]
    return plan_tasks(corpus, project.settings, project.root, other) if other else []


def _carried_outputs(project, corpus, outputs: list[str], cache: ArtifactCache) -> dict[str, Path]:
    """Outputs of kinds not requested this time whose cached artifact is still current."""
    return {
        t.output: cache.path(t.key, t.output)
        for t in _carried_tasks(project, corpus, outputs)
        if cache.has(t.key, t.output)
    }


def _carried_keys(project, corpus, outputs: list[str]) -> set[str]:
    return {t.key for t in _carried_tasks(project, corpus, outputs)}
