"""Closed vocabularies of the LRV shared by the models and the calculations."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["AssistenzKind", "Landschaftsverband", "Nutzungsintensitaet"]


class AssistenzKind(StrEnum):
    """The four kinds of Assistenz with hourly rates (LRV A.2.2; B.4.2, B.4.3, B.4.4, B.4.5)."""

    QUALIFIZIERTE_ASSISTENZ = "qualifizierte_assistenz"
    QUALIFIZIERTE_ELTERNASSISTENZ = "qualifizierte_elternassistenz"
    UNTERSTUETZENDE_ASSISTENZ = "unterstuetzende_assistenz"
    EINFACHE_ASSISTENZ = "einfache_assistenz"


class Nutzungsintensitaet(StrEnum):
    """The two usage intensities of the Fachmodul Tagesstruktur und Schulungen (LRV B.4.10 Abs. 2)."""

    INTENSITAET_1 = "intensitaet_1"
    INTENSITAET_2 = "intensitaet_2"


class Landschaftsverband(StrEnum):
    """The two Landschaftsverbände, whose areas differ for Pflegefamilien (LRV B.4.9)."""

    LVR = "LVR"
    LWL = "LWL"
