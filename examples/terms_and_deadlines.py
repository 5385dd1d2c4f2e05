"""Terms and deadlines: when the agreements end, when the Schiedsstelle can be called, an audit's dates.

Run: ``python examples/terms_and_deadlines.py``. Dates follow §§ 187-193 BGB and NRW holidays;
notice periods are not moved by § 193 BGB (BGH III ZR 172/04), deadlines to act are.
"""

from __future__ import annotations

from datetime import date

import eghnrw as e

# RV § 19: a notice that arrives on 01.10.2026 is too late for 2026 and ends the RV a year later.
late = e.rv_termination(notice_received=date(2026, 10, 1))
print(f"RV: notice on 01.10.2026 -> timely {late.timely}, ends {late.end_date:%d.%m.%Y}")

# LRV C.4: twelve months' notice, then at most twelve months of Nachwirkung (until replaced).
lrv = e.lrv_termination(notice_received=date(2024, 3, 15), replaced_on=date(2025, 10, 1))
print(f"LRV: terminated to {lrv.effective_date:%d.%m.%Y}, provisions apply until {lrv.aftereffect_until:%d.%m.%Y}")

# § 126 Abs. 2 SGB IX: the Schiedsstelle is available from the day after three months.
print(f"Schiedsstelle from {e.schiedsstelle_available_from(negotiation_requested=date(2024, 5, 15)):%d.%m.%Y}")

# An audit ending on Thursday 31.10.2024, the day before Allerheiligen: every deadline in order.
print()
print(e.audit_timeline(last_audit_day=date(2024, 10, 31)).explain())
