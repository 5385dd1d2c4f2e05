"""Typed domain models (pydantic 2): parties, the Gemeinsame Kommission, providers, modules, persons.

Municipal software imports these models to hold its own data: every model refuses unknown keys,
reads money exactly (a ``float`` is refused, naming the field), round-trips through JSON, and is
described by :func:`input_schema`. Models that describe agreements are frozen. The yes/no checks
the agreements define (C1, C2, C4, C6, C8) and the commission's vote return traced results.
Models import no calculation module; :func:`eghnrw.verguetung.module_rates.module_rate` computes a module's rate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eghnrw.core._exports import exported
from eghnrw.core._types import Area as Area
from eghnrw.core._types import Cents as Cents
from eghnrw.core._types import Count as Count
from eghnrw.core._types import Day as Day
from eghnrw.core._types import Money as Money
from eghnrw.core._types import Occupancy as Occupancy
from eghnrw.core._types import Percent as Percent
from eghnrw.core._types import PositiveAmount as PositiveAmount
from eghnrw.core._types import PositiveCount as PositiveCount
from eghnrw.core._types import Quantity as Quantity
from eghnrw.core._types import Text as Text
from eghnrw.core.enums import Agreement as Agreement
from eghnrw.core.enums import AssistenzKind as AssistenzKind
from eghnrw.core.enums import AuditKind as AuditKind
from eghnrw.core.enums import Beeintraechtigung as Beeintraechtigung
from eghnrw.core.enums import CommissionGroup as CommissionGroup
from eghnrw.core.enums import CostKind as CostKind
from eghnrw.core.enums import Geschlecht as Geschlecht
from eghnrw.core.enums import Landschaftsverband as Landschaftsverband
from eghnrw.core.enums import Leistungsbereich as Leistungsbereich
from eghnrw.core.enums import Nutzungsintensitaet as Nutzungsintensitaet
from eghnrw.core.enums import PartyKind as PartyKind
from eghnrw.core.enums import ProviderGroup as ProviderGroup
from eghnrw.core.enums import RatePeriod as RatePeriod
from eghnrw.core.enums import ReportDimension as ReportDimension
from eghnrw.core.enums import SharedRoomsKey as SharedRoomsKey
from eghnrw.core.enums import Side as Side
from eghnrw.core.enums import WohnenElement as WohnenElement
from eghnrw.core.enums import Wohnform as Wohnform
from eghnrw.kommission.models.checks import *
from eghnrw.kommission.models.commission import *
from eghnrw.kommission.models.commission import ADVISORY_SEATS as ADVISORY_SEATS
from eghnrw.kommission.models.commission import AUTHORITY_SEATS as AUTHORITY_SEATS
from eghnrw.kommission.models.commission import GROUP_SIDE as GROUP_SIDE
from eghnrw.kommission.models.commission import MAX_DEPUTIES as MAX_DEPUTIES
from eghnrw.kommission.models.commission import PROVIDER_SEATS as PROVIDER_SEATS
from eghnrw.kommission.models.commission import SEATS as SEATS
from eghnrw.kommission.models.commission import ChairTerm as ChairTerm
from eghnrw.kommission.models.commission import ChairTermCounting as ChairTermCounting
from eghnrw.kommission.models.commission import CommissionComposition as CommissionComposition
from eghnrw.kommission.models.commission import CommissionMember as CommissionMember
from eghnrw.kommission.models.commission import chair_terms as chair_terms
from eghnrw.kommission.models.house import *
from eghnrw.kommission.models.house import HouseCost as HouseCost
from eghnrw.kommission.models.house import Resident as Resident
from eghnrw.kommission.models.meetings import *
from eghnrw.kommission.models.meetings import WORKING_GROUP_PARTIES as WORKING_GROUP_PARTIES
from eghnrw.kommission.models.modules import *
from eghnrw.kommission.models.modules import MODULE_KINDS as MODULE_KINDS
from eghnrw.kommission.models.modules import Assistenz as Assistenz
from eghnrw.kommission.models.modules import FachmodulPflegefamilien as FachmodulPflegefamilien
from eghnrw.kommission.models.modules import FachmodulTagesstruktur as FachmodulTagesstruktur
from eghnrw.kommission.models.modules import FachmodulWohnen as FachmodulWohnen
from eghnrw.kommission.models.modules import Mobilitaet as Mobilitaet
from eghnrw.kommission.models.modules import Organisationsmodul as Organisationsmodul
from eghnrw.kommission.models.modules import Personalbemessung as Personalbemessung
from eghnrw.kommission.models.modules import PflegefamilienLVR as PflegefamilienLVR
from eghnrw.kommission.models.modules import PflegefamilienLWL as PflegefamilienLWL
from eghnrw.kommission.models.party import *
from eghnrw.kommission.models.party import LRV_PARTIES as LRV_PARTIES
from eghnrw.kommission.models.party import RV_PARTIES as RV_PARTIES
from eghnrw.kommission.models.party import Party as Party
from eghnrw.kommission.models.persons import *
from eghnrw.kommission.models.persons import CaseRecord as CaseRecord
from eghnrw.kommission.models.persons import ReportRow as ReportRow
from eghnrw.kommission.models.persons import report as report
from eghnrw.kommission.models.providers import *
from eghnrw.kommission.models.providers import LEISTUNGSVEREINBARUNG_ITEMS as LEISTUNGSVEREINBARUNG_ITEMS
from eghnrw.kommission.models.providers import Kostenbestandteile as Kostenbestandteile
from eghnrw.kommission.models.schema import *
from eghnrw.kommission.models.schema import INPUT_MODELS as INPUT_MODELS
from eghnrw.kommission.models.schema import Module as Module
from eghnrw.kommission.models.service_costs import *

if not TYPE_CHECKING:  # type checkers read the import lines above (a list here would hide them)
    __all__ = exported(__name__)  # noqa: PLE0605 - a list, made from the modules' lists and the lines above
