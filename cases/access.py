"""Moved to ``cases.permissions`` (kept while the other apps switch over)."""

from cases.permissions import Roles, is_beheer, is_coach_of, roles, team_ids  # noqa: F401
