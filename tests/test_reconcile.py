"""The reconciler, rule by rule, on small texts the tests write: each trap from issue 8 has a row."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck.citations.footnotes import parse_notes
from claimcheck.claims.extract import extract_claims
from claimcheck.cli import app
from claimcheck.config import ReconcileSettings
from claimcheck.documents import read_document
from claimcheck.model import ConflictKind, Severity
from claimcheck.reconcile import reconcile

runner = CliRunner()


@pytest.fixture
def run(tmp_path, nlp):
    """Write each text as its own article, extract, reconcile: -> (claims by quote, groups, conflicts)."""

    def go(*texts: str):
        claims = []
        for i, text in enumerate(texts):
            path = tmp_path / f"a{i}.txt"
            path.write_text(text, encoding="utf-8")
            doc = read_document(path)
            claims += extract_claims(doc, parse_notes(doc), nlp)
        groups, conflicts = reconcile(claims, (), ReconcileSettings())
        return claims, groups, conflicts

    return go


def together(claims, groups, qa: str, qb: str) -> bool:
    a = {c.id for c in claims if c.quote == qa}
    b = {c.id for c in claims if c.quote == qb}
    assert a and b, f"not extracted: {qa!r} or {qb!r}"
    return any(a & set(g.claims) and b & set(g.claims) for g in groups)


def conflicting(claims, conflicts, qa: str, qb: str) -> bool:
    a = {c.id for c in claims if c.quote == qa}
    b = {c.id for c in claims if c.quote == qb}
    assert a and b, f"not extracted: {qa!r} or {qb!r}"
    return any(a & set(c.claims) and b & set(c.claims) for c in conflicts)


APART = [
    # the same number about different things
    ("In July 2019, 22 states signed a letter to the UN.", "Twenty-two people were arrested in Almaty.", "22", "Twenty-two"),
    ("An estimated 1 million people have been sent to camps in Xinjiang.",
     "Kazakhstan has repatriated some 1 million Kazakhs from China.", "An estimated 1 million", "some 1 million"),
    # the same words about different quantities
    ("Kazakhstan has repatriated some 1 million Kazakhs from China.", "There are 1.8 million Kazakhs in China.",
     "some 1 million", "1.8 million"),
    ("Of the interviewees, 32 Kazakhs were interviewed in Almaty.",
     "China allowed more than 2,000 Kazakhs to renounce their citizenship.", "32", "more than 2,000"),
    # different times or events
    ("In July 2019, 22 countries signed a letter criticising China.",
     "In October 2020, 39 countries signed a letter criticising China.", "22", "39"),
    ("The 2011 census counted 3.2 million people living in Kabul.",
     "The 2021 census counted 4.6 million people living in Kabul.", "3.2 million", "4.6 million"),
    # different definitions
    ("The flood killed 40 people in Sindh.", "The flood killed or injured 90 people in Sindh.", "40", "90"),
    ("About 4 million people live in Kabul.", "About 6 million people live in the Kabul metropolitan area.",
     "About 4 million", "About 6 million"),
    ("The river drains 5,000 km2 along its main stem in Brazil.", "The river drains 9,000 km2 across its whole basin in Brazil.",
     "5,000 km2", "9,000 km2"),
    # the noun alone is not enough
    ("The report named eight countries.", "The city hosts 29 countries' embassies.", "eight", "29"),
]


@pytest.mark.parametrize("a, b, qa, qb", APART)
def test_what_only_looks_alike_stays_apart(run, a, b, qa, qb):
    claims, groups, conflicts = run(a, b)
    assert not conflicting(claims, conflicts, qa, qb)
    assert not together(claims, groups, qa, qb)


def test_kazakhs_in_china_conflict_with_its_gap_and_reason(run):
    claims, groups, conflicts = run(
        "China is home to the largest Kazakh diaspora -- between 1.25 million and 1.5 million.",
        "There are 1.8 million Kazakh's in China.",
        "The Oralman maintain ties with the over 1 million ethnic Kazakhs who remain in China.",
    )
    (conflict,) = conflicts
    assert conflicting(claims, conflicts, "between 1.25 million and 1.5 million", "1.8 million")
    assert conflict.severity is Severity.CONTRADICTION and conflict.kind is ConflictKind.VALUES
    assert conflict.gap == pytest.approx(0.2)
    assert "20% above the upper end of 1.25-1.5 million" in conflict.reason
    assert "a0.txt:1" in conflict.reason and "a1.txt:1" in conflict.reason
    assert together(claims, groups, "over 1 million", "1.8 million")  # compatible, so no conflict
    assert not conflicting(claims, conflicts, "over 1 million", "1.8 million")


def test_hedges_that_overlap_agree(run):
    claims, groups, conflicts = run(
        "Nearly a million ethnic Kazakhs have moved to Kazakhstan since 1991.",
        "Kazakhstan has repatriated some 1 million Kazakhs since 1991.",
    )
    assert together(claims, groups, "Nearly a million", "some 1 million")
    assert conflicts == ()


def test_different_sources_are_not_the_articles_conflict(run):
    _, groups, conflicts = run(
        "According to the Interior Ministry, 120 protesters were arrested in Almaty.",
        "According to Human Rights Watch, 300 protesters were arrested in Almaty.",
    )
    (group,) = [g for g in groups if len(g.claims) == 2]
    assert group.sources_differ and conflicts == ()


def test_the_same_source_quoted_with_different_figures_conflicts(run):
    claims, _, conflicts = run(
        "According to Human Rights Watch, 120 protesters were arrested in Almaty.",
        "According to Human Rights Watch, 300 protesters were arrested in Almaty.",
    )
    assert conflicting(claims, conflicts, "120", "300")


def test_a_change_written_in_the_text_is_not_a_conflict(run):
    _, _, conflicts = run(
        "In 2019, 35 countries signed the letter.",
        "In 2019, the number of countries that signed the letter grew to 50.",
    )
    assert conflicts == ()


def test_a_small_gap_is_a_near_miss(run):
    _, _, conflicts = run("About 150 people were arrested in Bishkek in 2018.",
                               "In 2018, 170 people were arrested in Bishkek.")
    (conflict,) = conflicts
    assert conflict.severity is Severity.NEAR_MISS and conflict.gap is not None and conflict.gap < 0.05


@pytest.mark.parametrize("text, verdict", [
    ("In ethnic terms, 32 of the 58 interviewees were ethnic Kazakhs followed by 23 ethnic Uyghurs, "
     "and one each ethnic Hui, Uzbek and Kyrgyz.", None),
    ("In ethnic terms, 32 of the 58 interviewees were ethnic Kazakhs followed by 33 ethnic Uyghurs, "
     "and one each ethnic Hui, Uzbek and Kyrgyz.", Severity.CONTRADICTION),
    ("In ethnic terms, 32 of the 58 interviewees were ethnic Kazakhs followed by 13 ethnic Uyghurs, "
     "and one each ethnic Hui, Uzbek and Kyrgyz.", Severity.NEAR_MISS),
])
def test_a_breakdown_is_checked_against_its_total(run, text, verdict):
    _, groups, conflicts = run(text)
    breakdowns = [g for g in groups if g.label.startswith("breakdown")]
    assert len(breakdowns) == 1
    assert [c.severity for c in conflicts if c.kind is ConflictKind.BREAKDOWN] == ([verdict] if verdict else [])


def test_a_part_of_an_earlier_sentence_s_whole_is_no_breakdown(run):
    # "Four of those survivors" points back; the later "812 survivors" is no total of the sentence's figures
    _, groups, conflicts = run("The ferry sank with 2,000 people aboard. Four of those survivors died in the "
                               "following months, bringing the numbers to 812 survivors and 1,188 victims.")
    assert not [g for g in groups if g.label.startswith("breakdown")]
    assert not [c for c in conflicts if c.kind is ConflictKind.BREAKDOWN]


def test_a_partial_breakdown_is_not_flagged(run):
    _, _, conflicts = run("The report is built on interviews with 58 people. Five of those interviewed are "
                          "former detainees and 38 are relatives of detainees.")
    assert conflicts == ()


def test_text_against_the_title_of_its_cited_source(run):
    claims, _, conflicts = run(
        "In July 2019, 22 states signed a letter criticising China.1 But 35 other countries defended China.2\n\n"
        "Notes\n\n"
        "1. A. Writer, “22 countries sign letter criticising China,” BBC, July 11, 2019, https://www.bbc.com/news/a1.\n"
        "2. B. Writer, “More than 35 countries defend China,” Reuters, July 13, 2019, https://www.reuters.com/b2.\n"
    )
    (conflict,) = conflicts
    assert conflict.kind is ConflictKind.CITED_SOURCE and "footnote 2" in conflict.reason
    assert conflicting(claims, conflicts, "35", "More than 35")


def test_aliases_reconcile_an_event_and_a_real_difference_does_not(run):
    launch = "In 2013, Chinese President Xi Jinping launched the Belt and Road Initiative in {}."
    _, groups, conflicts = run(launch.format("Astana"), launch.format("Nur-Sultan"))
    assert [g.label for g in groups] == ["belt and road initiative · launch"] and conflicts == ()
    _, _, conflicts = run(launch.format("Astana"), launch.format("Jakarta"))
    (conflict,) = conflicts
    assert conflict.kind is ConflictKind.FACT and "places differ" in conflict.reason


def test_ids_are_stable_and_lists_sorted(run):
    texts = ("There are 1.8 million Kazakhs in China.", "China is home to between 1.25 million and 1.5 million Kazakhs.")
    _, g1, c1 = run(*texts)
    _, g2, c2 = run(*texts)
    assert [g.id for g in g1] == [g.id for g in g2] == sorted(g.id for g in g1)
    assert [c.id for c in c1] == [c.id for c in c2] and c1


def test_user_aliases_extend_the_shipped_ones(tmp_path, nlp):
    from claimcheck.claims.aliases import load_aliases

    extra = tmp_path / "aliases.toml"
    extra.write_text('[places]\n"ile-de-france" = ["paris region"]\n', encoding="utf-8")
    aliases = load_aliases(str(extra))
    assert aliases.place("Paris region") == "ile-de-france" and aliases.place("Nur-Sultan") == "astana"
    bad = tmp_path / "bad.toml"
    bad.write_text("[planets]\nmars = []\n", encoding="utf-8")
    from claimcheck.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown table"):
        load_aliases(str(bad))


def test_same_file_names_in_two_folders_stay_apart(tmp_path):
    for folder, figure in (("a", "1.8 million"), ("b", "between 1.25 million and 1.5 million")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"There are {figure} Kazakhs living in China.", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(tmp_path / "a"), str(tmp_path / "b"), "--offline", "-f", "json"])
    report = json.loads(result.stdout)
    assert sorted(d["id"] for d in report["documents"]) == ["a/story", "b/story"]
    assert len({c["id"] for c in report["claims"]}) == len(report["claims"]) == 2
    (conflict,) = report["conflicts"]
    assert conflict["severity"] == "contradiction" and len(set(conflict["claims"])) == 2
    for fmt in ("github", "sarif", "markdown", "junit"):
        out = runner.invoke(app, ["scan", str(tmp_path / "a"), str(tmp_path / "b"), "--offline", "-f", fmt]).stdout
        assert "a/story" in out and "b/story" in out, fmt


def test_fail_on_conflicts_exits_1(tmp_path):
    (tmp_path / "x.txt").write_text("There are 1.8 million Kazakhs living in China.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("There are 1.2 million Kazakhs living in China.", encoding="utf-8")
    assert runner.invoke(app, ["scan", str(tmp_path), "--offline"]).exit_code == 0
    failed = runner.invoke(app, ["scan", str(tmp_path), "--offline", "--fail-on", "conflicts"])
    assert failed.exit_code == 1 and "conflict" in failed.stderr


def test_reconcile_command_reads_ledgers(tmp_path):
    for name, figure in (("x", "1.8 million"), ("y", "1.2 million")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "s.txt").write_text(f"There are {figure} Kazakhs living in China.", encoding="utf-8")
        assert runner.invoke(app, ["scan", str(folder), "--offline", "--ledger", str(tmp_path / f"{name}.jsonl")]).exit_code == 0
    result = runner.invoke(app, ["reconcile", str(tmp_path / "x.jsonl"), str(tmp_path / "y.jsonl"), "-f", "json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["conflicts"]) == 1
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": 1}\n', encoding="utf-8")
    bad = runner.invoke(app, ["reconcile", str(broken)])
    assert bad.exit_code == 2 and "broken.jsonl:1" in bad.stderr


def test_a_shared_verb_alone_does_not_accuse(run):
    claims, _, conflicts = run("A car bomb killed 27 people on Monday.", "The landslide killed six people.")
    assert not conflicting(claims, conflicts, "27", "six")


def test_units_are_converted_before_comparing(run):
    claims, groups, conflicts = run("The new pipeline stretches 600 miles across Kazakhstan.",
                                    "The new pipeline stretches 965 km across Kazakhstan.")
    assert together(claims, groups, "600 miles", "965 km") and conflicts == ()


def test_the_same_number_in_other_units_is_a_near_miss(run):
    _, _, conflicts = run("The new pipeline stretches 600 miles across Kazakhstan.",
                               "The new pipeline stretches 600 km across Kazakhstan.")
    (conflict,) = conflicts
    assert conflict.severity is Severity.NEAR_MISS and "conversion slip" in conflict.reason
