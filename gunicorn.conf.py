"""gunicorn reads this file from the working directory (the repository root) by default.

The access log (``--access-logfile -``) goes through a logger that removes link tokens from
every field, so a magic link never ends up in a log (see src/talentbrug/conf/logredact.py).
"""

logger_class = "talentbrug.conf.logredact.GunicornLogger"
