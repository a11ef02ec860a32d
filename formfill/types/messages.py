"""Old import path of the error-message table, kept for extra form packs: use ``formfill.base.messages``."""

from formfill.base.messages import *  # noqa: F403
from formfill.base.messages import MESSAGES, format_message, vn_error  # noqa: F401
