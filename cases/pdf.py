"""PDF documents for people: the inzage export, the beschikking, letters (docs/adr/0140).

A4 in DejaVu Sans (fetched with the other front-end packages by ``scripts/fetch_static.py``,
``PDF_FONT_DIR``), so every name prints as written: Łucja, Şahin, Čapková. A character the
font has no glyph for (an emoji) is printed as "□" instead of disappearing, so the reader
sees that something was there."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from fpdf import FPDF

FAMILY = "DejaVu"
MISSING_GLYPH = "\u25a1"  # □ (in the font)
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


def font_dir() -> Path:
    folder = Path(settings.PDF_FONT_DIR)
    missing = [name for name in FONT_FILES.values() if not (folder / name).is_file()]
    if missing:
        raise ImproperlyConfigured(
            f"The PDF font is missing in {folder} ({', '.join(missing)}): run scripts/fetch_static.py")
    return folder


class Document(FPDF):
    """An A4 document with a title, headings, paragraphs and label: value lines."""

    def __init__(self, title: str):
        super().__init__(format="A4")
        folder = font_dir()
        for style, name in FONT_FILES.items():
            self.add_font(FAMILY, style, str(folder / name))
        self.set_auto_page_break(auto=True, margin=15)
        self.set_title(self.printable(title))
        self.set_creator("buurtteam")
        self.add_page()
        self.set_font(FAMILY, "", 11)

    def printable(self, text) -> str:
        """``text`` with every character the font cannot print replaced by a visible "□"."""
        font = self.fonts.get(FAMILY.lower())
        glyphs = getattr(font, "cmap", None)
        text = str(text)
        if glyphs is None:
            return text
        return "".join(c if ord(c) in glyphs or c in "\n\r\t" else MISSING_GLYPH for c in text)

    def heading(self, text: str, size: int = 16) -> None:
        self.set_font(FAMILY, "B", size)
        self.multi_cell(0, size * 0.55, self.printable(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font(FAMILY, "", 11)

    def paragraph(self, text: str, size: int = 11, height: float = 6) -> None:
        self.set_font(FAMILY, "", size)
        self.multi_cell(0, height, self.printable(text), new_x="LMARGIN", new_y="NEXT")

    def bold(self, text: str, size: int = 11, height: float = 6) -> None:
        self.set_font(FAMILY, "B", size)
        self.multi_cell(0, height, self.printable(text), new_x="LMARGIN", new_y="NEXT")
        self.set_font(FAMILY, "", size)

    def field(self, label: str, value, size: int = 10) -> None:
        """One line "label: value" (nothing for an empty value)."""
        if value in ("", None):
            return
        self.paragraph(f"{label}: {value}", size=size, height=5)

    def as_bytes(self) -> bytes:
        return bytes(self.output())
