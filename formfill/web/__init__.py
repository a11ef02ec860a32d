"""The apps in a browser (``formfill serve``): textual-serve with formfill's own page, every asset local."""
