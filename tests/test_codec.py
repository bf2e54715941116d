"""briefing.codec: every model value comes back from JSON exactly, and JSON of any other shape is a
CodecError naming the place, never another exception."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import model
from briefing.codec import CodecError, from_data, from_json, to_data, to_json
from briefing.model import Annotated, Article, Block, Mention, Timex

ROOT = Path(__file__).resolve().parent.parent
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLASSES = [c for c in vars(model).values() if dataclasses.is_dataclass(c) and c.__module__ == model.__name__]


def strategy(tp):
    """Any value of ``tp`` as the model's type hints describe it (written apart from the codec)."""
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        return st.builds(tp, **{f.name: strategy(hints[f.name]) for f in dataclasses.fields(tp)})
    if tp is float:
        return st.floats(allow_nan=False, allow_infinity=False)
    if tp is str:
        return st.text(max_size=8)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*[st.none() if a is type(None) else strategy(a) for a in args])
    if origin is tuple:
        return st.lists(strategy(args[0]), max_size=2).map(tuple)
    if origin is frozenset:
        return st.frozensets(strategy(args[0]), max_size=3)
    return st.from_type(tp)  # int, bool, datetime.date


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_every_model_class_round_trips(cls):
    @FAST
    @given(strategy(cls))
    def check(value):
        text = to_json(value)
        back = from_json(text, cls)
        assert back == value and type(back) is cls
        assert to_json(back) == text  # and writes the same text again

    check()


def test_the_annotated_seeds_round_trip():
    from briefing import pipeline
    from briefing.annotate import load_knowledge
    from briefing.config import Settings

    settings_ = Settings(root=ROOT, seeds=ROOT / "seeds", knowledge=ROOT / "knowledge",
                         templates=ROOT / "templates", cache=None, workers=1, today=None)
    articles, _ = pipeline.read_all(settings_.seeds)
    docs, problems = pipeline.annotate_all(articles, load_knowledge(settings_.knowledge), settings_,
                                           pipeline.Timings())
    assert len(docs) == 5 and not problems and all(d.mentions and d.dates for d in docs)
    for doc in docs:
        assert from_json(to_json(doc), Annotated) == doc


def test_field_types_come_back_as_themselves():
    article = Article(source="a.md", slug="a", title="T", blocks=(Block(index=0, kind="paragraph", text="é ✓"),),
                      date=dt.date(2026, 3, 1), inferred=frozenset({"title", "date", "outlet"}), authors=("X",))
    back = from_json(to_json(article), Article)
    assert back == article
    assert type(back.blocks) is tuple and type(back.inferred) is frozenset and type(back.date) is dt.date
    assert '"inferred":["date","outlet","title"]' in to_json(article)  # sets sorted: the same file every time
    assert from_json('{"block":0,"theme":"t","score":2}', model.ThemeScore).score == 2.0


BAD = [
    ("", "not JSON"),
    ("{", "not JSON"),
    ("[" * 100_000, "not JSON"),
    ("[]", "expected a Timex object"),
    ('{"start":0,"end":1,"text":"x","type":"DATE"}', "^Timex: fields missing ['mod', 'value']$"),
    ('{"start":0,"end":1,"text":"x","type":"DATE","value":"2026","mod":null,"extra":1}', "^Timex: unknown ['extra']$"),
    ('{"start":true,"end":1,"text":"x","type":"DATE","value":"2026","mod":null}', "Timex.start: expected int"),
    ('{"start":0,"end":1.5,"text":"x","type":"DATE","value":"2026","mod":null}', "Timex.end: expected int"),
    ('{"start":0,"end":1,"text":"x","type":"DATE","value":2026,"mod":null}', "Timex.value: expected str"),
]


@pytest.mark.parametrize("text,why", BAD)
def test_text_of_another_shape_is_a_codec_error(text, why):
    with pytest.raises(CodecError, match=why.replace("[", r"\[").replace("]", r"\]")):
        from_json(text, Timex)


def test_errors_name_the_place_deep_inside():
    article = Article(source="a.md", slug="a", title="T", blocks=(Block(index=0, kind="paragraph", text="x"),))
    data = to_data(Annotated(article=article, mentions=(Mention(0, 0, 1, "x", "X", "place"),)))
    data["mentions"][0]["end"] = "1"
    with pytest.raises(CodecError, match=r"^Annotated\.mentions\[0\]\.end: expected int, got str '1'"):
        from_data(data, Annotated)
    data["mentions"][0]["end"] = 1
    data["article"]["date"] = "2026-02-30"
    with pytest.raises(CodecError, match=r"Annotated\.article\.date: expected a date"):
        from_data(data, Annotated)
    data["article"]["date"] = None
    data["article"]["inferred"] = ["date", "date"]
    with pytest.raises(CodecError, match=r"Annotated\.article\.inferred: expected a list without repeats"):
        from_data(data, Annotated)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@FAST
@given(value=json_values, cls=st.sampled_from([Annotated, Article, Mention, Timex]))
def test_any_json_is_a_value_or_a_codec_error(value, cls):
    try:
        back = from_json(json.dumps(value), cls)
    except CodecError:
        return
    assert type(back) is cls


@FAST
@given(data=st.binary(max_size=60))
def test_any_bytes_are_a_value_or_a_codec_error(data):
    try:
        from_json(data, Timex)
    except CodecError:
        pass


def test_writing_refuses_what_would_not_come_back_the_same():
    block = Block(index=0, kind="paragraph", text="x")
    for bad in (
        dataclasses.replace(block, links=[]),  # a list where the hint says tuple
        dataclasses.replace(block, index=True),  # a bool is no int
        Article(source="a", slug="a", title="t", blocks=(block,), date=dt.datetime(2026, 1, 1)),
        model.Figure(0, 0, 1, "x", "count", float("nan"), "troops"),
    ):
        with pytest.raises(TypeError):
            to_json(bad)


@dataclasses.dataclass(frozen=True)
class Tree:
    name: str
    children: tuple[Tree, ...] = ()
    weights: dict[str, float] | None = None
    pair: tuple[int, str] = (0, "")


def test_other_shapes_and_a_dataclass_that_contains_itself():
    tree = Tree("a", (Tree("b", weights={"x": 1.5}, pair=(2, "y")), Tree("c")))
    assert from_json(to_json(tree), Tree) == tree
    with pytest.raises(CodecError, match=r"Tree\.children\[1\]\.pair: expected a list of 2"):
        from_json('{"name":"a","children":[{"name":"b","children":[],"weights":null,"pair":[0,""]},'
                  '{"name":"c","children":[],"weights":null,"pair":[0]}],"weights":null,"pair":[0,""]}', Tree)
