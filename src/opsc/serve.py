"""``opsc serve``: live preview for editors.

Every change to a report, a chapter, a ``docs/`` page or the configuration regenerates
the docs tree and rebuilds the site (no PDF or DOCX); open pages reload by themselves.
When the content has errors the preview shows them, with file, line and column,
instead of the site.
"""

from __future__ import annotations

import functools
import http.server
import logging
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader

from opsc.build.cache import staging_dir
from opsc.diagnostics import Diagnostic, Severity
from opsc.project import Project, today

log = logging.getLogger(__name__)

RELOAD_PATH = "/__opsc_reload"


@dataclass
class PreviewState:
    """The latest build: its number, where it is, and the errors that stopped it."""

    version: int = 0
    site: Path | None = None
    errors: list[Diagnostic] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, site: Path | None, errors: list[Diagnostic]) -> None:
        with self.changed:
            self.site, self.errors = site, errors
            self.version += 1
            self.changed.notify_all()

    def wait_newer(self, version: int, timeout: float = 25.0) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version > version, timeout=timeout)
            return self.version


def rebuild(project: Project, state: PreviewState) -> None:
    """Check, regenerate and build the preview site; publish the result."""
    from opsc.site import SiteInputs, build_site, generate_tree

    result = project.check()
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    for diagnostic in result.diagnostics:
        print(diagnostic.as_text(), file=sys.stderr)
    if errors:
        state.publish(state.site, errors)
        return
    staging = staging_dir(project.root).with_name("preview-tree")
    config = generate_tree(
        SiteInputs(result.corpus, project.settings, project.root, today()), staging
    )
    output = staging / "site"
    build_site(config, output)
    print(f"opsc serve: rebuilt ({len(result.corpus.reports)} reports)", file=sys.stderr)
    state.publish(output, [])


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the latest build, injects the reload script, and shows errors."""

    state: PreviewState
    templates: Environment

    def log_message(self, format: str, *args: object) -> None:
        log.debug(format, *args)

    def translate_path(self, path: str) -> str:
        site = self.state.site or Path("/nonexistent")
        self.directory = str(site)
        return super().translate_path(path)

    def do_GET(self) -> None:
        if self.path.startswith(RELOAD_PATH):
            self._reload()
            return
        if self.state.errors:
            self._send_html(
                self.templates.get_template("errors.html.j2").render(
                    errors=self.state.errors, version=self.state.version, reload_path=RELOAD_PATH
                )
            )
            return
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            html = target.read_text(encoding="utf-8")
            script = self.templates.get_template("reload.html.j2").render(
                version=self.state.version, reload_path=RELOAD_PATH
            )
            self._send_html(html.replace("</body>", script + "</body>", 1))
            return
        super().do_GET()

    def _reload(self) -> None:
        try:
            seen = int(self.path.rsplit("=", 1)[-1])
        except ValueError:
            seen = 0
        version = self.state.wait_newer(seen)
        self._send(str(version).encode(), "text/plain")

    def _send_html(self, html: str) -> None:
        self._send(html.encode("utf-8"), "text/html; charset=utf-8")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _watched(project: Project) -> list[Path]:
    candidates = [
        project.reports_dir,
        project.guide_dir,
        project.docs_dir,
        project.root / "mkdocs.yml",
        project.root / "opsc.yml",
    ]
    return [p for p in candidates if p.exists()]


def run_serve(root: Path, *, host: str, port: int) -> int:
    """Serve the preview until interrupted."""
    import watchfiles

    project = Project.at(root)
    state = PreviewState()
    rebuild(project, state)
    handler = type(
        "Handler",
        (PreviewHandler,),
        {
            "state": state,
            "templates": Environment(loader=PackageLoader("opsc", "templates"), autoescape=True),
        },
    )
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"opsc serve: http://{host}:{server.server_port}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        for _changes in watchfiles.watch(*_watched(project)):
            try:
                project = Project.at(root)
                rebuild(project, state)
            except Exception as exc:
                print(f"opsc serve: rebuild failed: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
