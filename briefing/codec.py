"""JSON for frozen dataclasses like those of briefing.model, driven by their fields and type hints.

``from_json(to_json(x), type(x)) == x`` for every value the hints describe: dataclasses (an object with
exactly their fields), ``int``, ``float``, ``str``, ``bool``, ``None``, ``datetime.date`` (ISO text),
``X | None``, ``tuple[X, ...]`` and ``tuple[X, Y]``, ``list[X]``, ``frozenset[X]`` (a sorted list),
``dict[str, X]`` and ``Literal[...]``. Decoding builds only those types: nothing named in the text is
imported or called, so JSON from anywhere is safe to read. Text that is not JSON, or JSON that is not the
shape asked for, raises :class:`CodecError` naming the place (``Annotated.mentions[3].start: …``).

Encoders and decoders are compiled once per type from its hints, so reading costs little more than
``json.loads`` and one constructor call per object.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import types
import typing
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

Codec = Callable[[Any], Any]


class CodecError(ValueError):
    """Text that is not JSON of the type asked for; ``str()`` says where and why."""

    def __init__(self, reason: str, path: str = ""):
        self.reason, self.path = reason, path
        super().__init__(f"{path}: {reason}" if path else reason)

    def inside(self, step: str) -> CodecError:
        """The same error one level further out: ``step`` is ``.field``, ``[3]`` or the outermost class's name."""
        return CodecError(self.reason, step + self.path)


def to_data(obj: Any, cls: Any = None) -> Any:
    """``obj`` as JSON values (dicts, lists, str, numbers, None) per the type ``cls`` (default: its own)."""
    return _codec(cls if cls is not None else type(obj), encode=True)(obj)


def from_data(data: Any, cls: Any) -> Any:
    """A value of type ``cls`` from JSON values; :class:`CodecError` when they are not of its shape."""
    try:
        return _codec(cls, encode=False)(data)
    except CodecError as exc:
        raise exc.inside(getattr(cls, "__name__", "")) from None


def to_json(obj: Any, cls: Any = None) -> str:
    """``obj`` as compact JSON text; ``TypeError`` when it does not fit its type hints (nothing is written
    that could not be read back as the same value)."""
    return json.dumps(to_data(obj, cls), ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def from_json(text: str | bytes, cls: Any) -> Any:
    """A value of type ``cls`` from JSON text; :class:`CodecError` for anything else (never another error)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, UnicodeDecodeError, nesting too deep
        raise CodecError(f"not JSON ({type(exc).__name__}: {str(exc)[:80]})") from None
    try:
        return from_data(data, cls)
    except RecursionError:
        raise CodecError("nested too deeply") from None


# ---- compiling a type's codec -------------------------------------------------------------------

_CACHE: dict[tuple[Any, bool], Codec] = {}
_EXACT = (int, str, bool)  # types whose JSON value is the value itself


def _exact(tp: Any) -> tuple[type, ...]:
    """The JSON value types that are already the value for a field of type ``tp``: int, str, bool and
    (for ``X | None``) None; empty when the value needs decoding."""
    if tp in _EXACT:
        return (tp,)
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        other = args[0] if args[1] is type(None) else args[1]
        return (other, type(None)) if other in _EXACT else ()
    return ()


def _codec(tp: Any, encode: bool) -> Codec:
    key = (tp, encode)
    found = _CACHE.get(key)
    if found is None:
        if dataclasses.is_dataclass(tp) and isinstance(tp, type):
            # Compiled after a forwarding entry is in place, so a dataclass may contain itself.
            _CACHE[key] = lambda v: real(v)
            real = _dataclass(tp, encode)
            found = _CACHE[key] = real
        else:
            found = _CACHE[key] = _compile(tp, encode)
    return found


def _wrong(expected: str, value: Any) -> CodecError:
    return CodecError(f"expected {expected}, got {type(value).__name__} {_short(value)}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _scalar(kind: type, name: str, encode: bool) -> Codec:
    def scalar(v):
        if type(v) is kind:  # exact: True is no int, and an int subclass would not come back as itself
            return v
        raise (TypeError(f"expected {name}, got {type(v).__name__}") if encode else _wrong(name, v))
    return scalar


def _float(encode: bool) -> Codec:
    def number(v):
        if type(v) is float:
            if v != v or v in (float("inf"), float("-inf")):
                raise (TypeError("NaN or infinity has no JSON") if encode else _wrong("a finite float", v))
            return v
        if type(v) is int:  # JSON writes 2.0 as 2.0, but another writer may write 2
            return v if encode else float(v)
        raise (TypeError(f"expected float, got {type(v).__name__}") if encode else _wrong("float", v))
    return number


def _none(encode: bool) -> Codec:
    def none(v):
        if v is None:
            return None
        raise (TypeError(f"expected None, got {type(v).__name__}") if encode else _wrong("null", v))
    return none


def _date(encode: bool) -> Codec:
    if encode:
        def write(v):
            if type(v) is not dt.date:  # a datetime is a date too, but would not come back as one
                raise TypeError(f"expected date, got {type(v).__name__}")
            return v.isoformat()
        return write

    def read(v):
        if type(v) is str and len(v) == 10:
            try:
                return dt.date.fromisoformat(v)
            except ValueError:
                pass
        raise _wrong("a date YYYY-MM-DD", v)
    return read


def _sequence(item: Codec, make: type, encode: bool, name: str) -> Codec:
    def seq(v):
        if type(v) is not (make if encode else list):
            raise (TypeError(f"expected {name}, got {type(v).__name__}") if encode else _wrong("a list", v))
        try:
            return list(map(item, v)) if encode else make(map(item, v))
        except CodecError as exc:  # find which item, for the message
            for i, x in enumerate(v):
                try:
                    item(x)
                except CodecError as inner:
                    raise inner.inside(f"[{i}]") from None
            raise exc  # pragma: no cover - an item that fails once fails again
    return seq


def _fixed_tuple(items: list[Codec], encode: bool) -> Codec:
    def fixed(v):
        if type(v) is not (tuple if encode else list) or len(v) != len(items):
            if encode:
                raise TypeError(f"expected a tuple of {len(items)}, got {type(v).__name__}")
            raise _wrong(f"a list of {len(items)}", v)
        out = []
        for i, (codec, x) in enumerate(zip(items, v)):
            try:
                out.append(codec(x))
            except CodecError as exc:
                raise exc.inside(f"[{i}]") from None
        return out if encode else tuple(out)
    return fixed


def _frozenset(item: Codec, encode: bool) -> Codec:
    seq = _sequence(item, list, encode, "frozenset")
    if encode:
        def write(v):
            if type(v) is not frozenset:
                raise TypeError(f"expected frozenset, got {type(v).__name__}")
            # Sorted by their JSON text, so equal sets write equal files whatever the string hash order.
            return sorted(seq(list(v)), key=lambda x: json.dumps(x, sort_keys=True))
        return write

    def read(v):
        items = seq(v)
        out = frozenset(items)
        if len(out) != len(items):
            raise _wrong("a list without repeats", v)
        return out
    return read


def _dict(value: Codec, encode: bool) -> Codec:
    def mapping(v):
        if type(v) is not dict or not all(type(k) is str for k in v):
            raise (TypeError("expected dict with str keys") if encode else _wrong("an object", v))
        out = {}
        for k, x in v.items():
            try:
                out[k] = value(x)
            except CodecError as exc:
                raise exc.inside(f"[{k!r}]") from None
        return out
    return mapping


def _literal(values: tuple, encode: bool) -> Codec:
    def literal(v):
        if any(type(v) is type(x) and v == x for x in values):
            return v
        raise (TypeError(f"expected one of {values!r}") if encode else _wrong(f"one of {values!r}", v))
    return literal


def _optional(inner: Codec) -> Codec:
    def optional(v):
        return None if v is None else inner(v)
    return optional


def _compile(tp: Any, encode: bool) -> Codec:
    simple = {int: "int", str: "str", bool: "bool"}
    if tp in simple:
        return _scalar(tp, simple[tp], encode)
    if tp is float:
        return _float(encode)
    if tp is None or tp is type(None):
        return _none(encode)
    if tp is dt.date:
        return _date(encode)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1 and len(args) == 2:
            return _optional(_codec(rest[0], encode))
    elif origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _sequence(_codec(args[0], encode), tuple, encode, "tuple")
    elif origin is tuple and args and Ellipsis not in args:
        return _fixed_tuple([_codec(a, encode) for a in args], encode)
    elif origin is list and len(args) == 1:
        return _sequence(_codec(args[0], encode), list, encode, "list")
    elif origin is frozenset and len(args) == 1:
        return _frozenset(_codec(args[0], encode), encode)
    elif origin is dict and len(args) == 2 and args[0] is str:
        return _dict(_codec(args[1], encode), encode)
    elif origin is typing.Literal and all(type(a) in (int, str, bool) for a in args):
        return _literal(args, encode)
    raise TypeError(f"briefing.codec has no JSON form for {tp!r}")


def _dataclass(cls: type, encode: bool) -> Codec:
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls)]
    if any(not f.init for f in fields):
        raise TypeError(f"briefing.codec: {cls.__name__} has a field outside __init__")
    codecs = [(f.name, _codec(hints[f.name], encode)) for f in fields]
    names = frozenset(name for name, _ in codecs)
    label = cls.__name__

    if encode:
        def write(v):
            if type(v) is not cls:
                raise TypeError(f"expected {label}, got {type(v).__name__}")
            out = {}
            for name, codec in codecs:
                try:
                    out[name] = codec(getattr(v, name))
                except TypeError as exc:
                    raise TypeError(f"{label}.{name}: {exc}") from None
            return out
        return write

    # Reading skips __init__ (which a frozen dataclass runs through object.__setattr__ field by field) unless
    # the class has a __post_init__ to run; a field whose JSON is its value (int, str, bool) is checked inline.
    plan = [(name, _exact(hints[name]), codec) for name, codec in codecs]
    fast = not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
    new = object.__new__

    def read(v):
        if type(v) is not dict:
            raise _wrong(f"a {label} object", v)
        if v.keys() != names:
            missing, extra = sorted(names - v.keys()), sorted(v.keys() - names)
            raise CodecError(", ".join([f"fields missing {missing}"] * bool(missing) + [f"unknown {extra}"] * bool(extra)))
        values = {}
        for name, exact, codec in plan:
            x = v[name]
            if type(x) in exact:
                values[name] = x
                continue
            try:
                values[name] = codec(x)
            except CodecError as exc:
                raise exc.inside(f".{name}") from None
        if not fast:
            return cls(**values)
        obj = new(cls)
        obj.__dict__.update(values)
        return obj
    return read


# ---- cache files -----------------------------------------------------------------------------------

def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place: a build killed halfway leaves
    no entry, only a temporary file that nothing reads and the next prune removes. Raises OSError (the
    temporary file is gone then)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            tmp.write_bytes(data)
        else:
            tmp.write_text(data, encoding="utf-8", errors="surrogatepass")
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def prune_folder(folder: Path, keep: Collection[str]) -> None:
    """Remove everything in ``folder`` but the file names in ``keep``: entries of pages or articles gone,
    and leftover temporary files. A symbolic link is removed, never followed."""
    if not folder.is_dir():
        return
    for f in folder.iterdir():
        if f.name not in keep:
            if f.is_dir() and not f.is_symlink():
                shutil.rmtree(f, ignore_errors=True)
            else:
                f.unlink(missing_ok=True)

