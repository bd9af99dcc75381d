"""pressdesk: government press releases as a searchable knowledge base."""

from pressdesk.errors import InputError, NotFound, PressdeskError, QueryError, StoreError
from pressdesk.models import IngestReport, Origin, Rejection, Release, Revision, StoredRelease

__all__ = [
    "IngestReport",
    "InputError",
    "NotFound",
    "Origin",
    "PressdeskError",
    "QueryError",
    "Rejection",
    "Release",
    "Revision",
    "StoreError",
    "StoredRelease",
]
__version__ = "0.1.0"
