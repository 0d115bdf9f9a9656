"""Indexing: enrich archived articles (officials, topics) and load them into the search backend."""
