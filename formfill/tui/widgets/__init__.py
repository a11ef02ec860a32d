"""Widgets of the assistant: inputs, pickers, yes/no switches, field rows, blocks, repeating groups."""
