"""``python -m telephony asterisk``: the agent's command line; every flag also reads an environment variable.

Deployments (systemd units, containers) configure the agent through the environment; flags override it
for a manual run. Secrets (the telephony token, the manager secret) belong in the environment: flags are
visible to every user of the machine in the process list.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ivr_flows import AsteriskOptions

from .agent import Agent, AgentConfig, AgentLockedError, node_lock
from .call_log import CALL_LOG_NAME
from .outbound import outbound_policy

__all__ = ["build_parser", "main"]

#: flag destination → (environment variable, default); None: required.
SETTINGS: dict[str, tuple[str, str | None]] = {
    "service_url": ("TELEPHONY_SERVICE_URL", None),
    "token": ("TELEPHONY_TOKEN", None),
    "config_dir": ("TELEPHONY_ASTERISK_CONFIG_DIR", "/etc/asterisk"),
    "include_file": ("TELEPHONY_INCLUDE_FILE", ""),
    "moh_file": ("TELEPHONY_MOH_FILE", ""),
    "voicemail_file": ("TELEPHONY_VOICEMAIL_FILE", ""),
    "sounds_dir": ("TELEPHONY_SOUNDS_DIR", "/var/lib/asterisk/sounds"),
    "state_dir": ("TELEPHONY_STATE_DIR", "/var/lib/hotline400-telephony"),
    "spool_dir": ("TELEPHONY_SPOOL_DIR", "/var/spool/asterisk"),
    "ami_host": ("TELEPHONY_AMI_HOST", "127.0.0.1"),
    "ami_port": ("TELEPHONY_AMI_PORT", "5038"),
    "ami_user": ("TELEPHONY_AMI_USER", "hotline-agent"),
    "ami_secret": ("TELEPHONY_AMI_SECRET", None),
    "channel": ("TELEPHONY_CHANNEL", AsteriskOptions.channel),
    "long_poll": ("TELEPHONY_LONG_POLL_SECONDS", "25"),
    "health_interval": ("TELEPHONY_HEALTH_SECONDS", "60"),
    "max_backoff": ("TELEPHONY_MAX_BACKOFF_SECONDS", "30"),
    "allowance_family": ("TELEPHONY_ALLOWANCE_FAMILY", "hotline-allowance"),
    "allowance_interval": ("TELEPHONY_ALLOWANCE_SECONDS", "60"),
    "call_log": ("TELEPHONY_CALL_LOG", f"/var/log/asterisk/cel-custom/{CALL_LOG_NAME}"),
    "agi_address": ("TELEPHONY_AGI_ADDRESS", AsteriskOptions.agi_address),
    "http_allow_hosts": ("TELEPHONY_HTTP_ALLOW_HOSTS", ""),
    "http_own_networks": ("TELEPHONY_HTTP_OWN_NETWORKS", ""),
}

HELP = {
    "service_url": "base URL of the hotline service, e.g. http://10.0.0.5:8400",
    "token": "telephony token (createServiceToken); prefer the environment",
    "config_dir": "Asterisk's configuration directory",
    "include_file": "the plans file extensions.conf #includes (default: <config-dir>/hotline-plans.conf)",
    "moh_file": "the ringback classes musiconhold.conf #includes (default: <config-dir>/hotline-moh.conf)",
    "voicemail_file": "the mailboxes voicemail.conf #includes (default: <config-dir>/hotline-voicemail.conf)",
    "sounds_dir": "Asterisk's sounds directory (prompts go into hotline/, ringback tones into hotline-moh/)",
    "state_dir": "the agent's own directory (lock, the outbox of call reports, recordings and voicemail)",
    "spool_dir": "Asterisk's spool directory (call recordings in monitor/, voicemail in voicemail/)",
    "ami_host": "Asterisk manager host",
    "ami_port": "Asterisk manager port",
    "ami_user": "Asterisk manager user (needs read = system,call,user, write = system,config,reporting)",
    "ami_secret": "Asterisk manager secret; prefer the environment",
    "channel": "how the dialplan reaches a bound number; {number} becomes its national digits",
    "long_poll": "seconds one change long-poll is held (at most 60)",
    "health_interval": "seconds between health lines in the log",
    "max_backoff": "longest wait between retries after an error",
    "allowance_family": "AstDB family of the numbers' call allowances the plans read (empty: no limit)",
    "allowance_interval": "seconds between refreshes of the call allowances (also after plans and reports)",
    "call_log": "the JSON lines the node's cel_custom writes; calls begun and ended while the agent did not "
    "listen are read from it (empty: not reported)",
    "agi_address": "host:port where the agent answers the plans' HTTP request steps (FastAGI, loopback)",
    "http_allow_hosts": "comma-separated hosts flows may ask over plain http or on non-public addresses "
    "(the operator's allowlist, kept the same as the service's)",
    "http_own_networks": "comma-separated networks (CIDR) of the platform itself, never asked by flows",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m telephony", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    agent = commands.add_parser(
        "asterisk",
        help="keep one Asterisk node on the service's plans (runs until SIGTERM)",
        description=(
            "Sync every number's plan into Asterisk (include file + dialplan reload over AMI), then "
            "follow the service's change long-poll; retries with back-off through network errors and "
            "restarts. Each flag defaults to the environment variable named in its help."
        ),
    )
    for dest, (variable, default) in SETTINGS.items():
        value = os.environ.get(variable, default)
        shown = "(required)" if default is None else f"(default {default!r})" if default else ""
        agent.add_argument(
            "--" + dest.replace("_", "-"),
            dest=dest,
            default=value,
            help=f"{HELP[dest]}; env {variable} {shown}".rstrip(),
        )
    agent.add_argument("--log-level", default=os.environ.get("TELEPHONY_LOG_LEVEL", "INFO"))
    return parser


def config_from(args: argparse.Namespace, parser: argparse.ArgumentParser) -> AgentConfig:
    """Check every setting and build the agent's configuration (errors name the flag and its variable)."""
    for dest, (variable, _) in SETTINGS.items():
        if getattr(args, dest) in (None, "") and SETTINGS[dest][1] is None:
            parser.error(f"--{dest.replace('_', '-')} (or {variable}) is required")

    def number(dest: str) -> float:
        try:
            value = float(getattr(args, dest))
        except ValueError:
            parser.error(f"--{dest.replace('_', '-')} must be a number, not {getattr(args, dest)!r}")
        if value <= 0:
            parser.error(f"--{dest.replace('_', '-')} must be positive")
        return value

    long_poll = int(number("long_poll"))
    if long_poll > 60:
        parser.error("--long-poll must be at most 60 seconds (the service's limit)")
    options = AsteriskOptions(
        channel=args.channel,
        allowance_db_family=args.allowance_family,
        standalone=False,
        agi_address=args.agi_address,
    )
    try:
        http_policy = outbound_policy(args.http_allow_hosts, args.http_own_networks)
    except ValueError as error:
        parser.error(f"--http-own-networks: {error}")
    try:
        options.check()
    except ValueError as error:
        parser.error(str(error))
    config_dir = Path(args.config_dir)
    return AgentConfig(
        service_url=args.service_url,
        token=args.token,
        include_file=Path(args.include_file) if args.include_file else config_dir / "hotline-plans.conf",
        moh_file=Path(args.moh_file) if args.moh_file else config_dir / "hotline-moh.conf",
        voicemail_file=(
            Path(args.voicemail_file) if args.voicemail_file else config_dir / "hotline-voicemail.conf"
        ),
        sounds_dir=Path(args.sounds_dir),
        state_dir=Path(args.state_dir),
        spool_dir=Path(args.spool_dir),
        ami_host=args.ami_host,
        ami_port=int(number("ami_port")),
        ami_user=args.ami_user,
        ami_secret=args.ami_secret,
        options=options,
        long_poll_s=long_poll,
        health_interval_s=number("health_interval"),
        max_backoff_s=number("max_backoff"),
        allowance_interval_s=number("allowance_interval"),
        call_log=Path(args.call_log) if args.call_log else None,
        http_policy=http_policy,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    config = config_from(args, parser)
    logging.basicConfig(
        level=args.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    agent = Agent(config)
    try:
        with node_lock(config.state_dir):
            asyncio.run(agent.serve())
    except AgentLockedError as error:
        logging.getLogger("telephony.agent").error("%s: one agent per Asterisk node", error)
        return 1
    return 1 if agent.failed else 0
