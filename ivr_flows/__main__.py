"""``python -m ivr_flows`` — see :mod:`ivr_flows.cli`."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
