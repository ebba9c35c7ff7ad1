"""Review time against the number of restagings: linear, so 10x the restagings take ~10x.

A case with one course and N restagings, every one a PR (one long run: the
worst case for the confirmation search, which was quadratic before issue 14).
The ratio of the 8,000-restaging review to the 800-restaging one is printed;
issue 14 asks for under 10x. Best of ``runs``; no test asserts on it.
"""

from __future__ import annotations

import gc
import time
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from measures import Row

if TYPE_CHECKING:
    from il2tui.case.model import Case

FIRST = date(1950, 1, 2)
SMALL, LARGE = 800, 8_000


def case_with_restagings(count: int) -> dict[str, Any]:
    """One lesion 20 x 20 mm at baseline, then ``count`` restagings at 10 x 10 mm (PR)."""
    dates = (FIRST + timedelta(days=2 * (i + 1)) for i in range(count))
    restagings = [{"date": d.isoformat(), "measurements": {"L1": [10, 10]}} for d in dates]
    return {
        "format": "il2-case/1",
        "patient": {"diagnosis": "melanoma", "label": "bench"},
        "lesions": [{"id": "L1", "site": "lung"}],
        "baseline": {"date": "1950-01-01", "measurements": {"L1": [20, 20]}},
        "courses": [{"number": 1, "start": FIRST.isoformat(), "assessments": restagings}],
    }


def _review_time(case: Case) -> float:
    """The CPU time of one review, without garbage collections (as timeit measures).

    CPU time, not wall time: on a machine shared with other work the wall time of
    the longer review catches more of the others' bursts than the shorter one.
    """
    from il2tui.clinical.review import review_case

    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        review_case(case)
        return time.process_time() - start
    finally:
        gc.enable()


def restaging_scaling(runs: int) -> list[Row]:
    """The review of 8,000 restagings against the review of 800, best of ``runs`` each,
    taken in turns so that a busy moment of a shared machine hits both."""
    from il2tui.case.files import case_from_data

    small_case = case_from_data(case_with_restagings(SMALL))
    large_case = case_from_data(case_with_restagings(LARGE))
    _review_time(small_case)  # warm: the guideline and the evidence tables load once
    times: dict[int, list[float]] = {SMALL: [], LARGE: []}
    for _ in range(runs):
        times[SMALL].append(_review_time(small_case))
        times[LARGE].append(_review_time(large_case))
    small, large = min(times[SMALL]), min(times[LARGE])
    return [
        Row(
            f"review of one case, {LARGE:,} restagings (CPU, best of {runs})",
            f"{large * 1000:,.0f} ms ({large / LARGE * 1e6:.0f} us each)",
            f"{small * 1000:,.0f} ms ({SMALL} restagings, {small / SMALL * 1e6:.0f} us each)",
            f"{large / small:.1f}x for 10x the restagings (target < 10x)",
        )
    ]
