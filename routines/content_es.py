"""Placeholder."""

EXERCISES: dict[str, dict[str, str]] = {}
ROUTINES: dict[str, dict[str, str]] = {}
