"""analyser.corpus."""
