"""The caller-area table in Asterisk's database: mobile segment (号段) → area code, family ``cnarea``.

The rendered caller normalisation looks a mobile caller up as ``${DB(cnarea/<first 7 digits>)}``
(``docs/dialplan.md``). The table is the one the simulator uses (:func:`ivr_flows.areas.mobile_segment`,
from the ``phone`` package's data), so both place a caller alike. About half a million keys: loaded only
when this node's database does not already hold the same data version, pipelined over AMI, and the
version key is written last, so an interrupted load is simply done again. Segments are overwritten in
place (never deleted first), so calls during a reload still find their area.
"""

from __future__ import annotations

import hashlib
import logging
import struct
from collections.abc import Iterator
from pathlib import Path

from phone import Phone

from ivr_flows.areas import mobile_segment

from .ami import AmiClient

__all__ = ["VERSION_FAMILY", "area_table", "data_version", "load_areas"]

log = logging.getLogger("telephony.areas")

#: Where the loaded data version is kept (outside the table's own family, so no segment can clash).
VERSION_FAMILY = "hotline-agent"


def data_version() -> str:
    """Names the table's data: the ``phone`` file's own version and a digest of its bytes."""
    data = Path(Phone().dat_file).read_bytes()
    version = data[:4].decode("ascii", errors="replace")
    return f"phone-{version}-{hashlib.sha256(data).hexdigest()[:16]}"


def area_table() -> Iterator[tuple[str, str]]:
    """(7-digit segment, area code) for every segment the data knows, in the data's order."""
    db = Phone()
    for index in range(db.phone_record_count):
        offset = db.first_phone_record_offset + index * db.phone_fmt_length
        prefix = str(struct.unpack_from(db.phone_fmt, db.buf, offset)[0])
        found = mobile_segment(prefix)
        if found is not None and found[2].isdigit():
            yield prefix, found[2]


async def load_areas(ami: AmiClient, family: str) -> bool:
    """Load the table unless the node holds this data version already; returns whether it loaded."""
    version = data_version()
    key = f"{family}-version"
    if await ami.db_get(VERSION_FAMILY, key) == version:
        return False
    log.info("loading the caller-area table %s into AstDB family %s", version, family)
    stored = await ami.db_put_many(family, area_table())
    await ami.action("DBPut", Family=VERSION_FAMILY, Key=key, Val=version)
    log.info("caller-area table loaded: %d segments", stored)
    return True
