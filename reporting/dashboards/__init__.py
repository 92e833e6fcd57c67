"""Dashboard figures, read from the reporting tables only.

The team dashboard and the organisation overview never aggregate dossiers per page
view. They read the computed ``IndicatorRow`` values (one query for every period and
team a page needs), the ``PeriodComputation`` bookkeeping (one query) and, for the ZRM
table, the domain labels (one query): the number of queries does not grow with the
number of teams, dossiers or indicator rows.

The only live queries are the data-quality lists (``quality_dossiers``): they list
dossiers, they do not count them.

Norms live in one place, ``common.NORMS``; the pages state the norm next to the figure."""
