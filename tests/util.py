from pipeline.model import RawInput
from pipeline.clean import clean
from pipeline.segment import segment


def doc_of(text: str, path: str = "t.txt"):
    """A cleaned, segmented Document from a real sentence."""
    return segment(clean(RawInput(path, text, "txt")))
