"""opsc: build country reports and an advocacy guide on the OPSC into a site, PDFs and DOCX."""

__version__ = "0.1.0"
