"""One pure extractor function per fact kind; each reads a :class:`~analyser.text.document.DocumentText`."""
