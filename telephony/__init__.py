"""The telephony layer: keeps Asterisk nodes in step with the service's compiled plans.

A deployment of its own: it talks to the service only over HTTP with a telephony token and imports
nothing of ``api``; it uses the pure ``ivr_flows`` library to render plans for its node. So far: the
service's plan routes (:mod:`telephony.service`), the sync of plans into the dialplan include file
(:mod:`telephony.plan_sync`, :mod:`telephony.dialplan_file`) and the manager connection that reloads it
(:mod:`telephony.ami`). Asterisk itself is built by ``scripts/asterisk`` (``docs/telephony.md``).
"""

from __future__ import annotations

from .ami import AmiClient, AmiError
from .dialplan_file import render_plans, replace_file

__all__ = ["AmiClient", "AmiError", "render_plans", "replace_file"]
