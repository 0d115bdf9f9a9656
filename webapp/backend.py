"""The search backend of the running app."""

from flask import current_app

from search.backend import SearchBackend


def backend() -> SearchBackend:
    """The backend opened by create_app."""
    return current_app.extensions["backend"]
