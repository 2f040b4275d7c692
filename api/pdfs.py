"""PDF documents that render Chinese: the CJK font embedded (subset), the Simplified Chinese face chosen.

Statements and the application-form template are made the same way, so they share this one start.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fpdf import FPDF

__all__ = ["cjk_pdf"]

#: The family name documents select with ``set_font``.
CJK = "cjk"


@functools.cache
def _collection_index(font: str) -> int:
    """Which face of a font collection is Simplified Chinese (Noto's .ttc holds JP, KR, SC, TC, HK)."""
    if not font.lower().endswith(".ttc"):
        return 0
    from fontTools.ttLib import TTCollection

    collection = TTCollection(font, lazy=True)
    try:
        for index, face in enumerate(collection.fonts):
            if " SC" in str(face["name"].getDebugName(1)):
                return index
        return 0
    finally:
        collection.close()


def cjk_pdf(title: str, font: str) -> FPDF:
    """An empty A4 document titled ``title`` whose ``cjk`` font family is ``font`` (.ttc, .otf, .ttf)."""
    if not Path(font).is_file():
        raise FileNotFoundError(f"CJK font {font} is missing (Debian: apt-get install fonts-noto-cjk)")
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.add_font(CJK, fname=font, collection_font_number=_collection_index(font))
    return pdf
