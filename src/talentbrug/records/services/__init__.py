"""Every state change of the records app, one module per noun.

- ``collections``: settings of the destruction flow, selectielijst categories, collections
- ``limits``: import limits and the reasons a file cannot be read
- ``uploads``: storing uploaded files as documents
- ``imports``: ZIP imports (background, resumable), server-folder imports, the import report
- ``analysis``: reading documents and finding near duplicates
- ``triage``: deciding keep or discard, undo, claims, legal hold, document dates
- ``overrides``: overrides of the selectielijst
- ``lists``: destruction lists (make, submit, take documents off, restore, set back)
- ``review``: reviewing destruction lists (four eyes, archivist, cooling-off)
- ``destruction``: destroying a list and keeping the declaration of destruction

Each function validates first, writes in one transaction and records an audit event. Bad
input raises ``ValidationError`` with a message for people and changes nothing. The moves of
a destruction list are checked against the table in ``records/workflow.py``.
"""
