"""The date a reproducible output carries."""

from __future__ import annotations

import datetime as dt
import os

#: Used when SOURCE_DATE_EPOCH is not set: the adoption of the OPSC.
DEFAULT_DATE = dt.date(2000, 5, 25)


def source_date() -> dt.date:
    """The day of ``SOURCE_DATE_EPOCH`` (UTC), so rebuilds give identical bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return DEFAULT_DATE
