"""Loading the editable YAML files in knowledge/ with errors that name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# libyaml's parser where PyYAML has it (the same safe loading, several times faster: the knowledge files are
# read on every build, a warm one included); the pure-Python one otherwise.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KnowledgeError(ValueError):
    """A knowledge file is malformed; the message names the file and, where known, the line."""


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; a syntax error becomes a KnowledgeError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise KnowledgeError(f"{where}: invalid YAML: {problem}") from None


def fail(path: Path, message: str, line: int | None = None) -> KnowledgeError:
    """A KnowledgeError for a well-formed file whose content is wrong."""
    where = f"{path}:{line}" if line else str(path)
    return KnowledgeError(f"{where}: {message}")


def entry_line(path: Path, needle: str) -> int | None:
    """1-based line where ``needle`` first appears, so content errors can point at it."""
    try:
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return no
    except (OSError, UnicodeDecodeError):
        pass
    return None
