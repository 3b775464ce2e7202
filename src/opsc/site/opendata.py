"""Open data: the ratings as CSV and the report metadata as JSON."""

from __future__ import annotations

import csv
import io
import json

from opsc import layout
from opsc.catalogue import areas
from opsc.model import Corpus
from opsc.site.pages import region_of


def ratings_csv(corpus: Corpus) -> str:
    """One row per report and catalogue area: absent areas have an empty rating."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "iso3",
            "country",
            "region",
            "area",
            "area_title",
            "rating",
            "provisions",
            "last_reviewed",
            "status",
            "page",
        ]
    )
    for report in sorted(corpus.reports, key=lambda r: r.meta.iso3):
        for area in areas():
            found = report.area(area.id)
            writer.writerow(
                [
                    report.meta.iso3,
                    report.meta.country,
                    region_of(report.meta.iso3),
                    area.id,
                    area.title,
                    (found.rating or "") if found else "",
                    " ".join(found.provisions) if found else "",
                    report.meta.last_reviewed.isoformat() if report.meta.last_reviewed else "",
                    report.meta.status,
                    layout.report_page(report.slug) + "index.html#" + area.id,
                ]
            )
    return out.getvalue()


def reports_json(corpus: Corpus) -> str:
    """Metadata and ratings of every report."""
    reports = []
    for report in sorted(corpus.reports, key=lambda r: r.meta.iso3):
        meta = report.meta
        reports.append(
            {
                "slug": report.slug,
                "country": meta.country,
                "iso3": meta.iso3,
                "region": region_of(meta.iso3),
                "signed": meta.signed.isoformat() if meta.signed else None,
                "ratified": meta.ratified.isoformat() if meta.ratified else None,
                "accession": meta.accession,
                "last_reviewed": meta.last_reviewed.isoformat() if meta.last_reviewed else None,
                "status": meta.status,
                "language": meta.language,
                "sources": meta.sources,
                "reviewers": meta.reviewers,
                "page": layout.report_page(report.slug) + "index.html",
                "pdf": layout.report_pdf(report.slug),
                "docx": layout.report_docx(report.slug),
                "areas": {
                    a.id: {"rating": a.rating, "provisions": a.provisions} for a in report.areas
                },
            }
        )
    return json.dumps({"reports": reports}, ensure_ascii=False, indent=1) + "\n"
