"""Thin views of the records app: parse, authorise, call a service, respond.

One module per noun; the URLconf imports each (this package re-exports nothing):

- ``lookups``: finding a collection or list within the organisation, counting decisions
- ``collections``: collections, adding documents, the MDTO export
- ``triage``: the triage cards and decisions
- ``documents``: one document's page and what can be done there
- ``categories``: the selectielijst and the settings
- ``lists``: destruction lists and their review
- ``destruction``: destroying a list and the declaration of destruction
"""
