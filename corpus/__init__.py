"""The bundled sample corpus and the readers for every supported input format."""
from pathlib import Path

SAMPLE_DIR = Path(__file__).parent / "sample"
