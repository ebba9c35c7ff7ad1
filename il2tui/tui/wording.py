"""The assistant's words: the question of each step and plain names for the codes.

Fixed templates, so a screen and the transcript ask exactly the same thing.
The paper is paraphrased and cited, never quoted.
"""

from __future__ import annotations

from il2tui.clinical.wording import recommendation_words

QUESTIONS = {
    "patient": (
        "What is the patient's diagnosis? Then, if you wish, a few details and the "
        "series' exclusion checklist."
    ),
    "baseline": (
        "Which lesions will you follow, and what are their two perpendicular diameters "
        "at the baseline evaluation?"
    ),
    "course": (
        "Course {n}: when did it start, how many doses were given in each cycle, and did "
        "anything happen that stops retreatment?"
    ),
    "assessment": (
        "Restaging after course {n}: on what date, and what does each baseline lesion "
        "measure now? Leave both diameters blank for a lesion that was not assessed."
    ),
    "decision": "After course {n}: do you accept the guideline's recommendation?",
    "summary": "Here is the whole course of treatment. Export the report?",
}

DIAGNOSES = {
    "melanoma": "Metastatic melanoma",
    "renal_cell": "Metastatic renal cell cancer",
    "other": "Another diagnosis",
}
OTHER_DIAGNOSIS = (
    "The evidence covers only metastatic melanoma and renal cell cancer (the NCI Surgery "
    "Branch series, 350 patients): the assistant cannot advise on another diagnosis."
)
SEX = {"": "not recorded", "female": "female", "male": "male", "other": "other"}
PRIOR_THERAPY = {
    "surgery": "Surgery",
    "chemotherapy": "Chemotherapy",
    "radiotherapy": "Radiotherapy",
    "hormonal": "Hormonal therapy",
    "immunotherapy": "Immunotherapy",
}
EXCLUSIONS = {
    "prior_il2": "Prior IL-2",
    "cns_metastases": "CNS metastases",
    "cardiac_disease": "Ischaemic heart disease or significant arrhythmia",
    "pulmonary_disease": "Severe respiratory disease",
    "renal_disease": "Severe renal disease",
    "therapy_within_30_days": "Other cancer therapy within the last 30 days",
}
METHODS = {
    "ct": "CT",
    "mri": "MRI",
    "xray": "X-ray",
    "ultrasound": "ultrasound",
    "physical_exam": "exam",
    "other": "other",
}
TOXICITY = {
    "intubation": "Mental-status changes requiring intubation",
    "severe_arrhythmia": "Severe cardiac arrhythmia",
    "severe_renal_dysfunction": "Severe renal dysfunction",
    "other_severe": "Other severe toxicity not easily reversed",
}
DECLINED = "Patient declines, or cannot tolerate, more IL-2"
CATEGORIES = {
    "CR": "complete response",
    "PR": "partial response",
    "MR": "minor response",
    "SD": "stable disease (no response)",
    "PD": "progression",
    "NE": "not evaluable",
}
DECISIONS = {"retreat": "give another course", "stop": "stop IL-2"}


def question(kind: str, course: int = 0) -> str:
    """The question of a step."""
    return QUESTIONS[kind].format(n=course)


def category(code: str | None) -> str:
    """``PR (partial response)``; an em dash when there is none."""
    return "—" if code is None else f"{code} ({CATEGORIES[code]})"


def recommendation(action: str, stop_reason: str | None = None) -> str:
    """``stop IL-2 — progression`` or ``give another course`` (the engine's words)."""
    return recommendation_words(action, stop_reason)


LOST_TITLE = "Later measurements would be deleted"


def lost_measurements(found: dict[str, list[int]]) -> list[str]:
    """What removing measured lesions deletes, a sentence each, then the two keys.

    ``found``: lesion id to the course number of each restaging that measured it
    (:func:`il2tui.tui.edits.measured_later`). Ids are the clinician's text: show
    the lines literally.
    """
    lines = [
        f"Removing {lesion_id} deletes its measurements in {len(numbers)} later "
        f"restaging{'s' if len(numbers) > 1 else ''} ({_courses(numbers)})."
        for lesion_id, numbers in found.items()
    ]
    rows = "its row comes back" if len(found) == 1 else "their rows come back"
    return [*lines, f"Remove and save? Enter: remove · Escape: keep ({rows} as recorded)"]


def _courses(numbers: list[int]) -> str:
    """``course 2``, ``courses 1-3`` or ``courses 1, 2 and 4``."""
    unique = sorted(set(numbers))
    if len(unique) == 1:
        return f"course {unique[0]}"
    if unique == list(range(unique[0], unique[-1] + 1)):
        return f"courses {unique[0]}-{unique[-1]}"
    return f"courses {', '.join(map(str, unique[:-1]))} and {unique[-1]}"
