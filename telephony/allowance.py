"""Each served number's call allowance in Asterisk's database, so a call never waits for the service.

The service knows how many seconds a number's prepaid balance pays for at its account's rate
(``callAllowances``: 0 for a number not in service). Asking per call would put an HTTP round trip
before every first ring; instead the agent keeps AstDB family ``<family>`` (``hotline-allowance`` by
default) holding ``<400 number>`` = seconds, and the rendered plan reads it once when a call arrives
(``docs/dialplan.md``): a missing key means no limit, 0 means the balance is exhausted (the caller hears
the suspension announcement, nobody rings), anything else hangs the bridged phone up after that many
seconds of talk.

The agent syncs after every plan sync (numbers come and go), after every batch of call reports the
service accepted (balances moved) and every ``--allowance-interval`` seconds (recharges, rate changes).
A sync asks for every number in one request per :data:`BATCH` numbers, reads what the family holds and
writes only the differences that matter (:func:`worth_writing`), and ``DBDel`` for a number no longer
served. The family is read once per manager connection (a restarted agent or Asterisk converges alike)
and remembered after. It uses a manager connection of its own, so a long caller-area load never
delays it.

Why so sparing: Asterisk's database is one SQLite file (the 500,000-key area table inside) behind one
lock, and while it is busy every read waits — the plans' area lookup, and PJSIP's own contact lookup
before a ``Dial()``. Reading the family after every call (``DBGetTree`` scans the table) held new calls
up to 120 ms before their first ring (``bench/telephony.py``); hence the read once per connection. Each
``DBPut`` is a commit under the same lock, and a balance falls a little with every call, so a large
allowance is rewritten only when it fell by a twentieth: a call may then talk up to 5 % longer than
the balance pays for (billing charges it all the same; the balance rules act on the result).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterable

from .ami import AmiClient, AmiError
from .service import ServiceClient, ServiceError

__all__ = ["BATCH", "AllowanceSync"]

log = logging.getLogger("telephony.allowance")

#: Numbers per ``callAllowances`` request (the service's own limit).
BATCH = 1000
#: Below this many seconds an allowance is kept exact; above it, rewritten when it fell by a twentieth.
EXACT_BELOW_S = 3600


def worth_writing(stored: str | None, seconds: int) -> bool:
    """Whether AstDB's value ``stored`` (None: no key) must become ``seconds``.

    Always when it is missing or not a number, when either side is 0 (a call refused, or allowed again)
    and when the allowance grew (a stale value must never cut a call short); a drop only when it is
    small enough to matter (under :data:`EXACT_BELOW_S`) or large (a twentieth of the stored value).
    """
    if stored is None or not stored.isdigit():
        return True
    held = int(stored)
    if held == seconds:
        return False
    if seconds == 0 or held == 0 or seconds > held or seconds < EXACT_BELOW_S:
        return True
    return held - seconds >= held / 20


QUERY = "query($n:[String!]!){callAllowances(numbers:$n){number seconds}}"


class AllowanceSync:
    """Writes the service's allowances of the numbers given to :meth:`sync` into one AstDB family."""

    def __init__(
        self, service: ServiceClient, family: str, connect: Callable[[], Awaitable[AmiClient]]
    ) -> None:
        self.service = service
        self.family = family
        self._connect = connect
        self._ami: AmiClient | None = None
        self._lock = asyncio.Lock()
        #: What the family holds after the last sync: number → seconds (within the tolerance above).
        self.held: dict[str, int] = {}
        #: Whether :attr:`held` reflects what this manager connection read (else read the family first).
        self._family_read = False
        #: Keys written or deleted so far (values that changed).
        self.written = 0

    async def sync(self, numbers: Iterable[str]) -> int:
        """Make the family hold exactly ``numbers``' allowances; returns how many keys changed.

        Raises:
            ServiceError: the service could not answer (AstDB keeps the last values).
            AmiError: the manager refused or dropped (the connection is made afresh next time).
        """
        async with self._lock:
            wanted = await self.fetch(sorted(set(numbers)))
            try:
                ami = await self._manager()
                if self._family_read:
                    stored = {n: str(v) for n, v in self.held.items()}
                else:  # a new connection: maybe a restarted Asterisk, read what it holds
                    stored = await ami.db_tree(self.family)
                    self._family_read = True
                puts = [(n, str(s)) for n, s in sorted(wanted.items()) if worth_writing(stored.get(n), s)]
                gone = sorted(key for key in stored if key not in wanted)
                await ami.db_put_many(self.family, puts)
                for key in gone:
                    await ami.db_del(self.family, key)
            except (AmiError, OSError, TimeoutError) as error:
                await self.close()
                raise AmiError(f"allowances not written: {error}") from error
            held = {n: int(v) for n, v in stored.items() if n in wanted and v.isdigit()}
            held.update((n, int(v)) for n, v in puts)
            self.held = held
            changed = len(puts) + len(gone)
            self.written += changed
            if changed:
                log.info("allowances: %d written, %d removed (%d numbers)", len(puts), len(gone), len(wanted))
            return changed

    async def fetch(self, numbers: list[str]) -> dict[str, int]:
        """Seconds per number as the service computes them, :data:`BATCH` numbers per request."""
        found: dict[str, int] = {}
        for start in range(0, len(numbers), BATCH):
            data = await self.service.graphql(QUERY, {"n": numbers[start : start + BATCH]})
            try:
                for answer in data["callAllowances"]:
                    found[str(answer["number"])] = max(0, int(answer["seconds"]))
            except (KeyError, TypeError, ValueError) as error:
                raise ServiceError(f"unexpected allowances from the service: {error!r}") from error
        return found

    async def _manager(self) -> AmiClient:
        if self._ami is None:
            self._ami = await self._connect()
        return self._ami

    async def close(self) -> None:
        self._family_read = False
        if self._ami is not None:
            ami, self._ami = self._ami, None
            with contextlib.suppress(OSError, AmiError, TimeoutError):
                await ami.close()
