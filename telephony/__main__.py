"""``python -m telephony``: the command line of :mod:`telephony.cli`."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
