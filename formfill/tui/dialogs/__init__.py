"""Modal dialogs: confirmation, editing one row of a repeating group."""
