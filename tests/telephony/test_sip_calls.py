"""Real SIP calls through the platform: SIPp callers, Asterisk's PJSIP on loopback, SIPp bound phones.

One node for the module: the service (its own process, migrated SQLite), Asterisk with a carrier trunk
(``sip_lab``), and ``python -m telephony asterisk`` between them dialling ``PJSIP/{number}@carrier`` as
deployed. Each test sets up a number as a customer or operator would, waits until the node holds the new
plan, places a call from SIPp and checks three things: what reached the bound phones (INVITEs, in order,
with their timing), what the caller heard (the RTP Asterisk sent, against the prompt file), and what the
customer then finds in the API (the call record, the call's recording, the voicemail message).
"""

from __future__ import annotations

import array
import datetime as dt
import itertools
import re
import urllib.request
import wave
from collections.abc import Iterator
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest

from api.numbers.lifecycle import Actor
from api.numbers.models import Number
from api.numbers.numbering import NumberStatus
from api.numbers.operations import operator_change_status
from api.plans import pipeline
from api.routing import simple
from api.routing.models import ListMode
from api.routing.settings import set_caller_list
from tests.telephony import sip_lab
from tests.telephony.service_support import tone_wav
from tests.telephony.sip_node import Node, running_node

NUMBERS = tuple(f"400622831{i}" for i in range(6))
MENU, SEQUENTIAL, AFTER_HOURS, BLACK_LIST, VOICEMAIL, SUSPENDED = NUMBERS
CALLER = "13926900000"  # a China Mobile number in Zhuhai (0756)


RECORDINGS = """query ($kind: RecordingKind) {
  recordings(kind: $kind, state: READY) { edges { node { callId caller number durationSeconds downloadUrl } } }
}"""


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Node]:
    with running_node(tmp_path_factory.mktemp("sip-node"), NUMBERS) as started:
        yield started
        assert started.asterisk.log_problems() == []


def seconds_between(invites: list[sip_lab.Invite]) -> list[float]:
    return [round(b.t - a.t, 1) for a, b in itertools.pairwise(invites)]


def test_the_menu_digit_1_rings_the_second_phone_when_the_first_is_busy(node: Node) -> None:
    """The seed's menu (查号1 值班2 投诉3 传真4): key 1 forwards to 查号台, busy, then 查号手机, which answers;
    the call is recorded, and the customer finds the record and the recording in the API."""
    node.publish_menu(MENU, tone_wav(seconds=2.5, hertz=600))
    node.holds(MENU, "Dial(PJSIP/02088886666@carrier,20")
    phones = (sip_lab.Phone("02088886666", "busy"), sip_lab.Phone("13912345678", "answer", answer_after_s=1))
    with node.phones("menu", *phones) as carrier:
        # Key 1 a second into the menu prompt; the caller speaks once the phone has answered, then hangs up.
        call = node.call("menu", sip_lab.CallScript(CALLER, MENU, keys=[(1.0, "1")], speech_at=3.0,
                                                    hangup_after_s=10.0))  # fmt: skip
        invites = carrier.invites()
    assert [i.number for i in invites] == ["02088886666", "13912345678"]
    assert seconds_between(invites)[0] < 1.0  # a busy landline: the next phone at once
    # The caller heard the welcome prompt (early media) as the file holds it, sample for sample.
    (welcome,) = re.findall(
        r"Playback\(hotline/(media-\d+),noanswer\)", node.asterisk.rx(f"dialplan show hotline-{MENU}")
    )
    assert node.prompt_file(welcome)[1600:9600] in call.alaw

    record = node.record(MENU)
    assert record["caller"] == CALLER and record["callerArea"] == "0756"
    assert record["disposition"] == "ANSWERED" and record["answeredPhone"] == "13912345678"
    assert [(a["phone"], a["outcome"]) for a in record["attempts"]] == [
        ("02088886666", "BUSY"),
        ("13912345678", "ANSWERED"),
    ]
    assert record["mediaRef"] == f"call:{record['callId']}"
    node.agrees_with_call_log(record)
    recordings = node.arrived(RECORDINGS, "recordings.edges", "the call's recording", kind="CALL")
    (recording,) = [e["node"] for e in recordings if e["node"]["callId"] == record["callId"]]
    # Recorded from the moment the phone answered (about 2 s after the key) until the caller hung up.
    assert 6.0 <= recording["durationSeconds"] <= 10.5, recording
    audio = download_wav(node, recording["downloadUrl"])
    assert audio.seconds > 4.0  # both sides' speech is in it


def test_sequential_forwarding_rings_each_phone_its_wait_time(node: Node) -> None:
    """A landline that does not answer rings its 5 s; a busy mobile "keeps ringing" for its 6 s wait
    (the platform's rule for busy or switched-off mobiles); the third phone answers."""
    bound = [
        simple.Bound("0756-3100001", 5),
        simple.Bound("13800138002", 6),
        simple.Bound("0756-3100003", 20),
    ]

    async def save() -> None:
        number = await Number.get(number=SEQUENTIAL)
        await simple.save_simple_routing(number, simple.SimpleRouting(bound), "tests")

    node.run(save())
    node.holds(SEQUENTIAL, "Dial(PJSIP/07563100003@carrier,20")
    phones = (
        sip_lab.Phone("07563100001", "no_answer"),
        sip_lab.Phone("13800138002", "busy"),
        sip_lab.Phone("07563100003", "answer", answer_after_s=1),
    )
    with node.phones("sequential", *phones) as carrier:
        call = node.call("sequential", sip_lab.CallScript(CALLER, SEQUENTIAL, hangup_after_s=3.0))
        invites = carrier.invites()
    assert [i.number for i in invites] == ["07563100001", "13800138002", "07563100003"]
    first, second = seconds_between(invites)
    assert abs(first - 5) <= 1 and abs(second - 6) <= 1, (first, second)
    assert abs(invites[0].t - call.started) <= 1  # the first phone rings as the call arrives
    record = node.record(SEQUENTIAL)
    # Each phone's own outcome, and how long the caller heard it ring (the busy mobile: its whole wait).
    attempts = [(a["phone"], a["outcome"], a["ringSeconds"]) for a in record["attempts"]]
    assert attempts == [
        ("07563100001", "NO_ANSWER", 5),
        ("13800138002", "BUSY", 6),
        ("07563100003", "ANSWERED", 1),
    ]
    assert record["disposition"] == "ANSWERED"
    node.agrees_with_call_log(record)


def heard_like(heard: sip_lab.Heard, prompt: bytes) -> None:
    """The caller heard ``prompt``: as long (±0.3 s) and as loud (±1 dB) as the file."""
    expected = sip_lab.heard(prompt)
    assert expected.seconds > 0.5, expected
    assert abs(heard.seconds - expected.seconds) <= 0.3, (heard, expected)
    assert abs(heard.level_dbfs - expected.level_dbfs) <= 1.0, (heard, expected)


def test_after_hours_the_caller_hears_the_closing_announcement(node: Node) -> None:
    now = dt.datetime.now(ZoneInfo("Asia/Shanghai"))
    opens = (now + dt.timedelta(hours=2)).replace(minute=0)
    window = simple.WorkWindow([1, 2, 3, 4, 5, 6, 7], opens.strftime("%H:%M"), opens.strftime("%H:59"))
    settings = simple.SimpleRouting(
        [simple.Bound("0756-3200001", 20)],
        work_windows=[window],
        after_hours_action=simple.AfterHours.ANNOUNCEMENT,
        after_hours_message="您好,现在是下班时间,请在工作时间来电",
    )

    async def save() -> None:
        await simple.save_simple_routing(await Number.get(number=AFTER_HOURS), settings, "tests")

    node.run(save())
    node.holds(AFTER_HOURS, "GotoIfTime")
    with node.phones("after-hours", sip_lab.Phone("07563200001", "answer")) as carrier:
        call = node.call(
            "after-hours", sip_lab.CallScript(CALLER, AFTER_HOURS, answered=False, refused_with=603)
        )
        assert carrier.invites() == []  # nobody rings after hours
    played = re.findall(
        r"Playback\(hotline/(tts-\w+),noanswer\)", node.asterisk.rx(f"dialplan show hotline-{AFTER_HOURS}")
    )
    heard_like(sip_lab.heard(call.alaw), node.prompt_file(played[-1]))


def test_a_black_listed_caller_hears_the_refusal(node: Node) -> None:
    async def black_list() -> None:
        await set_caller_list(await Number.get(number=BLACK_LIST), ListMode.BLACK, CALLER)

    node.run(black_list())
    node.holds(BLACK_LIST, "sys-no-permission")
    with node.phones("black-list", sip_lab.Phone("07562222222", "answer")) as carrier:
        call = node.call(
            "black-list", sip_lab.CallScript(CALLER, BLACK_LIST, answered=False, refused_with=403)
        )
        assert carrier.invites() == []
    heard_like(sip_lab.heard(call.alaw), node.prompt_file("sys-no-permission"))
    record = node.record(BLACK_LIST)
    assert record["disposition"] == "REFUSED_LIST"
    node.agrees_with_call_log(record)


def test_a_voicemail_message_is_recorded_and_reaches_the_customer(node: Node) -> None:
    settings = simple.SimpleRouting([simple.Bound("0756-3300001", 5)], voicemail=True)

    async def save() -> None:
        await simple.save_simple_routing(await Number.get(number=VOICEMAIL), settings, "tests")

    node.run(save())
    node.holds(VOICEMAIL, "VoiceMail(")
    with node.phones("voicemail", sip_lab.Phone("07563300001", "no_answer")) as carrier:
        # Rings 5 s; then the greeting (a few seconds) and the beep; the caller speaks its 7 s and hangs up.
        node.call("voicemail", sip_lab.CallScript(CALLER, VOICEMAIL, speech_at=5.0, hangup_after_s=13.0))
        assert [i.number for i in carrier.invites()] == ["07563300001"]
    record = node.record(VOICEMAIL)
    assert record["disposition"] == "VOICEMAIL" and record["mediaRef"] == f"voicemail:{record['callId']}"
    messages = node.arrived(RECORDINGS, "recordings.edges", "the voicemail message", kind="VOICEMAIL")
    (message,) = [e["node"] for e in messages if e["node"]["callId"] == record["callId"]]
    assert message["caller"] == CALLER and message["number"] == VOICEMAIL
    audio = download_wav(node, message["downloadUrl"])
    assert 3.0 <= audio.seconds <= 7.5, audio  # the caller's speech, from the beep to the hang-up


def test_a_suspended_number_answers_with_the_announcement(node: Node) -> None:
    async def suspend() -> None:
        number = await Number.get(number=SUSPENDED)
        await operator_change_status(
            number, NumberStatus.SUSPENDED, actor=Actor(label="tests"), reason="欠费停机", cool_down_days=None
        )
        await pipeline.recompile([number])

    node.run(suspend())
    node.holds(SUSPENDED, "sys-suspended", without="Dial(")
    with node.phones("suspended", sip_lab.Phone("07562222222", "answer")) as carrier:
        call = node.call("suspended", sip_lab.CallScript(CALLER, SUSPENDED, answered=False, refused_with=403))
        assert carrier.invites() == []
    heard_like(sip_lab.heard(call.alaw), node.prompt_file("sys-suspended"))
    record = node.record(SUSPENDED)
    assert record["disposition"] == "SUSPENDED"
    node.agrees_with_call_log(record)


def download_wav(node: Node, url: str) -> sip_lab.Heard:
    """The recording as the customer downloads it (8 kHz WAV), measured like the caller's audio."""
    link = url if url.startswith("http") else node.base_url + url
    request = urllib.request.Request(link, headers={"Authorization": f"Bearer {node.service.customer_token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        data = answer.read()
    with wave.open(BytesIO(data)) as audio:
        assert (audio.getframerate(), audio.getsampwidth(), audio.getnchannels()) == (8000, 2, 1)
        frames = audio.readframes(audio.getnframes())
    return sip_lab.measure(array.array("h", frames))
