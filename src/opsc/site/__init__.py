"""The website: a docs tree generated from the model, built with MkDocs and mkdocs-material."""

from opsc.site.generate import SiteInputs, generate_tree
from opsc.site.mkdocs_build import build_site

__all__ = ["SiteInputs", "build_site", "generate_tree"]
