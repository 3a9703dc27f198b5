"""analyser.nlp."""
