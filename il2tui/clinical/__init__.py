"""The clinical engine: criteria, confirmation, the guideline and its condition language,
and the review of one case (:func:`il2tui.clinical.review.review_case`)."""
