"""Typed domain models (pydantic 2): parties, the Gemeinsame Kommission, providers, modules."""

from __future__ import annotations

from eghnrw.models.enums import AssistenzKind, Landschaftsverband, Nutzungsintensitaet

__all__ = ["AssistenzKind", "Landschaftsverband", "Nutzungsintensitaet"]
