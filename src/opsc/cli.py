"""The ``opsc`` command line. Heavy imports stay inside commands so ``--help`` is instant."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from opsc import __version__
from opsc.errors import OpscError

EXIT_OK, EXIT_CONTENT, EXIT_TOOL = 0, 1, 2


class OpscGroup(click.Group):
    """Turns unexpected exceptions into exit 2 with one line, unless --debug."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("opsc: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # the CLI is the one place that reports them
            if ctx.obj and ctx.obj.get("debug"):
                raise
            if isinstance(exc, OpscError):
                click.echo(f"opsc: {exc}", err=True)
            else:
                click.echo(f"opsc: internal error: {type(exc).__name__}: {exc}", err=True)
                click.echo("opsc: run again with --debug for the traceback", err=True)
            sys.exit(EXIT_TOOL)


@click.group(cls=OpscGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="opsc")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Build OPSC country reports and the advocacy guide into a site, PDFs and DOCX."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@main.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="Output format of the diagnostics.",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
def check(paths: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Check reports and guide chapters against the content contract.

    PATHS are Markdown files or folders (default: country_reports/ and guide/).
    Exit 0 when clean, 1 when the content has errors (or warnings with --strict).
    """
    from opsc.diagnostics import Summary, render
    from opsc.project import Project

    project = Project.at(Path.cwd())
    result = project.check(paths)
    summary = Summary.of(result.files, result.diagnostics)
    output = render(result.diagnostics, summary, fmt)
    if output:
        click.echo(output)
    if fmt != "json":
        click.echo(summary.as_text(), err=True)
    failed = summary.errors > 0 or (strict and summary.warnings > 0)
    sys.exit(EXIT_CONTENT if failed else EXIT_OK)


@main.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def provisions(fmt: str) -> None:
    """Print the OPSC provision registry."""
    import json

    from opsc import registry

    opsc = registry.opsc()
    if fmt == "json":
        payload = {
            "instrument": opsc.instrument,
            "provisions": [
                {"id": p.id, "title": p.title, "parent": p.parent} for p in opsc.provisions
            ],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    for p in opsc.provisions:
        click.echo(f"{'  ' * p.depth}{p.id:<16} {p.title}")


@main.command()
@click.argument("country")
@click.option("--force", is_flag=True, help="Overwrite an existing report.")
def new(country: str, force: bool) -> None:
    """Write a new report skeleton for COUNTRY (a name or an ISO code)."""
    from opsc.project import Project
    from opsc.skeleton import write_skeleton

    project = Project.at(Path.cwd())
    try:
        path = write_skeleton(project, country, force=force)
    except OpscError as exc:
        click.echo(f"opsc: {exc}", err=True)
        sys.exit(EXIT_TOOL)
    click.echo(f"wrote {path.relative_to(project.root).as_posix()}")


@main.command()
@click.option(
    "--only",
    default="site,pdf,docx",
    show_default=True,
    help="Comma-separated outputs to build: site, pdf, docx.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of cores).",
)
@click.option("--scheduler", default=None, help="Address of a Dask scheduler to use as the pool.")
def build(only: str, jobs: int | None, scheduler: str | None) -> None:
    """Build the outputs into site/, rebuilding only what changed."""
    from opsc.build import run_build

    outputs = [o.strip() for o in only.split(",") if o.strip()]
    unknown = sorted(set(outputs) - {"site", "pdf", "docx"})
    if unknown:
        raise click.BadParameter(f"unknown output {', '.join(unknown)}", param_hint="--only")
    sys.exit(run_build(Path.cwd(), outputs, jobs=jobs, scheduler=scheduler))


@main.command()
@click.option("--port", default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
def serve(port: int, host: str) -> None:
    """Live preview: regenerate the site on every edit and reload the browser."""
    from opsc.serve import run_serve

    sys.exit(run_serve(Path.cwd(), host=host, port=port))


if __name__ == "__main__":  # pragma: no cover
    main()
