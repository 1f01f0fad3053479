"""Wagtail search backends with the two things the public search needs on top of Wagtail's own.

Each backend here answers `match_documents(query, queryset)` and
`suggest_documents(query, queryset)` over SearchDocument in its own way:

- the database backend (SQLite FTS5 or PostgreSQL full-text) matches the
  folded, stemmed copy of the text that search/text.py computes;
- the search-server backend (Elasticsearch) matches per-language
  fields analysed per language (Dutch, French, English, Arabic, Persian;
  Ukrainian and Tigrinya with the standard tokenizer).

Settings choose the backend (campaign_site/settings/base.py); code never looks
at a backend's name. `unavailable_errors` lists the exceptions that mean "the
search server did not answer"; search/service.py then falls back to the
backend named by the FALLBACK option.
"""
