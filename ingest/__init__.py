"""Turns the corpus folder into section-aware chunks in a Chroma collection."""
