"""A URL fetcher that serves only files inside the project and opsc's own assets."""

from __future__ import annotations

import logging
import mimetypes
import urllib.parse
from pathlib import Path

from weasyprint.urls import URLFetcher, URLFetcherResponse

log = logging.getLogger(__name__)


class RefusedURL(ValueError):
    """A resource outside what a document may use."""


class ProjectFetcher(URLFetcher):
    """Reads ``file:`` URLs under the allowed folders; refuses everything else.

    No network, no ``file://`` elsewhere, no path escaping the root (symbolic links
    are resolved before the check).
    """

    def __init__(self, *roots: Path) -> None:
        super().__init__(allowed_protocols={"file", "data"}, allow_redirects=False)
        self.roots = [root.resolve() for root in roots]
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        parsed = urllib.parse.urlsplit(url)
        if parsed.scheme == "data":
            return super().fetch(url, headers)
        if parsed.scheme != "file" or parsed.netloc not in ("", "localhost"):
            return self._refuse(url, "not a file of the project")
        path = Path(urllib.parse.unquote(parsed.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            return self._refuse(url, "outside the project")
        if not path.is_file():
            return self._refuse(url, "not found")
        mime, _ = mimetypes.guess_type(path.name)
        return URLFetcherResponse(
            path.as_uri(),
            body=path.read_bytes(),
            headers={"Content-Type": mime or "application/octet-stream"},
        )

    def _refuse(self, url: str, why: str) -> URLFetcherResponse:
        self.refused.append(url)
        log.warning("refused to fetch %s: %s", url, why)
        raise RefusedURL(f"{url}: {why}")
