"""The office desk's core, without Textual: working days and due dates, the one-stop papers
(receipt, request for more papers, refusal, register), the citizen's details from a declaration,
and the office's report of its figures. The desk app and the ``office`` commands call these with
plain values; nothing here reads the store.
"""
