"""Talentbrug: werving, selectie en inwerken van nieuw IT-talent voor de Rijksoverheid."""
