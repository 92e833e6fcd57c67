"""Nothing of the plan is in the admin: goals, actions and network contacts are personal
data, shown and changed only on the dossier's pages (scoped to its team, access-logged),
as the dossiers themselves (``cases.admin`` registers no dossier either)."""
