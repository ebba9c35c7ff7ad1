"""Non-measurable disease in the case format (issue 11): optional, checked, shown everywhere."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from il2tui.case.files import CaseError, case_from_data
from il2tui.cli.main import app
from il2tui.clinical.review import review_case
from il2tui.report.to_csv import render_csv
from il2tui.report.to_json import render_json
from il2tui.report.to_markdown import render_markdown
from il2tui.report.to_text import render_text
from tests.engine.helpers import case_data, exact
from tests.hardening.hostile import runner

GOLDEN = sorted((Path(__file__).parents[1] / "golden" / "cases").glob("*.json"))


def _data(status: dict | None = None, sites: list | None = None) -> dict:
    data = case_data({"L1": [20, 20]}, [[{"L1": [0, 0]}]], diagnosis="melanoma")
    data["non_measurable"] = (
        [{"id": "N1", "site": "bone", "method": "other"}] if sites is None else sites
    )
    if status is not None:
        data["courses"][0]["assessments"][0]["non_measurable"] = status
    return exact(data)


def test_schema_shows_the_optional_fields() -> None:
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert "non_measurable" in schema["properties"]
    assert "non_measurable" not in schema["required"]
    site = schema["$defs"]["NonMeasurable"]
    assert set(site["properties"]) == {"id", "site", "method"}
    status = schema["$defs"]["Assessment"]["properties"]["non_measurable"]
    assert status["additionalProperties"]["enum"] == ["present", "absent", "progressed"]


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.stem)
def test_every_golden_case_without_the_fields_still_loads(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))["case"]
    if "non_measurable" not in json.dumps(case):
        assert case_from_data(exact(case)).non_measurable == ()


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        (
            _data(sites=[{"id": "L1", "site": "bone"}]),
            "non_measurable[0].id",
            "used twice",
        ),
        (_data({"N2": "absent"}), "non_measurable.N2", "not one of the non-measurable"),
        (_data({"N1": "gone"}), "non_measurable.N1", "present"),
    ],
    ids=["id shared with a lesion", "unknown id", "unknown status"],
)
def test_a_wrong_non_measurable_entry_names_the_field(data: dict, path: str, words: str) -> None:
    with pytest.raises(CaseError) as raised:
        case_from_data(data, source="case.json")
    assert path in str(raised.value) and words in str(raised.value)


@pytest.mark.parametrize(
    ("status", "category", "words"),
    [
        ({"N1": "absent"}, "CR", "disappeared, no new lesion: CR"),
        ({"N1": "present"}, "PR", "N1 (bone) present"),
        ({}, "PR", "N1 (bone) not assessed"),
        ({"N1": "progressed"}, "PD", "N1 (bone) progressed"),
    ],
)
def test_the_category_follows_the_non_measurable_site(
    status: dict, category: str, words: str
) -> None:
    result = review_case(case_from_data(_data(status))).courses[0].assessments[0]
    assert result.response == category and words in result.basis


def test_a_pr_at_most_names_every_site_not_known_to_be_gone() -> None:
    """Three sites: bone absent, pleura present, skin not assessed; the line names the two."""
    sites = [
        {"id": "N1", "site": "bone", "method": "other"},
        {"id": "N2", "site": "pleura", "method": "other"},
        {"id": "N3", "site": "skin", "method": "other"},
    ]
    data = _data({"N1": "absent", "N2": "present"}, sites)
    result = review_case(case_from_data(data)).courses[0].assessments[0]
    assert result.response == "PR"
    assert result.basis == (
        "The baseline lesion has disappeared, no new lesion, but non-measurable disease is "
        "not known to be gone (N2 (pleura) present; N3 (skin) not assessed): PR at most "
        "(a CR needs all disease gone)"
    )


def test_a_site_that_progressed_is_named_in_the_line_that_decided() -> None:
    result = review_case(case_from_data(_data({"N1": "progressed"}))).courses[0].assessments[0]
    assert result.basis == "Non-measurable disease N1 (bone) progressed unequivocally: PD"


def test_every_output_shows_the_sites() -> None:
    review = review_case(case_from_data(_data({"N1": "present"})))
    assert "N1 (bone), other: non-measurable disease" in render_text(review)
    assert "N1 (bone), non-measurable: present" in render_text(review)
    assert "N1 (bone), non-measurable: present" in render_markdown(review)
    data = json.loads(render_json(review))
    assert data["non_measurable"] == [{"id": "N1", "site": "bone", "method": "other"}]
    site = data["courses"][0]["assessments"][0]["non_measurable"]
    assert site == [{"id": "N1", "site": "bone", "status": "present"}]
    row = next(csv.DictReader(io.StringIO(render_csv([("f.json", review)]))))
    assert row["non_measurable"] == "N1=present"
