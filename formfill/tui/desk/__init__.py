"""The office desk app (``formfill desk``): login, queue, dossier, papers, figures."""
