"""Typed domain models (pydantic 2): parties, the Gemeinsame Kommission, providers, modules, persons.

Municipal software imports these models to hold its own data: every model refuses unknown keys,
reads money exactly (a ``float`` is refused, naming the field), round-trips through JSON, and is
described by :func:`input_schema`. Models that describe agreements are frozen. The yes/no checks
the agreements define (C1, C2, C4, C6, C8) and the commission's vote return traced results.
Models import no calculation module; :func:`eghnrw.module_rates.module_rate` computes a module's rate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eghnrw._exports import exported
from eghnrw._types import Area as Area
from eghnrw._types import Cents as Cents
from eghnrw._types import Count as Count
from eghnrw._types import Day as Day
from eghnrw._types import Money as Money
from eghnrw._types import Occupancy as Occupancy
from eghnrw._types import Percent as Percent
from eghnrw._types import PositiveAmount as PositiveAmount
from eghnrw._types import PositiveCount as PositiveCount
from eghnrw._types import Quantity as Quantity
from eghnrw._types import Text as Text
from eghnrw.enums import Agreement as Agreement
from eghnrw.enums import AssistenzKind as AssistenzKind
from eghnrw.enums import AuditKind as AuditKind
from eghnrw.enums import Beeintraechtigung as Beeintraechtigung
from eghnrw.enums import CommissionGroup as CommissionGroup
from eghnrw.enums import CostKind as CostKind
from eghnrw.enums import Geschlecht as Geschlecht
from eghnrw.enums import Landschaftsverband as Landschaftsverband
from eghnrw.enums import Leistungsbereich as Leistungsbereich
from eghnrw.enums import Nutzungsintensitaet as Nutzungsintensitaet
from eghnrw.enums import PartyKind as PartyKind
from eghnrw.enums import ProviderGroup as ProviderGroup
from eghnrw.enums import RatePeriod as RatePeriod
from eghnrw.enums import ReportDimension as ReportDimension
from eghnrw.enums import SharedRoomsKey as SharedRoomsKey
from eghnrw.enums import Side as Side
from eghnrw.enums import WohnenElement as WohnenElement
from eghnrw.enums import Wohnform as Wohnform
from eghnrw.models.checks import *
from eghnrw.models.commission import *
from eghnrw.models.commission import ADVISORY_SEATS as ADVISORY_SEATS
from eghnrw.models.commission import AUTHORITY_SEATS as AUTHORITY_SEATS
from eghnrw.models.commission import GROUP_SIDE as GROUP_SIDE
from eghnrw.models.commission import MAX_DEPUTIES as MAX_DEPUTIES
from eghnrw.models.commission import PROVIDER_SEATS as PROVIDER_SEATS
from eghnrw.models.commission import SEATS as SEATS
from eghnrw.models.commission import ChairTerm as ChairTerm
from eghnrw.models.commission import ChairTermCounting as ChairTermCounting
from eghnrw.models.commission import CommissionComposition as CommissionComposition
from eghnrw.models.commission import CommissionMember as CommissionMember
from eghnrw.models.commission import chair_terms as chair_terms
from eghnrw.models.house import *
from eghnrw.models.house import HouseCost as HouseCost
from eghnrw.models.house import Resident as Resident
from eghnrw.models.meetings import *
from eghnrw.models.meetings import WORKING_GROUP_PARTIES as WORKING_GROUP_PARTIES
from eghnrw.models.modules import *
from eghnrw.models.modules import MODULE_KINDS as MODULE_KINDS
from eghnrw.models.modules import Assistenz as Assistenz
from eghnrw.models.modules import FachmodulPflegefamilien as FachmodulPflegefamilien
from eghnrw.models.modules import FachmodulTagesstruktur as FachmodulTagesstruktur
from eghnrw.models.modules import FachmodulWohnen as FachmodulWohnen
from eghnrw.models.modules import Mobilitaet as Mobilitaet
from eghnrw.models.modules import Organisationsmodul as Organisationsmodul
from eghnrw.models.modules import Personalbemessung as Personalbemessung
from eghnrw.models.modules import PflegefamilienLVR as PflegefamilienLVR
from eghnrw.models.modules import PflegefamilienLWL as PflegefamilienLWL
from eghnrw.models.party import *
from eghnrw.models.party import LRV_PARTIES as LRV_PARTIES
from eghnrw.models.party import RV_PARTIES as RV_PARTIES
from eghnrw.models.party import Party as Party
from eghnrw.models.persons import *
from eghnrw.models.persons import CaseRecord as CaseRecord
from eghnrw.models.persons import ReportRow as ReportRow
from eghnrw.models.persons import report as report
from eghnrw.models.providers import *
from eghnrw.models.providers import LEISTUNGSVEREINBARUNG_ITEMS as LEISTUNGSVEREINBARUNG_ITEMS
from eghnrw.models.providers import Kostenbestandteile as Kostenbestandteile
from eghnrw.models.schema import *
from eghnrw.models.schema import INPUT_MODELS as INPUT_MODELS
from eghnrw.models.schema import Module as Module
from eghnrw.models.service_costs import *

if not TYPE_CHECKING:  # type checkers read the import lines above (a list here would hide them)
    __all__ = exported(__name__)  # noqa: PLE0605 - a list, made from the modules' lists and the lines above
