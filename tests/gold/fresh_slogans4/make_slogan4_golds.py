"""Build the formulation golds of this folder (``*.gold.json``) from ``specs/*.spec``.

The same builder as ``../fresh_slogans/make_slogan_golds.py`` (the spec format and offsets of
``../fresh/make_golds.py``): ``python3 tests/gold/fresh_slogans4/make_slogan4_golds.py`` (needs ``../shared``).
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    spec = importlib.util.spec_from_file_location("fresh_slogans_make", HERE.parent / "fresh_slogans" / "make_slogan_golds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = HERE  # build from this folder's specs, write beside them
    return module.main()


if __name__ == "__main__":
    sys.exit(main())
