"""Every write of 普法宣传, one module per aggregate.

Who does what:
- the town's law officer keeps the calendar of themed campaigns (the national themed
  dates load for a year in one step), the "八进" targets and event formats (`campaign`),
  imports online-study hours (`study`) and keeps and pushes the 以案释法 cases (`cases`);
- the law officer, or a village's cadre for their village, records 普法 events with
  their evidence photos, stripped of metadata (`event`);
- a cadre who opens a pushed case leaves a read receipt (`cases.casepush_read`).
"""

from .campaign import (
    DEFAULT_FORMATS,
    DEFAULT_TARGETS,
    THEMED_DATES,
    campaign_create,
    campaigns_seed,
    option_create,
    option_seed_needed,
    option_toggle,
    options_seed,
)
from .cases import case_create, casepush_create, casepush_read, recipient_choices
from .common import EVENT_WRITER_ROLES, WRITER_ROLES, town_of, writer_town
from .event import event_create, event_photo_add
from .study import DEFAULT_MAPPING, MAPPING_LABELS, parse_period, study_import

__all__ = [
    "DEFAULT_FORMATS",
    "DEFAULT_MAPPING",
    "DEFAULT_TARGETS",
    "EVENT_WRITER_ROLES",
    "MAPPING_LABELS",
    "THEMED_DATES",
    "WRITER_ROLES",
    "campaign_create",
    "campaigns_seed",
    "case_create",
    "casepush_create",
    "casepush_read",
    "event_create",
    "event_photo_add",
    "option_create",
    "option_seed_needed",
    "option_toggle",
    "options_seed",
    "parse_period",
    "recipient_choices",
    "study_import",
    "town_of",
    "writer_town",
]
