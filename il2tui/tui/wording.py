"""The assistant's words: the question of each step and plain names for the codes.

Fixed templates, so a screen and the transcript ask exactly the same thing.
The paper is paraphrased and cited, never quoted.
"""

from __future__ import annotations

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
ACTIONS = {
    "retreat": "give another course",
    "consider_retreat": "consider another course",
    "consolidate": "give one consolidation course",
    "stop": "stop IL-2",
    "reassess": "complete the measurements",
}
STOP_REASONS = {
    "toxicity": "severe toxicity",
    "declined": "the patient declines or cannot tolerate more",
    "progression": "progression",
    "complete_response": "complete response held through consolidation",
    "no_objective_response": "no objective response after two or more courses",
}
DECISIONS = {"retreat": "give another course", "stop": "stop IL-2"}


def question(kind: str, course: int = 0) -> str:
    """The question of a step."""
    return QUESTIONS[kind].format(n=course)


def category(code: str | None) -> str:
    """``PR (partial response)``; an em dash when there is none."""
    return "—" if code is None else f"{code} ({CATEGORIES[code]})"


def recommendation(action: str, stop_reason: str | None = None) -> str:
    """``stop IL-2 (progression)`` or ``give another course``."""
    words = ACTIONS[action]
    return f"{words} ({STOP_REASONS[stop_reason]})" if stop_reason else words
