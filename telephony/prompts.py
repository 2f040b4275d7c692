"""Prompt audio and ringback tones of the plans, fetched from the service into Asterisk's directories.

A plan names media items by prompt id (``media-<id>``); the dialplan plays ``<sound_dir>/<name>`` and dials
with ``m(<moh_prefix><name>)`` (:func:`ivr_flows.asterisk_prompt_name`). A media item's audio never changes
after it was created (a new recording is a new item, so a new id), which makes the prompt id a content
address: a file already on disk is current and only prompts new to this node are fetched, in both G.711
formats Asterisk reads headerless (``.alaw``, China's trunks, and ``.ulaw``), each written atomically.

Ringback tones become music-on-hold classes: one directory per tone and a file of ``[class]`` sections
that ``musiconhold.conf`` includes, replaced whole and reloaded only when it changed. Files are fetched
before the dialplan that plays them is loaded; files no plan references any more are left in place (a
call in progress may still play them).

What a plan says rather than plays from a file comes from the service's sounds route, synthesised there:
a flow's text-to-speech prompts (``tts-<hash of the text>``, content addresses like media ids) and the
platform's announcements (``sys-*``, fetched again once per agent start, since a new release may reword
them; ``sys-suspended`` always when plans read call allowances, which play it once a balance is
exhausted). Asterisk's own voicemail sounds (``beep``, ``vm-goodbye``; the build installs no sound packages)
go to the top of the sounds directory, where app_voicemail looks for them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ivr_flows import AsteriskOptions, Dialplan, asterisk_prompt_name
from ivr_flows.asterisk import SUSPENDED_PROMPT

from .files import replace_file, write_bytes_atomically
from .service import ServiceClient, ServiceError

__all__ = ["FORMATS", "PromptSync", "media_id", "referenced_media"]

log = logging.getLogger("telephony.prompts")

#: Route format → file extension Asterisk's format_pcm reads.
FORMATS = {"alaw": "alaw", "ulaw": "ulaw"}
_MEDIA = re.compile(r"media-([1-9][0-9]{0,18})")
MOH_HEADER = "; Written by the hotline400 telephony agent: ringback tones. Replaced whole. Do not edit.\n"
#: Sounds app_voicemail plays itself (with the options the renderer gives it).
ASTERISK_SOUNDS = ("beep", "vm-goodbye")


def media_id(prompt_id: str) -> int | None:
    """The media item a prompt id names, or None for platform prompts (system text)."""
    match = _MEDIA.fullmatch(prompt_id)
    return int(match[1]) if match else None


@dataclass(frozen=True)
class Referenced:
    prompts: frozenset[str]
    ringbacks: frozenset[str]
    #: Spoken prompts (``system`` and ``tts``) by prompt id, with their text.
    spoken: dict[str, str | None]


def referenced_media(plans: Iterable[Dialplan]) -> Referenced:
    """Prompt ids of media items the plans play, those they ring back with, and the spoken prompts."""
    prompts: set[str] = set()
    ringbacks: set[str] = set()
    spoken: dict[str, str | None] = {}
    for plan in plans:
        prompts.update(pid for pid, p in plan.prompts.items() if p.kind != "system" and media_id(pid))
        spoken.update((pid, p.text) for pid, p in plan.prompts.items() if p.kind in ("system", "tts"))
        for step in plan.steps:
            ringback = step.args.get("ringback") if step.op == "dial" else None
            if isinstance(ringback, str) and media_id(ringback):
                ringbacks.add(ringback)
    return Referenced(frozenset(prompts), frozenset(ringbacks), spoken)


class PromptSync:
    """Keeps ``sounds_dir`` holding every referenced prompt and ``moh_file`` every ringback class."""

    def __init__(
        self, service: ServiceClient, sounds_dir: Path, moh_file: Path, options: AsteriskOptions
    ) -> None:
        self.service = service
        self.sounds_dir = sounds_dir
        self.moh_file = moh_file
        self.options = options
        self.fetched = 0
        self.missing: set[str] = set()
        #: Announcements and Asterisk sounds already fetched by this process (re-fetched once per start).
        self._refreshed: set[str] = set()

    @property
    def prompt_dir(self) -> Path:
        return self.sounds_dir / self.options.sound_dir

    @property
    def moh_root(self) -> Path:
        return self.sounds_dir / f"{self.options.sound_dir}-moh"

    async def sync(self, plans: Iterable[Dialplan]) -> bool:
        """Fetch what is new; returns whether the music-on-hold file changed (reload it then).

        Raises:
            ServiceError: the service could not be reached (a prompt it does not serve is logged and
                skipped instead, so one withdrawn item never blocks every other plan).
        """
        wanted = referenced_media(plans)
        for pid in sorted(wanted.prompts):
            await self._ensure(pid, self.prompt_dir)
        spoken = dict(wanted.spoken)
        if self.options.allowance_db_family:  # every plan then plays it when the balance is exhausted
            spoken.setdefault(SUSPENDED_PROMPT, None)
        for pid, text in sorted(spoken.items()):
            await self._ensure_sound(pid, text, self.prompt_dir)
        for name in ASTERISK_SOUNDS:
            await self._ensure_sound(name, None, self.sounds_dir)
        classes = []
        for pid in sorted(wanted.ringbacks):
            name = asterisk_prompt_name(pid)
            if await self._ensure(pid, self.moh_root / name):
                classes.append(
                    f"[{self.options.moh_prefix}{name}]\nmode = files\ndirectory = {self.moh_root / name}\n"
                )
        return replace_file(self.moh_file, MOH_HEADER + "\n".join(classes))

    async def _ensure(self, prompt_id: str, directory: Path) -> bool:
        """Both formats of one prompt in ``directory``; False when the service does not serve it."""
        item = media_id(prompt_id)
        assert item is not None
        name = asterisk_prompt_name(prompt_id)
        for fmt, extension in FORMATS.items():
            path = directory / f"{name}.{extension}"
            if path.exists():
                continue
            try:
                data = await self.service.media(item, fmt)
            except ServiceError as error:
                if error.status in (404, 410):
                    if prompt_id not in self.missing:
                        log.warning("the service does not serve %s (%s): not installed", prompt_id, fmt)
                    self.missing.add(prompt_id)
                    return False
                raise
            write_bytes_atomically(path, data)
            self.fetched += 1
        self.missing.discard(prompt_id)
        return True

    async def _ensure_sound(self, prompt_id: str, text: str | None, directory: Path) -> bool:
        """Both formats of a sound the service synthesises; False when it does not serve it."""
        name = asterisk_prompt_name(prompt_id)
        content_addressed = prompt_id.startswith("tts-")
        for fmt, extension in FORMATS.items():
            path = directory / f"{name}.{extension}"
            if path.exists() and (content_addressed or f"{name}.{extension}" in self._refreshed):
                continue
            try:
                data = await self.service.sound(prompt_id, fmt, text if content_addressed else None)
            except ServiceError as error:
                if error.status in (404, 410, 422):
                    if prompt_id not in self.missing:
                        log.warning("the service does not serve sound %s (%s): not installed", prompt_id, fmt)
                    self.missing.add(prompt_id)
                    return False
                raise
            if not path.exists() or path.read_bytes() != data:
                write_bytes_atomically(path, data)
                self.fetched += 1
            self._refreshed.add(f"{name}.{extension}")
        self.missing.discard(prompt_id)
        return True
