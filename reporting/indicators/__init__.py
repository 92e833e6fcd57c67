"""The indicators of ../shared/specs/indicators.md, one module per family.

Every family runs a few aggregate queries for all requested periods at once (the
periods are a VALUES table joined to the dossiers) grouped by team, and hands the
per-team sums to a ``Collector``, which writes the team rows and the pooled all-teams
row (sums of numerators over sums of denominators: the pooled cohort, never an average
of team figures)."""
