"""The agent's FastAGI answer: HTTP request steps of calls in progress on this node.

A plan's ``http`` step renders to ``AGI(agi://<agent>/http,<400 number>,<plan tag>,<step index>)``
(``docs/dialplan.md``). Asterisk connects, sends its ``agi_*`` environment, and this server

1. finds the step in the plan it loaded for that number — only if that plan's tag is the one the call runs
   (a plan changed since: the call leaves by ``failure``);
2. reads the variables the step sends from the channel (``GET VARIABLE``);
3. makes the request through the guarded client (:func:`telephony.http_step.run_http_step`);
4. sets the result variables (``FV_<name>``) and ``HTTP_OUTCOME`` (``success``/``failure``/``timeout``).

The call waits only on the customer's system (at most 3 s), never on the service. The server listens on
loopback; anything it does not understand ends the AGI session, which the dialplan reads as ``failure``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import Final

from ivr_flows import Dialplan
from ivr_flows.asterisk_steps import channel_variable, flow_variable, plan_tag
from ivr_flows.nodes.http import variables_read

from .http_step import Secret, StepResult, run_http_step
from .outbound import OutboundPolicy

__all__ = ["HttpAgi"]

log = logging.getLogger("telephony.fastagi")
_RESULT: Final = re.compile(r"^200 result=(-?\d+)(?: \((.*)\))?")
#: A session's whole budget: the request's 3 s and the few AGI round trips around it.
SESSION_S: Final = 6.0


class AgiHangup(Exception):
    """The channel went away (or Asterisk answered something unexpected): stop talking to it."""


class HttpAgi:
    """FastAGI for ``http`` steps; ``plans`` gives the plan loaded for a 400 number, ``secrets`` an
    account secret by (400 number, name)."""

    def __init__(
        self,
        plans: Callable[[str], Dialplan | None],
        policy: OutboundPolicy,
        secrets: Callable[[str, str], Secret | None] | None = None,
    ) -> None:
        self.plans = plans
        self.policy = policy
        self.secrets = secrets
        #: Requests answered so far, by outcome (the health line reports them).
        self.counts: dict[str, int] = {}

    async def serve(self, host: str = "127.0.0.1", port: int = 4573) -> asyncio.Server:
        return await asyncio.start_server(self._session, host, port)

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            async with asyncio.timeout(SESSION_S):
                env = await _environment(reader)
                result = await self._answer(env, reader, writer)
                for variable, value in result.values.items():
                    await _command(reader, writer, f'SET VARIABLE {flow_variable(variable)} "{value}"')
                await _command(reader, writer, f"SET VARIABLE HTTP_OUTCOME {result.outcome}")
                self.counts[result.outcome] = self.counts.get(result.outcome, 0) + 1
                if result.error:
                    log.info("http step %s: %s", env.get("agi_arg_1", "?"), result.error)
        except (AgiHangup, TimeoutError, ConnectionError, asyncio.IncompleteReadError, ValueError) as exc:
            log.info("AGI session ended early: %s", exc.__class__.__name__)
        finally:
            writer.close()

    async def _answer(
        self, env: dict[str, str], reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> StepResult:
        number, tag, index = env.get("agi_arg_1", ""), env.get("agi_arg_2", ""), env.get("agi_arg_3", "")
        if env.get("agi_network_script") != "http" or not index.isdigit():
            return StepResult("failure", error="不认识的 AGI 请求")
        plan = self.plans(number)
        if plan is None or plan_tag(plan) != tag or int(index) >= len(plan.steps):
            return StepResult("failure", error="通话所用的路由方案已更新,本次不发送请求")
        step = plan.steps[int(index)]
        if step.op != "http":
            return StepResult("failure", error="该步骤不是查询客户系统")
        values: dict[str, str] = {}
        for name in variables_read(step.args):
            values[name] = await _command(reader, writer, f"GET VARIABLE {channel_variable(name)}")
        secret = None
        if step.args.get("secret") and self.secrets is not None:
            secret = self.secrets(number, str(step.args["secret"]))
        return await run_http_step(step.args, values, self.policy, secret)


async def _environment(reader: asyncio.StreamReader) -> dict[str, str]:
    env: dict[str, str] = {}
    while True:
        raw = await reader.readline()
        if not raw:
            raise AgiHangup("no environment")
        text = raw.decode("utf-8", "replace").strip()
        if not text:
            return env
        key, _, value = text.partition(":")
        env[key.strip()] = value.strip()


async def _command(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, command: str) -> str:
    """Send one AGI command; the value in parentheses of its ``200 result=`` answer ("" when none)."""
    writer.write(command.encode("utf-8") + b"\n")
    await writer.drain()
    raw = await reader.readline()
    match = _RESULT.match(raw.decode("utf-8", "replace").strip())
    if match is None:
        raise AgiHangup(raw.decode("utf-8", "replace").strip() or "closed")
    return match.group(2) or ""
