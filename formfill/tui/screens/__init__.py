"""Screens: start (forms and drafts), wizard (one section per step), review, finish."""
