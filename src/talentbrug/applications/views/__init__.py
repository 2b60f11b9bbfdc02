"""Thin views, one module per audience: ``public`` (applying), ``portal`` (the candidate
portal, magic link), ``profile`` (the candidate's profile in the portal) and ``staff`` (the staff
pages). ``urls.py`` names the module of each view; this package re-exports nothing."""
