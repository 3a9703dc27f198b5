"""``python -m analyser``: see :mod:`analyser.cli`."""
import sys

from .cli import main

sys.exit(main())
