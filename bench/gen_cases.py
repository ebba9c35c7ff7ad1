"""Generate realistic il2-case/1 files for the benchmark: a handful of lesions, 1-4 courses."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

SITES = ("lung", "liver", "lymph node", "adrenal", "kidney bed", "subcutaneous", "bone")


def _pair(rng: random.Random, scale: float) -> list[float]:
    d1 = round(rng.uniform(8, 60) * scale, 1)
    d2 = round(min(d1, rng.uniform(6, 50) * scale), 1)
    return [max(d1, 1.0), max(d2, 1.0)]


def make_case(rng: random.Random) -> dict:
    """One plausible case: baseline, then courses with one restaging each."""
    lesions = [
        {"id": f"L{i + 1}", "site": rng.choice(SITES), "method": "ct"}
        for i in range(rng.randint(1, 5))
    ]
    day = date(2020, 1, 1) + timedelta(days=rng.randint(0, 1500))
    baseline = {lesion["id"]: _pair(rng, 1.0) for lesion in lesions}
    case = {
        "format": "il2-case/1",
        "patient": {"diagnosis": rng.choice(["melanoma", "renal_cell"]), "label": "bench"},
        "lesions": lesions,
        "baseline": {"date": day.isoformat(), "measurements": baseline},
        "courses": [],
    }
    scale = 1.0
    for number in range(1, rng.randint(1, 4) + 1):
        start = day + timedelta(days=7)
        scale *= rng.uniform(0.3, 1.2)
        assessed = {k: [round(d * scale, 1) for d in v] for k, v in baseline.items()}
        day = start + timedelta(days=60)
        case["courses"].append(
            {
                "number": number,
                "start": start.isoformat(),
                "doses": [rng.randint(6, 15), rng.randint(4, 15)],
                "assessments": [{"date": day.isoformat(), "measurements": assessed}],
            }
        )
    return case


def write_cases(folder: Path, count: int, seed: int = 2000) -> list[Path]:
    """Write ``count`` case files into ``folder`` and return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"case-{i:05d}.json"
        path.write_text(json.dumps(make_case(rng)), encoding="utf-8")
        paths.append(path)
    return paths
