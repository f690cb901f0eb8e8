"""Every write of 案例实景式教学, one module per aggregate.

Who does what: the town's law office (司法所/法治办) keeps the case library (`case`),
plans sessions and marks them held, evaluated or cancelled (`session`), and keeps each
session's roster and evaluations (`participant`). Everyone else reads."""

from .case import CASE_EDITABLE, case_create, case_update, clean_roles
from .common import actor_town, is_curator, town_people
from .participant import RATINGS, participant_add, participant_evaluate, participant_remove
from .session import (
    SESSION_EDITABLE,
    SESSION_FLOW,
    session_create,
    session_transition,
    session_update,
)

__all__ = [
    "CASE_EDITABLE",
    "RATINGS",
    "SESSION_EDITABLE",
    "SESSION_FLOW",
    "actor_town",
    "case_create",
    "case_update",
    "clean_roles",
    "is_curator",
    "participant_add",
    "participant_evaluate",
    "participant_remove",
    "session_create",
    "session_transition",
    "session_update",
    "town_people",
]
