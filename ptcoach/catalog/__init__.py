"""Exercises, routines, the routine file format and its validation (no Qt)."""
