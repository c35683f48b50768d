"""vietmine pipeline: stages (read, decode/clean, segment, extract, resolve, store) and the CLI."""
__version__ = "0.1.0"
