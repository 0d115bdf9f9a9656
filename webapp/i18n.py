"""Interface languages through Flask-Babel: Vietnamese (the source text, the gettext msgids) and English.

The catalogue is `webapp/translations/en/LC_MESSAGES/messages.po` (compiled to `.mo` by `make install`);
see docs/webapp.md, "Languages", for adding a message. The language is part of the URL (`?lang=en`);
without it, or with anything else, pages are in Vietnamese.
"""

from __future__ import annotations

from typing import Any

import flask_babel
from babel.support import NullTranslations
from flask import Flask, g, has_request_context, request
from flask_babel import Babel, LazyString

from search.model import Message

DEFAULT = "vi"
# HTML pages: their links keep the language
PAGE_BLUEPRINTS = ("search", "articles", "officials", "overviews", "research_views")

__all__ = ["DEFAULT", "_", "_l", "current_lang", "install", "message", "ngettext"]


def translations() -> NullTranslations:
    """This request's catalogue, looked up once per request and kept in `g` beside Flask-Babel's own locale.

    Flask-Babel finds its context, domain, locale and cache again for every message (~15 µs); a search
    page shows about a hundred.
    """
    if not has_request_context():
        return flask_babel.get_translations()
    found = g.get("babel_catalogue")
    if found is None:
        found = g.babel_catalogue = flask_babel.get_translations()
    return found


def gettext(string: str, **variables: Any) -> str:
    """Flask-Babel's `gettext` on the catalogue of `translations`."""
    text = translations().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables: Any) -> str:
    """Flask-Babel's `ngettext` (`num` among the variables) on the catalogue of `translations`."""
    variables.setdefault("num", num)
    return translations().ungettext(singular, plural, num) % variables


def lazy_gettext(string: str, **variables: Any) -> LazyString:
    return LazyString(gettext, string, **variables)


_ = gettext  # a literal msgid, translated now
_l = lazy_gettext  # a literal msgid at import time, translated when shown (module constants)


def current_lang() -> str:
    """'en' when this request's URL asks for English, else 'vi' (also outside a request)."""
    if not has_request_context():
        return DEFAULT
    args = request.args  # `in` first: `get` of a missing key raises and catches a KeyError, ~300 times a page
    return "en" if "lang" in args and args["lang"] == "en" else DEFAULT


def message(text: str) -> str:
    """A message built at run time (QueryError, search warnings, topic names) in this request's language.

    A `Message` is translated from its template, then filled in; another string is looked up whole.
    The result is plain text: templates escape it, whatever values it carries.
    """
    if isinstance(text, Message):
        if not text.values:
            return gettext(text.template)
        try:
            return gettext(text.template).format(**text.values)
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder: the source text
            return str(text)
    return gettext(str(text)) if text else ""


def _keep_language(endpoint: str, values: dict[str, Any]) -> None:
    """Links from an English page to another page stay in English (API, exports and feeds take no language)."""
    if current_lang() != DEFAULT and endpoint.rpartition(".")[0] in PAGE_BLUEPRINTS:
        values.setdefault("lang", current_lang())


def install(app: Flask) -> None:
    """Flask-Babel (`_`, `ngettext` in templates), `message` and `lang`, and the language carried by links."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT)
    Babel(app, locale_selector=current_lang)
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
    )
    app.url_defaults(_keep_language)
    app.jinja_env.globals["message"] = message
    app.context_processor(lambda: {"lang": current_lang()})
