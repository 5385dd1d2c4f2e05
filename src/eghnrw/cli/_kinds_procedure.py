"""The procedure calculations the command offers: terms, deadlines, audits, the Gemeinsame Kommission (D1–D12, C7)."""

from __future__ import annotations

from eghnrw.cli._fields import Field
from eghnrw.cli._kind import Kind
from eghnrw.enums import Side

__all__ = ["procedure_kinds"]

_SIDES = tuple(side.value for side in Side)


_AUDIT = Field(
    "audit",
    "choice",
    "quality (LRV A.8), billing (A.6.2) or effectiveness (A.8.4)",
    choices=("quality", "billing", "effectiveness"),
)


def procedure_kinds() -> tuple[Kind, ...]:
    """The terms and deadlines, audits and the Gemeinsame Kommission, in the order of RULES.md."""
    return (
        Kind(
            "lrv-termination",
            "Kündigung des Landesrahmenvertrags: termination date and Nachwirkung",
            "LRV C.4 Abs. 1–4, §§ 187 Abs. 1, 188 Abs. 2–3 BGB",
            (
                Field("notice_received", "date", "the day the Geschäftsstelle received the notice", required=True),
                Field("replaced_on", "date", "the day new provisions take effect (ends the Nachwirkung)"),
                Field("parts", "list", "the parts terminated, e.g. B.4.9 (default: the whole LRV)"),
                Field("party", "text", "the party giving notice"),
                Field("side", "choice", "the party's side", choices=_SIDES),
                Field("signed_on", "date", "the day the LRV was signed"),
                Field(
                    "aftereffect_counting",
                    "choice",
                    "count the Nachwirkung from the event (default) or the start of the next day",
                    choices=("event", "start_of_day"),
                ),
            ),
            "lrv_termination",
            "eghnrw lrv-termination --notice-received 2024-03-15",
        ),
        Kind(
            "termination-timeline",
            "Every date a notice of termination produces, in order (LRV or RV)",
            "LRV C.4, RV § 19",
            (
                Field("notice_received", "date", "the day the notice was received", required=True),
                Field("agreement", "choice", "which agreement (default LRV)", choices=("LRV", "RV")),
                Field("replaced_on", "date", "LRV: the day new provisions take effect"),
                Field("parts", "list", "LRV: the parts terminated"),
                Field("party", "text", "LRV: the party giving notice"),
                Field("side", "choice", "LRV: the party's side", choices=_SIDES),
            ),
            "termination_timeline",
            "eghnrw termination-timeline --notice-received 2024-03-15",
        ),
    )
