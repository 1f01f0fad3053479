"""Open data: the federation's live programmes as an Open Referral HSDS 3.0 API.

Why an app of its own: municipalities, the regional volunteering databases and
referral tools reuse listings only when they come in the open standard for
directories of services (HSDS 3.0), not as HTML pages. This app reads what
the public pages show (live, published pages only: never drafts, workflow,
visitors' requests or editors' accounts) and writes it in HSDS's shapes
(opendata/hsds.py), through a read-only JSON API (opendata/views.py). The
HSDS schemas it is tested against are vendored in opendata/hsds_schema/.
"""
