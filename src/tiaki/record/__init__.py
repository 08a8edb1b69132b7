"""Record: the model, value types, mappings, ingest and the store."""
