"""The kiosk: the assistant locked down for a public terminal (``formfill kiosk``)."""
