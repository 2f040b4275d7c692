"""Calls the agent did not hear all of: taken up again from what Asterisk shows when it listens again.

While the agent restarts, or its event connection is down, Asterisk goes on taking calls and sends no
events to anyone. When it listens again (events on first, so nothing after is missed), it lists the
node's channels (``CoreShowChannels``) and compares them with the calls it tracks (those of before the
gap, or of the journal a previous agent left, :mod:`telephony.journal`):

* a tracked call whose channel is gone ended in the gap: it is reported as ending when the agent last
  knew it alive (``alive_at``), unless its ``Hangup`` is among the events that arrive in the next
  seconds; a phone still ringing then is reported as rung until that time;
* a channel in a plan's context the agent does not track began in the gap: it is taken up, starting
  when Asterisk says the channel was created; what the plan resolved before (caller area, category,
  recording) is read from its variables;
* a phone being dialled that the agent did not see dialled (``AppDial`` channels of the call) is taken
  up from now, and one already talking (channel up) is reported answered from now.

Times the agent cannot know are taken at the end favourable to the customer: a call is never charged
for more than it certainly lasted. A call that began *and* ended in the gap leaves no trace Asterisk
would show; it is not reported (the agent logs how long the gap was).

The decisions are pure functions of the channel list and the tracker, fed back to the tracker as the
events that were missed, so the journal stays a complete account of each call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .calls import CallTracker, Missed, dial_end, manager_event, user_event

__all__ = ["Channel", "channels_of", "ending", "missed_events", "resolved", "wanted_variables"]

#: ``ChannelState`` of a channel that is up (answered).
UP = "6"


@dataclass(frozen=True)
class Channel:
    """One ``CoreShowChannel`` of the list."""

    uid: str
    linkedid: str
    name: str
    context: str
    caller: str
    state: str
    application: str
    data: str
    duration_s: int

    @classmethod
    def of(cls, event: dict[str, str]) -> Channel:
        return cls(
            uid=event.get("Uniqueid", ""),
            linkedid=event.get("Linkedid", ""),
            name=event.get("Channel", ""),
            context=event.get("Context", ""),
            caller=event.get("CallerIDNum", ""),
            state=event.get("ChannelState", ""),
            application=event.get("Application", ""),
            data=event.get("ApplicationData", ""),
            duration_s=_seconds(event.get("Duration", "")),
        )


def _seconds(duration: str) -> int:
    """``HH:MM:SS`` as seconds (0 when unreadable)."""
    try:
        hours, minutes, seconds = (int(part) for part in duration.split(":"))
    except ValueError:
        return 0
    return hours * 3600 + minutes * 60 + seconds


def _order(uid: str) -> tuple[int, str]:
    """Creation order of channels: a uniqueid ends in the node's sequence number."""
    sequence = uid.rsplit(".", 1)[-1]
    return (int(sequence), uid) if sequence.isdigit() else (0, uid)


def channels_of(events: list[dict[str, str]]) -> dict[str, Channel]:
    return {channel.uid: channel for channel in map(Channel.of, events) if channel.uid}


def _targets(channel: Channel) -> list[str]:
    """The dial strings of the ``Dial()`` a channel is in (none when it is not dialling)."""
    if channel.application.lower() != "dial":
        return []
    return [target for target in channel.data.split(",")[0].split("&") if target]


def missed_events(
    tracker: CallTracker, channels: dict[str, Channel], now: dt.datetime, alive_at: dt.datetime | None
) -> tuple[list[Missed], list[str]]:
    """The events the tracker missed for calls still up, and the ids of tracked calls that are gone.

    ``alive_at``: until when the agent heard every event (None when it never did).
    """
    missed: list[Missed] = []
    for channel in channels.values():
        number = tracker.number_of(channel.context)
        if number is None or channel.uid in tracker.calls or channel.application == "AppDial":
            continue
        started = now - dt.timedelta(seconds=channel.duration_s)
        started = max(started, alive_at) if alive_at else started
        call = user_event(
            channel.uid, "HotlineCall", Number=number, CallerIDNum=channel.caller, Channel=channel.name
        )
        missed.append((started, call))
        # What it is doing now, when that is something its report says.
        application, argument = channel.application.lower(), channel.data.split(",")[0]
        if application == "voicemail":
            missed.append((now, user_event(channel.uid, "HotlineVoicemail", Mailbox=argument)))
        elif application == "playback":
            missed.append((now, user_event(channel.uid, "HotlinePrompt", Prompt=argument.rsplit("/", 1)[-1])))
    gone = [uid for uid in tracker.calls if uid not in channels]
    adopted = {event["Uniqueid"] for _, event in missed}
    for uid in [*(u for u in tracker.calls if u in channels), *sorted(adopted)]:
        missed.extend(_dialled(tracker, uid, channels, now, alive_at))
    return missed, gone


def _dialled(
    tracker: CallTracker,
    uid: str,
    channels: dict[str, Channel],
    now: dt.datetime,
    alive_at: dt.datetime | None,
) -> list[Missed]:
    """A live call's phones: dialled in the gap, answered in the gap, or no longer there."""
    call, own = tracker.calls.get(uid), channels[uid]
    attempts = call.attempts if call else {}
    answered = call is not None and call.answered is not None
    dialled = sorted(
        (c for c in channels.values() if c.linkedid == own.linkedid and c.application == "AppDial"),
        key=lambda c: _order(c.uid),
    )
    targets = _targets(own)
    missed: list[Missed] = []
    for index, channel in enumerate(dialled):
        if channel.uid not in attempts:
            target = (
                targets[index] if len(targets) == len(dialled) else targets[0] if len(targets) == 1 else ""
            )
            missed.append((now, manager_event("DialBegin", uid, DestUniqueid=channel.uid, DialString=target)))
        elif attempts[channel.uid].ended:
            continue
        if channel.state == UP and not answered:
            missed.append((now, dial_end(uid, channel.uid, "ANSWER")))
            answered = True
    for key, attempt in attempts.items():
        if not attempt.ended and key not in channels:
            missed.append((max(attempt.began, alive_at) if alive_at else attempt.began, dial_end(uid, key)))
    return missed


def ending(tracker: CallTracker, uid: str, alive_at: dt.datetime | None) -> list[Missed]:
    """The events that end a call gone in the gap: its phones still ringing stop, then it hangs up,
    when the agent last knew it alive."""
    call = tracker.calls[uid]
    known = [t for t in (alive_at, call.last_at, call.started) if t is not None]
    at = max(known)
    events = [(at, dial_end(uid, key)) for key, attempt in call.attempts.items() if not attempt.ended]
    events.append((at, manager_event("Hangup", uid)))
    return events


def resolved(uid: str, variable: str, value: str) -> dict[str, str]:
    """The event that tells the tracker what a channel variable :func:`wanted_variables` named holds."""
    if variable == "MIXMONITOR_FILENAME":
        return user_event(uid, "HotlineRecording")
    return user_event(uid, "HotlineCall", **{"Area" if variable == "CALLER_AREA" else "Category": value})


def wanted_variables(tracker: CallTracker, channels: dict[str, Channel]) -> list[tuple[str, str, str]]:
    """(call id, channel, variable) to read for live calls whose plan resolved them unheard."""
    wanted = []
    for uid, call in tracker.calls.items():
        channel = channels.get(uid)
        if channel is None:
            continue
        if not call.area:
            wanted.append((uid, channel.name, "CALLER_AREA"))
        if not call.category:
            wanted.append((uid, channel.name, "CATEGORY"))
        if not call.recorded:
            wanted.append((uid, channel.name, "MIXMONITOR_FILENAME"))
    return wanted
