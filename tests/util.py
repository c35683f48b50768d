from vietmine.facts import RawInput
from vietmine.pipeline.clean import clean
from vietmine.pipeline.segment import segment


def doc_of(text: str, path: str = "t.txt"):
    """A cleaned, segmented Document from a real sentence."""
    return segment(clean(RawInput(path, text, "txt")))
