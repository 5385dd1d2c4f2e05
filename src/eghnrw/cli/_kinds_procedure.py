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
            "rv-termination",
            "Kündigung der Rahmenvereinbarung: end date, last day for notice",
            "RV § 19 Abs. 1–3, § 188 Abs. 2 BGB (not moved by § 193 BGB, BGH III ZR 172/04)",
            (
                Field("notice_received", "date", "the day the written notice was received", required=True),
                Field("shift_to_werktag", "bool", "the other reading: move a 30.09 off weekends and holidays"),
            ),
            "rv_termination",
            "eghnrw rv-termination --notice-received 2026-09-30",
        ),
        Kind(
            "rv-period",
            "Gültigkeitsperiode der Rahmenvereinbarung on a day, and the last day for notice",
            "RV § 19 Abs. 1–2",
            (
                Field("on", "date", "the day asked about", required=True),
                Field("shift_to_werktag", "bool", "the other reading: move a 30.09 off weekends and holidays"),
            ),
            "rv_current_period",
            "eghnrw rv-period --on 2027-05-01",
        ),
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
        Kind(
            "schiedsstelle",
            "From when the Schiedsstelle can be called (three months after the request to negotiate)",
            "§ 126 Abs. 2 SGB IX, LRV A.2.3 Abs. 3, A.3.2 Abs. 2",
            (
                Field("negotiation_requested", "date", "the day a party asked to negotiate", required=True),
                Field("documents_received", "date", "the day the first part of the checklist documents arrived"),
                Field("shift_to_werktag", "bool", "the other reading: move the end off weekends and holidays"),
            ),
            "schiedsstelle_window",
            "eghnrw schiedsstelle --negotiation-requested 2024-05-15",
        ),
        Kind(
            "audit-window",
            "Whether an audit may cover a period: 5 calendar years back, at most 24 months",
            "LRV A.8.2 Abs. 2, 7, A.6.2.2 Abs. 1, 4, A.8.4 Abs. 1",
            (
                Field("audit_notice", "date", "the day of the audit notice (Prüfungsmitteilung)", required=True),
                Field("period_start", "date", "first day of the audited period", required=True),
                Field("period_end", "date", "last day of the audited period", required=True),
                _AUDIT,
                Field("calendar_years", "bool", "read '5 Kalenderjahre' as whole calendar years (default true)"),
                Field("widened_on", "date", "the day a widening of the audit was notified (A.8.2 Abs. 7)"),
                Field("widened_period_start", "date", "first day of the widened period"),
                Field("widened_period_end", "date", "last day of the widened period"),
                Field(
                    "widening_reach",
                    "choice",
                    "count the widened period's 5 years from the widening or the audit notice",
                    choices=("widening_notice", "audit_notice"),
                ),
                Field(
                    "effectiveness_period",
                    "choice",
                    "effectiveness audit: a whole calendar year or any period within one (A.8.4 Abs. 1)",
                    choices=("whole_year", "within_year"),
                ),
            ),
            "audit_window_check",
            "eghnrw audit-window --audit-notice 2024-03-15 --period-start 2019-01-01 --period-end 2020-12-31",
        ),
        Kind(
            "audit-timeline",
            "Every deadline of an audit after its last day, and the § 129 window",
            "LRV A.8.2 Abs. 9, A.8.3 Abs. 2, A.6.2.3, A.8.5 Abs. 1-2, § 193 BGB",
            (
                Field("last_audit_day", "date", "the last day of the audit", required=True),
                _AUDIT,
                Field("closing_meeting_held", "date", "the day the closing meeting was actually held"),
                Field("draft_report_notified", "date", "the day the draft report was notified"),
                Field("clarified_on", "date", "billing audit: the day of the clarification"),
                Field("final_report_notified", "date", "quality audit: the day the final report was notified"),
                Field("saturday_is_werktag", "bool", "Saturdays count as Werktage (default true)"),
                Field("widened_on", "date", "the day a widening of the audit was notified (A.8.2 Abs. 7)"),
            ),
            "audit_timeline",
            "eghnrw audit-timeline --last-audit-day 2024-10-31",
        ),
        Kind(
            "hospital-report",
            "Last day to report a need for assistance in hospital (three Werktage)",
            "LRV B.4.12 Abs. 3, § 193 BGB",
            (
                Field("learned_on", "date", "the day the need became known", required=True),
                Field("saturday_is_werktag", "bool", "Saturdays count as Werktage (default true)"),
            ),
            "hospital_need_report",
            "eghnrw hospital-report --learned-on 2024-05-29",
        ),
        Kind(
            "commission-vote",
            "Gemeinsame Kommission: quorum (a majority of each side) and unanimity of the votes cast",
            "LRV A.9.1, A.9.7",
            (
                Field("providers_present", "int", "voting provider-side members present (of 14)", required=True),
                Field("authorities_present", "int", "voting Träger-side members present (of 14)", required=True),
                Field("yes", "int", "votes for", required=True),
                Field("no", "int", "votes against", required=True),
                Field("abstain", "int", "abstentions", required=True),
                Field(
                    "count_kommunale_spitzenverbaende",
                    "bool",
                    "count the two kommunale Spitzenverbände seats on the Träger side (default true)",
                ),
            ),
            "commission_vote",
            "eghnrw commission-vote --providers-present 8 --authorities-present 8 --yes 15 --no 0 --abstain 1",
        ),
    )
