"""Splitting a block by the sets its claims count in changes nothing it finds (engines/split.py):
parts reconciled apart give the groups and conflicts of the whole block, field by field, in a block
of one counted noun and in a concept block clustered by evidence."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from claimcheck.config import ReconcileSettings
from claimcheck.engines.split import block_of, components, signature, sub_key
from claimcheck.model import Bound, Claim, Frame, Kind
from claimcheck.reconcile import merge, reconcile_block

EVENTS = [None, "kill", "arrest", "flee"]
PLACES = [None, "kabul", "herat", "almaty", "almaaty"]  # a spelling variant: joins by place need equality
TIMES = [None, "2019", "2020", "2019-07"]
SCOPES = [(), ("part",), ("other",), ("largest",), ("additional",), ("within three days",)]
TOPICS = [None, "velmar ostra", "ostra velmar marn", "korda mine"]


@st.composite
def claims(draw) -> list[Claim]:
    out = []
    for n in range(draw(st.integers(2, 40))):
        value = draw(st.sampled_from([10.0, 12.0, 40.0, 100.0, 1000.0]))
        bound = draw(st.sampled_from([Bound.EXACT, Bound.APPROX, Bound.OVER]))
        frame = Frame(entity=draw(st.sampled_from(["people", "peoples"])), event=draw(st.sampled_from(EVENTS)),
                      place=draw(st.sampled_from(PLACES)), time=draw(st.sampled_from(TIMES)),
                      scope=draw(st.sampled_from(SCOPES)), source=draw(st.sampled_from([None, "un", "police"])),
                      proper=draw(st.booleans()), concept="deaths", topic=draw(st.sampled_from(TOPICS)),
                      topic_from=draw(st.sampled_from(["sentence", "document"])),
                      time_from=draw(st.sampled_from(["sentence", "document"])))
        doc = f"d{draw(st.integers(0, 6))}"
        out.append(Claim(id=f"{doc}:{n}", doc=f"{doc}.txt", doc_id=doc, path=f"{doc}.txt", start=n, end=n + 2,
                         quote=f"{value:g}", kind=Kind.COUNT, bound=bound, value=value,
                         low=value * 0.95 if bound is Bound.APPROX else value,
                         high=value * 1.05 if bound is Bound.APPROX else value, unit=None, subject="people",
                         sentence=f"{value:g} people.", frame=frame))
    return out


def split_findings(key: str, block: list[Claim]):
    parts = {key: components(signature(c) for c in block)}
    subs: dict[str, list[Claim]] = {}
    for c in block:
        sub = sub_key(key, c, parts)
        if sub is not None:
            subs.setdefault(sub, []).append(c)
    assert all(block_of(s) == key for s in subs)
    return merge(reconcile_block(block_of(s), subs[s], ReconcileSettings()) for s in sorted(subs)), len(subs)


@hsettings(max_examples=150, deadline=None)
@given(claims(), st.sampled_from(["count||people", "count||@deaths|"]))
def test_a_split_block_finds_what_the_whole_block_finds(block, key):
    whole = merge([reconcile_block(key, block, ReconcileSettings())])
    parts, _ = split_findings(key, block)
    assert parts == whole


@pytest.mark.parametrize("scopes, parts", [
    ([(), ("other",), ()], 2),  # "35 countries" and "35 other countries" never meet
    ([(), ("part",), ("largest",)], 1),  # defining and descriptive words do not make another set
    ([("other",), ("additional",), ("additional", "other"), ()], 4),
])
def test_the_parts_are_the_sets_claims_count_in(scopes, parts):
    block = [Claim(id=f"d{n}:0", doc=f"d{n}.txt", doc_id=f"d{n}", path=f"d{n}.txt", start=0, end=2, quote="10",
                   kind=Kind.COUNT, bound=Bound.EXACT, value=10.0, low=10.0, high=10.0, unit=None, subject="people",
                   sentence="10 people.", frame=Frame(entity="people", event="kill", scope=sc)) for n, sc in enumerate(scopes)]
    assert split_findings("count||@deaths|", block)[1] == parts


def test_a_sub_block_keeps_its_name_when_claims_are_added_elsewhere():
    before = components([(), ("other",)])
    after = components([(), ("other",), ("additional",)])
    assert before[()] == after[()] and before[("other",)] == after[("other",)]
