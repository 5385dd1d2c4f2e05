"""Closed vocabularies of the LRV shared by the models and the calculations."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["AssistenzKind", "Landschaftsverband", "Nutzungsintensitaet", "Side"]


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


class Agreement(StrEnum):
    """The two framework agreements eghnrw implements."""

    LRV = "LRV"  #: Landesrahmenvertrag nach § 131 SGB IX Nordrhein-Westfalen
    RV = "RV"  #: Rahmenvereinbarung NRW der Landschaftsverbände und kommunalen Spitzenverbände


class Side(StrEnum):
    """The two sides of the LRV ("einerseits" / "andererseits", LRV list of parties; A.9.1 Abs. 1).

    The kommunale Spitzenverbände sign the LRV on the side of the Landschaftsverbände and fill two
    of its fourteen seats in the Gemeinsame Kommission (see docs/decisions.md).
    """

    TRAEGER_DER_EINGLIEDERUNGSHILFE = "traeger_der_eingliederungshilfe"
    LEISTUNGSERBRINGER = "leistungserbringer"


class PartyKind(StrEnum):
    """What kind of body a party to the LRV or the RV is."""

    LANDSCHAFTSVERBAND = "landschaftsverband"  #: Träger der Eingliederungshilfe (LVR, LWL)
    KOMMUNALER_SPITZENVERBAND = "kommunaler_spitzenverband"  #: Landkreistag, Städtetag, Städte- und Gemeindebund
    LEISTUNGSERBRINGERVERBAND = "leistungserbringerverband"  #: a Verband (or Arbeitsgemeinschaft) of providers


class ProviderGroup(StrEnum):
    """The groups of provider associations that the LRV seats in the Gemeinsame Kommission (A.9.1 Abs. 2)."""

    FREIE_WOHLFAHRTSPFLEGE = "freie_wohlfahrtspflege"
    PRIVAT_GEWERBLICH = "privat_gewerblich"
    OEFFENTLICHE_TRAEGER = "oeffentliche_traeger"


class CommissionGroup(StrEnum):
    """The groups that send members to the Gemeinsame Kommission (LRV A.9.1 Abs. 2 and 4)."""

    FREIE_WOHLFAHRTSPFLEGE = "freie_wohlfahrtspflege"  #: 10 voting
    PRIVAT_GEWERBLICH = "privat_gewerblich"  #: 3 voting
    OEFFENTLICHE_TRAEGER = "oeffentliche_traeger"  #: 1 voting
    LVR = "LVR"  #: 6 voting
    LWL = "LWL"  #: 6 voting
    KOMMUNALE_SPITZENVERBAENDE = "kommunale_spitzenverbaende"  #: 2 voting
    INTERESSENVERTRETUNGEN = "interessenvertretungen"  #: 3 advisory (§ 7 AG-SGB IX NRW), no vote


class Beeintraechtigung(StrEnum):
    """The four kinds of impairment of the Personenkreis (LRV A.3.3 Abs. 1 a–d)."""

    KOERPERLICH = "koerperlich"  #: a. körperliche Beeinträchtigungen
    SEELISCH = "seelisch"  #: b. seelische Beeinträchtigungen
    GEISTIG = "geistig"  #: c. geistige Beeinträchtigungen
    SINNES = "sinnes"  #: d. Sinnesbeeinträchtigungen


class Leistungsbereich(StrEnum):
    """The six Leistungsbereiche of the RV (§ 1 Abs. 1 Nr. 1–6)."""

    SOZIALE_TEILHABE = "soziale_teilhabe"  #: § 113 SGB IX
    TEILHABE_AM_ARBEITSLEBEN = "teilhabe_am_arbeitsleben"  #: § 111 SGB IX
    TEILHABE_AN_BILDUNG = "teilhabe_an_bildung"  #: § 112 SGB IX
    EXISTENZSICHERUNG = "existenzsicherung"  #: 3. und 4. Kapitel SGB XII
    HILFE_ZUR_PFLEGE = "hilfe_zur_pflege"  #: 7. Kapitel SGB XII
    BESONDERE_SOZIALE_SCHWIERIGKEITEN = "besondere_soziale_schwierigkeiten"  #: 8. Kapitel SGB XII


class Wohnform(StrEnum):
    """Where a person lives, as the RV report separates it (§ 7 Abs. 2 Nr. 1)."""

    EIGENE_WOHNUNG = "eigene_wohnung"
    BESONDERE_WOHNFORM = "besondere_wohnform"


class Geschlecht(StrEnum):
    """Gender for the RV report (§ 7 Abs. 2 Nr. 1); the entries of § 22 Abs. 3 PStG plus "no entry"."""

    WEIBLICH = "weiblich"
    MAENNLICH = "maennlich"
    DIVERS = "divers"
    OHNE_ANGABE = "ohne_angabe"


class ReportDimension(StrEnum):
    """What the RV cost and case-count report is differentiated by (§ 7 Abs. 2 Nr. 1 and 2)."""

    WOHNFORM = "wohnform"
    ART_DER_BEHINDERUNG = "art_der_behinderung"
    GESCHLECHT = "geschlecht"
    ALTERSKOHORTE = "alterskohorte"
    AUFENTHALTSORT = "aufenthaltsort"


class AuditKind(StrEnum):
    """The audits of LRV A.8 that A.8.2 Abs. 1 treats differently."""

    WIRTSCHAFTLICHKEIT = "wirtschaftlichkeit"  #: Wirtschaftlichkeitsprüfung: only with a specific cause
    QUALITAET = "qualitaet"  #: Qualitätsprüfung: with a specific cause or without


class RatePeriod(StrEnum):
    """The unit an agreed flat rate or fee is paid per (LRV A.4.5 Abs. 1: Stunden-, Tages-, Monatssätze)."""

    HOUR = "hour"
    DAY = "day"
    MONTH = "month"
    TRIP = "trip"
    KILOMETRE = "kilometre"


class WohnenElement(StrEnum):
    """The Leistungselemente the Fachmodul Wohnen may contain (LRV B.4.6 Abs. 1)."""

    ERREICHBARKEIT = "erreichbarkeit"  #: Leistungen zur Erreichbarkeit, z. B. Rufbereitschaft
    PRAESENZ = "praesenz"  #: Präsenzleistungen bei Tag und bei Nacht
    GEMEINSAME_ASSISTENZ = "gemeinsame_assistenz"  #: gemeinsame Assistenzleistungen im gemeinschaftlichen Wohnen
    HAUSWIRTSCHAFT = "hauswirtschaft"  #: hauswirtschaftliche und haustechnische Unterstützung
    SOZIALRAUMARBEIT = "sozialraumarbeit"  #: personenunabhängige Sozialraumarbeit
    GESETZLICHE_ANFORDERUNGEN = "gesetzliche_anforderungen"  #: zusätzliches Personal, z. B. nach dem WTG
    ZIELGRUPPENKONZEPT = "zielgruppenkonzept"  #: besondere, zielgruppenspezifische Konzepte
    BERATENDE_PFLEGEFACHKRAFT = "beratende_pflegefachkraft"  #: beratende Pflegefachkraft


class CostKind(StrEnum):
    """How a cost of a besondere Wohnform is assigned to Fachleistung and Unterkunft (LRV B.4.14 Abs. 2–7)."""

    #: Miete, Pacht or capital costs of the building (depreciation, interest, upkeep): split by area
    #: (Abs. 6); the Fachleistung part is an Investitionsbetrag (B.4.7 Abs. 3, 7), the rest Grundmiete.
    KAPITALKOSTEN = "kapitalkosten"
    #: Betriebskosten incl. heating: split by area (Abs. 6); the Fachleistung part is Betriebsnebenkosten
    #: der Fachleistungsfläche (B.4.7 Abs. 3), the rest Nebenkosten of the Warmmiete.
    BETRIEBSKOSTEN = "betriebskosten"
    #: Möblierung und Ausstattung of the Fachleistungsflächen and the shared rooms: all Fachleistung (Abs. 4).
    AUSSTATTUNG = "ausstattung"
    #: besondere Nebenkosten (Haushaltsstrom, furnishing of the personal rooms, ...): all Unterkunft,
    #: on top of the Warmmiete (Abs. 7).
    BESONDERE_NEBENKOSTEN = "besondere_nebenkosten"


class SharedRoomsKey(StrEnum):
    """How the shared living rooms (Gemeinschaftsflächen) are shared among the residents (LRV B.4.14 Abs. 7)."""

    PER_HEAD = "per_head"  #: in equal parts per room (Kopfteil), added to each personal room's area
    BY_AREA = "by_area"  #: in proportion to the personal rooms' areas
