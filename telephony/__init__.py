"""The telephony layer: keeps Asterisk nodes in step with the service's compiled plans.

A deployment of its own: it talks to the service only over HTTP with a telephony token and imports
nothing of ``api``; it uses the pure ``ivr_flows`` library to render plans for its node. The agent
(``python -m telephony asterisk``: :mod:`telephony.cli`, :mod:`telephony.agent`) keeps one node on the
service's plans (:mod:`telephony.service`, :mod:`telephony.plan_sync`, :mod:`telephony.dialplan_file`),
installs what they play and use (:mod:`telephony.prompts`, :mod:`telephony.voicemail`,
:mod:`telephony.areas`) through the manager interface (:mod:`telephony.ami`), keeps each number's call
allowance in Asterisk's database (:mod:`telephony.allowance`) and reports finished calls
(:mod:`telephony.calls`, :mod:`telephony.outbox`). Asterisk itself is built by ``scripts/asterisk``
(``docs/telephony.md``).
"""

from __future__ import annotations

from .ami import AmiClient, AmiError
from .dialplan_file import render_plans
from .files import replace_file

__all__ = ["AmiClient", "AmiError", "render_plans", "replace_file"]
