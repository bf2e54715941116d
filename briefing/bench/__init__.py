"""Benchmarks that measure annotators against public gold data (run with ``python -m briefing.bench``)."""
