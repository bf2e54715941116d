"""The read stage: bytes on disk to a clean ``Article`` (decode, front matter, cruft, structure, metadata)."""

from briefing.read.article import ReadError, discover, read_article

__all__ = ["ReadError", "discover", "read_article"]
