"""CAMEO and PLOVER codes for an event frame.

In: the frame's type, status, host and participant countries. Out: a
``(cameo, plover)`` pair. The table follows the CAMEO 1.1b3 verb codebook and
the PLOVER ``CONSULT`` mode labels; neither has a video mode, so a video call
is coded like a phone call's family (CAMEO 040 "consult, not specified",
PLOVER "CONSULT (phone)"):

=========================  ======  =========================
event                      CAMEO   PLOVER
=========================  ======  =========================
phone call                 041     CONSULT (phone)
video call                 040     CONSULT (phone)
meeting / visit, hosted    043     CONSULT (visit)
meeting / visit, 3rd place 044     CONSULT (third-party)
summit (3+ parties)        044     CONSULT (multilateral)
planned (any type)         036     CONSULT (planned)
message                    020     APPEAL (message)
agreement                  057     AGREE
remarks                    010     STATEMENT
=========================  ======  =========================

An in-person meeting is "hosted" (043) only when the host is one of the
participants' countries; when no host is known or the place belongs to a
third country it is coded 044. A planned event keeps its type in the frame but
is coded 036 ("express intent to meet or negotiate"), since it has not
happened yet.
"""

from __future__ import annotations

from collections.abc import Sequence


def codes(
    type_: str | None, status: str | None, host: str | None, countries: Sequence[str | None]
) -> tuple[str | None, str | None]:
    """The (CAMEO, PLOVER) codes of a frame; (None, None) when there is no event."""
    if type_ is None:
        return None, None
    if status == "planned":
        return "036", "CONSULT (planned)"
    if type_ == "phone call":
        return "041", "CONSULT (phone)"
    if type_ == "video call":
        return "040", "CONSULT (phone)"
    if type_ in ("meeting", "visit"):
        if host is not None and host in countries:
            return "043", "CONSULT (visit)"
        return "044", "CONSULT (third-party)"
    if type_ == "summit":
        if len({c for c in countries if c}) >= 3:
            return "044", "CONSULT (multilateral)"
        return ("043", "CONSULT (visit)") if host in countries else ("044", "CONSULT (third-party)")
    if type_ == "message":
        return "020", "APPEAL (message)"
    if type_ == "agreement":
        return "057", "AGREE"
    if type_ == "remarks":
        return "010", "STATEMENT"
    return None, None
