"""Everything that changes privacy state, one module per noun. Views, tasks and commands call
these; every change is audited. Callers import the module they need (``from
talentbrug.privacy.services import erasure as privacy_erasure``); this package re-exports nothing.

- ``removal``: the only place that removes candidate data (anonymise an application, remove a
  hire's recruitment material, wipe a candidate; stored files after the commit)
- ``handover``: handing expired applications' files to the records triage
- ``purge``: the retention job (``purge_expired``) and its dry run (``report``)
- ``policy``: the organisation's retention policy and a vacancy's own term
- ``holds``: legal holds
- ``erasure``: deletion requests, each organisation its own part; the portal's account erasure
- ``access``: finding the person and the staff export (access requests)
- ``objections``: objections against a processing
- ``errors``: :class:`PrivacyError`, the refusal every verb raises

What is due when is planned in :mod:`talentbrug.privacy.retention`.
"""
