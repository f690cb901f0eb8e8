"""Every write of 网格走访, one module per aggregate.

Who does what:
- the town's law officer keeps the town's key-group categories (with their visit
  intervals) and the risk-signal choices (`config`);
- the law officer and village cadres register the helpers of a grid (`config`);
- grid workers (their grids), village cadres (their village) and the law office (the
  town) register key persons and record visits (`person`, `visit`); a visit to a person
  outside one's grids is refused, and a replayed offline submission is stored once.
"""

from .common import (
    CONFIG_ROLES,
    HELPER_ROLES,
    VISITOR_ROLES,
    due_after,
    grid_choices,
    may_visit,
    town_of,
    towns_configured_by,
)
from .config import (
    DEFAULT_CATEGORIES,
    DEFAULT_SIGNALS,
    category_create,
    category_update,
    default_interval,
    defaults_load,
    helper_add,
    helper_end,
    signal_create,
    signal_toggle,
)
from .person import (
    PERSON_EDITABLE,
    apply_schedule,
    person_create,
    person_remove,
    person_update,
    refresh_persons_of,
)
from .visit import visit_record

__all__ = [
    "CONFIG_ROLES",
    "DEFAULT_CATEGORIES",
    "DEFAULT_SIGNALS",
    "HELPER_ROLES",
    "PERSON_EDITABLE",
    "VISITOR_ROLES",
    "apply_schedule",
    "category_create",
    "category_update",
    "default_interval",
    "defaults_load",
    "due_after",
    "grid_choices",
    "helper_add",
    "helper_end",
    "may_visit",
    "person_create",
    "person_remove",
    "person_update",
    "refresh_persons_of",
    "signal_create",
    "signal_toggle",
    "town_of",
    "towns_configured_by",
    "visit_record",
]
