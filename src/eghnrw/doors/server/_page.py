"""The page for clerks (``GET /``) and the API's own documentation page (``GET /docs``).

Plain server-rendered HTML in German (``?lang=en`` for English), no asset from elsewhere. The
form of a rule is built from its declaration: one labelled field per keyword, its widget chosen
by the keyword's annotation (an amount, a whole number, a date, yes/no, a choice, text, or JSON
for a nested value), required ones marked. In German an amount is read with a decimal comma
(``144,20``, ``1.000.000,00``) — a decimal point alone is refused there, never guessed. The
result shows every step with its clause, the audit record to download as JSON, and the dates as
an iCalendar file where the result has dates (whatever :func:`eghnrw.to_ics` takes).
"""

from __future__ import annotations

import base64
import enum
import html
import json
import logging
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final, Literal
from urllib.parse import parse_qsl, urlencode

import eghnrw
from eghnrw.core._rule import Input, Rule
from eghnrw.core.errors import EghnrwError, InvalidInputError
from eghnrw.core.money import plain_syntax
from eghnrw.core.trace import Result
from eghnrw.doors.server._convert import keywords, loads
from eghnrw.doors.server._problems import problem_of

__all__ = ["docs_page", "form_fields", "render", "widget"]

_log = logging.getLogger("eghnrw.server")
_UNIONS: Final = (typing.Union, types.UnionType)
Widget = Literal["amount", "int", "date", "bool", "choice", "text", "json"]

_TEXT: Final = {
    "de": {
        "title": "eghnrw – Berechnungen nach LRV und RV NRW",
        "choose": "Berechnung",
        "open": "Formular öffnen",
        "other": "English",
        "required": "Pflichtangabe",
        "optional": "freiwillig",
        "default": "Vorgabe",
        "compute": "Berechnen",
        "result": "Ergebnis",
        "error": "Die Eingabe wurde nicht angenommen",
        "record": "Audit-Record herunterladen (JSON)",
        "ics": "Termine herunterladen (.ics)",
        "clauses": "Fundstellen",
        "yes": "ja",
        "no": "nein",
        "amount": "Betrag, z. B. 1.234,56",
        "int": "ganze Zahl",
        "date": "Datum",
        "json": 'JSON, z. B. {"a": "1"} oder [1, 2]',
        "text": "Text",
        "choice": "Auswahl",
        "bool": "ja/nein",
        "api": "Schnittstelle: /docs, /openapi.json",
    },
    "en": {
        "title": "eghnrw – calculations under the NRW LRV and RV",
        "choose": "Calculation",
        "open": "Open the form",
        "other": "Deutsch",
        "required": "required",
        "optional": "optional",
        "default": "default",
        "compute": "Calculate",
        "result": "Result",
        "error": "The input was refused",
        "record": "Download the audit record (JSON)",
        "ics": "Download the dates (.ics)",
        "clauses": "Clauses",
        "yes": "yes",
        "no": "no",
        "amount": "amount, e.g. 1234.56",
        "int": "whole number",
        "date": "date",
        "json": 'JSON, e.g. {"a": "1"} or [1, 2]',
        "text": "text",
        "choice": "choice",
        "bool": "yes/no",
        "api": "API: /docs, /openapi.json",
    },
}

_STYLE: Final = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.4}
label{display:block;font-weight:600;margin-top:.8rem}
input,select,textarea{font:inherit;padding:.3rem;min-width:20rem}
small{color:#444}
.req{color:#a00}
:focus{outline:3px solid #1a5fb4;outline-offset:2px}
[aria-invalid=true]{border:2px solid #a00}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2rem .4rem;text-align:left}
.error{border-left:4px solid #a00;padding:.5rem 1rem;background:#fdecec}
button{font:inherit;margin-top:1rem;padding:.4rem 1rem}
"""


def _members(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in _UNIONS:
        return tuple(m for m in typing.get_args(annotation) if m is not type(None))
    return (annotation,)


def _choices(members: tuple[Any, ...]) -> list[str]:
    found: list[str] = []
    for member in members:
        if typing.get_origin(member) is Literal:
            found += [str(v) for v in typing.get_args(member)]
        elif isinstance(member, type) and issubclass(member, enum.Enum):
            found += [str(m.value) for m in member]
    return found


def widget(item: Input) -> Widget:  # noqa: PLR0911 - one answer per kind of field
    """The form field a keyword gets, from its annotation (see the module docstring)."""
    members = _members(item.annotation)
    if Decimal in members:
        return "amount"
    if date in members:
        return "date"
    if members == (bool,):
        return "bool"
    if members == (int,):
        return "int"
    if _choices(members) and all(m is str or _choices((m,)) for m in members):
        return "choice"
    if members == (str,):
        return "text"
    return "json"


def form_fields(body: bytes) -> dict[str, str]:
    """The fields of a submitted form (``application/x-www-form-urlencoded``)."""
    return dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))


def _value(item: Input, kind: Widget, text: str, lang: str) -> Any:
    """The JSON value of a filled-in field (``None``: left empty)."""
    text = text.strip()
    if not text:
        return None
    if kind == "amount" and lang == "de":
        if "." in text and "," not in text:
            raise InvalidInputError(
                item.name, text, "write the amount with a decimal comma (1234,56 or 1.234,56), or switch to English"
            )
        converted = plain_syntax(text)  # German syntax, the one grammar of eghnrw.core.money
        return text if converted is None else converted  # not a number at all: the rule names what is wrong
    if kind == "int":
        return int(text) if text.lstrip("+-").isdigit() else text  # the rule names what is wrong with the rest
    if kind == "bool":
        if text not in {"true", "false"}:
            raise InvalidInputError(item.name, text, "choose yes or no (true or false)")
        return text == "true"
    if kind == "json":
        return loads(text, item.name)
    return text


def _compute(
    declared: Rule, function: Callable[..., Any], form: Mapping[str, str], lang: str
) -> tuple[Result | None, BaseException | None]:
    try:
        values = {}
        for item in declared.inputs:
            value = _value(item, widget(item), form.get(item.name, ""), lang)
            if value is not None:
                values[item.name] = value
        result = function(**keywords(declared, values))
    except Exception as exc:  # noqa: BLE001 - shown as a problem; an unexpected one without its internals
        if problem_of(exc)["status"] == 500:
            _log.error("unexpected error on the page", exc_info=exc)
        return None, exc
    return result, None


def _field(item: Input, form: Mapping[str, str] | None, texts: Mapping[str, str], invalid: str) -> str:
    kind = widget(item)
    esc = html.escape
    ident = f"f-{item.name}"
    value = (form or {}).get(item.name, "")
    mark = f' <span class="req">* ({texts["required"]})</span>' if item.required else f" ({texts['optional']})"
    hint = texts[kind]
    if not item.required and item.default not in (None, (), "") and kind != "bool":
        default = item.default.value if isinstance(item.default, enum.Enum) else item.default
        hint += f"; {texts['default']}: {default}"
    attributes = f'id="{ident}" name="{esc(item.name)}" aria-describedby="h-{ident}"'
    attributes += " required" if item.required else ""
    attributes += ' aria-invalid="true"' if invalid == item.name else ""
    if kind in {"bool", "choice"}:
        options = (
            [("true", texts["yes"]), ("false", texts["no"])]
            if kind == "bool"
            else [(c, c) for c in _choices(_members(item.annotation))]
        )
        default = (
            ""
            if item.required
            else f"{texts['default']}"
            + (
                f": {texts['yes'] if item.default else texts['no']}"
                if kind == "bool" and item.default is not None
                else ""
            )
        )
        rows = [f'<option value="">{esc(default)}</option>'] + [
            f'<option value="{esc(v)}"{" selected" if v == value else ""}>{esc(shown)}</option>' for v, shown in options
        ]
        control = f"<select {attributes}>{''.join(rows)}</select>"
    elif kind == "json":
        control = f'<textarea {attributes} rows="3">{esc(value)}</textarea>'
    else:
        typed = {"date": ' type="date"', "amount": ' inputmode="decimal"', "int": ' inputmode="numeric"'}.get(kind, "")
        control = f'<input{typed} {attributes} value="{esc(value)}">'
    return (
        f'<label for="{ident}"><code>{esc(item.name)}</code>{mark}'
        + (f" {esc(item.help)}" if item.help else "")  # what the keyword means, from the rule's declaration
        + f'</label>{control}<br><small id="h-{ident}">{esc(hint)}</small>'
    )


def _download(name: str, media_type: str, text: str, label: str) -> str:
    data = base64.b64encode(text.encode()).decode()
    link = f"data:{media_type};charset=utf-8;base64,{data}"
    return f'<a download="{html.escape(name)}" href="{link}">{html.escape(label)}</a>'


def _result(name: str, result: Result, lang: Literal["de", "en"], texts: Mapping[str, str]) -> str:
    shown = result._repr_html_() if lang == "de" else f"<pre>{html.escape(result.explain('en'))}</pre>"
    links = [_download(f"{name}.json", "application/json", result.model_dump_json(), texts["record"])]
    try:
        calendar = eghnrw.to_ics(result, lang=lang)
    except EghnrwError:  # a result without dates
        calendar = ""
    if "BEGIN:VEVENT" in calendar:
        links.append(_download(f"{name}.ics", "text/calendar", calendar, texts["ics"]))
    items = "".join(f"<li>{link}</li>" for link in links)
    return f'<section aria-labelledby="result"><h2 id="result">{texts["result"]}</h2>{shown}<ul>{items}</ul></section>'


def _rule_section(
    declared: Rule, function: Callable[..., Any], form: Mapping[str, str] | None, lang: Literal["de", "en"]
) -> list[str]:
    """The form of one rule, and the result or the problem once it was sent."""
    esc = html.escape
    texts = _TEXT[lang]
    name = declared.name
    result, error = _compute(declared, function, form, lang) if form is not None else (None, None)
    content = problem_of(error) if error is not None else {}
    action = "/?" + urlencode({"rule": name, "lang": lang})
    invalid = content.get("field", "")
    fields = "".join(f"<div>{_field(item, form, texts, invalid)}</div>" for item in declared.inputs)
    parts = [
        f'<h2 id="rule-name">{esc(name)}</h2><p>{esc(declared.summary)}</p>',
        f"<p>{texts['clauses']}: {esc(', '.join(declared.clauses))}</p>",
        (
            f'<form method="post" action="{esc(action)}" aria-labelledby="rule-name">{fields}'
            f'<button type="submit" id="compute">{texts["compute"]}</button></form>'
        ),
    ]
    if content:
        detail = esc(content["detail"])
        parts.append(f'<div class="error" role="alert"><strong>{texts["error"]}</strong><p>{detail}</p></div>')
    if result is not None:
        parts.append(_result(name, result, lang, texts))
    return parts


def render(
    rules: Mapping[str, Rule],
    functions: Mapping[str, Callable[..., Any]],
    query: Mapping[str, str],
    form: Mapping[str, str] | None,
) -> str:
    """The page: the choice of a calculation, its form, and (after ``form`` was sent) the result or the problem."""
    lang: Literal["de", "en"] = "en" if query.get("lang") == "en" else "de"
    texts = _TEXT[lang]
    esc = html.escape
    name = query.get("rule", "")
    declared = rules.get(name)
    options = "".join(
        f'<option value="{esc(n)}"{" selected" if n == name else ""}>{esc(n)} – {esc(r.summary[:90])}</option>'
        for n, r in rules.items()
    )
    other = "en" if lang == "de" else "de"
    switch = "?" + urlencode({"lang": other, **({"rule": name} if declared else {})})
    head = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{esc(texts["title"])}</title>'
        f"<style>{_STYLE}</style></head><body>"
    )
    header = (
        f'<header><h1>{esc(texts["title"])}</h1><p><a href="{esc(switch)}" lang="{other}">{texts["other"]}</a> · '
        f"{esc(texts['api'])}</p></header><main>"
    )
    choose = (
        f'<form method="get" action="/"><input type="hidden" name="lang" value="{lang}">'
        f'<label for="rule">{texts["choose"]}</label><select id="rule" name="rule">{options}</select> '
        f'<button type="submit">{texts["open"]}</button></form>'
    )
    parts = [head, header, choose]
    if declared is not None:
        parts += _rule_section(declared, functions[name], form, lang)
    parts.append("</main></body></html>")
    return "".join(parts)


_DOCS_SCRIPT: Final = """
for (const form of document.querySelectorAll('form.try')) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = form.querySelector('output');
    const answer = await fetch(form.dataset.path, {method: 'POST', body: form.querySelector('textarea').value,
      headers: {'Content-Type': 'application/json'}});
    out.textContent = answer.status + ' ' + (await answer.text());
  });
}
"""


def docs_page(document: Mapping[str, Any]) -> str:
    """``GET /docs``: the OpenAPI document as a page, each POST with a box to try it (no asset from elsewhere)."""
    esc = html.escape
    head = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>eghnrw API</title>'
        f"<style>{_STYLE}</style></head><body><h1>eghnrw API {esc(str(document['info']['version']))}</h1>"
    )
    about = (
        '<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). '
        "Errors are RFC 9457 problem details (application/problem+json).</p>"
    )
    parts = [head, f"<p>{esc(str(document['info'].get('description', '')))}</p>", about]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            ident = esc(operation.get("operationId", path))
            parts.append(f'<section id="{ident}"><h2><code>{method.upper()} {esc(path)}</code></h2>')
            parts.append(f"<p>{esc(operation.get('description') or operation.get('summary', ''))}</p>")
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is not None:
                schema = json.dumps(body["schema"], indent=2, ensure_ascii=False)
                parts.append(f"<details><summary>request schema</summary><pre>{esc(schema)}</pre></details>")
            if method == "post" and "{" not in path:
                parts.append(
                    f'<form class="try" data-path="{esc(path)}"><label for="try-{ident}">try it: the JSON body</label>'
                    f'<textarea id="try-{ident}" rows="4">{{}}</textarea><br>'
                    f'<button type="submit">send</button><pre><output></output></pre></form>'
                )
            parts.append("</section>")
    parts.append(f"<script>{_DOCS_SCRIPT}</script></body></html>")
    return "".join(parts)
