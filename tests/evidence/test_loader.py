"""A typo in a data file fails loudly at load, naming the file, the row and the field."""

from __future__ import annotations

import pytest

from il2tui.core.resources import read_shipped_text
from il2tui.evidence.loader import FILES, EvidenceDataError, load, parse_rows


def _corrupt(key: str, old: str, new: str) -> str:
    text = read_shipped_text("data", FILES[key].name)
    assert old in text
    return text.replace(old, new, 1)


def test_a_count_edited_to_a_letter_names_file_row_and_field() -> None:
    text = _corrupt("tempo_renal_cell", "renal_cell,2,PR,CR,3,", "renal_cell,2,PR,CR,x,")
    with pytest.raises(EvidenceDataError) as info:
        parse_rows("table4_renal_cell.csv", text, FILES["tempo_renal_cell"].model)
    message = str(info.value)
    assert "data/table4_renal_cell.csv" in message
    assert "field patients" in message and "'x'" in message
    assert "row 10 (line 11)" in message


def test_an_unknown_state_is_refused() -> None:
    text = _corrupt("tempo_melanoma", "melanoma,2,NR,PR,2,", "melanoma,2,NR,SD,2,")
    with pytest.raises(EvidenceDataError, match="field state_after"):
        parse_rows("table3_melanoma.csv", text, FILES["tempo_melanoma"].model)


def test_a_negative_count_is_refused() -> None:
    text = _corrupt("response", "melanoma,CR,10,", "melanoma,CR,-10,")
    with pytest.raises(EvidenceDataError, match="field patients"):
        parse_rows("table2_response.csv", text, FILES["response"].model)


def test_an_extra_column_is_refused() -> None:
    text = read_shipped_text("data", "facts.csv").replace("statement\n", "statement,extra\n", 1)
    with pytest.raises(EvidenceDataError, match="extra"):
        parse_rows("facts.csv", text, FILES["facts"].model)


def test_a_discrepancy_without_sides_is_refused() -> None:
    text = _corrupt("discrepancies", '"sides": [', '"sides_": [')
    with pytest.raises(EvidenceDataError, match="entry 1 \\(D1\\)"):
        parse_rows("discrepancies.json", text, FILES["discrepancies"].model)


@pytest.mark.parametrize("key", sorted(FILES))
def test_every_shipped_file_loads(key: str) -> None:
    assert len(load(key)) > 0
