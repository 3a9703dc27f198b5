"""analyser.text."""
