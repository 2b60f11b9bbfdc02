"""Selection pages by noun: parse, authorise, call a service, respond (thin views).

urls.py imports the submodules; nothing is re-exported here."""
