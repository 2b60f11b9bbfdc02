"""Rule modules. Importing this package registers every rule."""

from . import exclusion, gender, missing, readability

__all__ = ["exclusion", "gender", "missing", "readability"]
