"""One router per resource: health, analyse, documents, corpus-wide queries, graph."""
