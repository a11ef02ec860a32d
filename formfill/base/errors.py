"""One root exception, one subclass per domain (the CLI maps them to exit codes)."""

from __future__ import annotations


class FormfillError(Exception):
    """Root of every error formfill raises on purpose."""


class InputError(FormfillError):
    """Input that cannot be read at all (missing file, bad JSON, unknown encoding): exit 2."""


class UnknownFormError(FormfillError):
    """A form id that no form pack provides."""


class FormPackError(FormfillError):
    """A form pack that is broken (schema module or template): a developer's error, named with file and line."""
