"""Rule-based detectors for personal data in Dutch and English CV and motivation texts.

Every detector yields ``(category, start, end)`` triples on the ORIGINAL text. Detectors are
deliberately conservative where a false positive would damage the content a reviewer needs
(years of experience, employment periods, version numbers, IP addresses) and generous where
the context is unambiguous (a "Telefoon:" or "Geboortedatum:" label).

One module per noun; callers import the module they need (this package re-exports nothing):

- ``patterns``: the ``Hit`` triple, word lists and regular expressions the detectors share
- ``contact``: e-mail addresses, URLs, IBANs, phone numbers
- ``birth``: birth dates, birth places, ages
- ``fields``: values after a label (nationality, sensitive data, address)
- ``addresses``: street addresses, postcodes, places of residence
- ``names``: names from cues and names already known
"""
