"""The stages, in order: read (vietmine.corpus.readers) -> decode -> clean -> segment ->
extract (vietmine.extractors) -> resolve -> store; `identity` keys cited documents, `connections`
owns every database connection, `migrations` the schema, and `engines` drive the stages."""
