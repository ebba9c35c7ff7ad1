"""``il2tui.review.review_case``, kept for scripts written before the layered layout.

The engine lives in :mod:`il2tui.clinical.review`; import it from there in new code.
"""

from il2tui.clinical.review import review_case

__all__ = ["review_case"]
