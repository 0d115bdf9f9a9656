"""A pybabel extraction method for module-level dict literals whose values are msgids (the topic names)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import IO, Any


def dict_values(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[int, str, str, list[str]]]:
    """Every string value of every dict literal in the file, as (line, funcname, message, comments)."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for value in node.values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    yield value.lineno, "_", value.value, []
