import datetime as dt

from django.utils import timezone

from reporting.models import IndicatorRow


def stored_rows(period: str, teams, *, indicators=("dossiers_registered", "waiting_days_mean"), dimensions=("",)):
    """Indicator rows written straight into the reporting table: per team and all teams."""
    now = timezone.now() - dt.timedelta(minutes=5)
    rows = [
        IndicatorRow(period=period, team=team, indicator=indicator, dimension=dimension,
                     value=None if indicator.endswith("_mean") and team is None else float(i),
                     count=i, computed_at=now)
        for i, (team, indicator, dimension) in enumerate(
            (team, indicator, dimension)
            for team in [None, *teams]
            for indicator in indicators
            for dimension in dimensions
        )
    ]
    return IndicatorRow.objects.bulk_create(rows)


def auth(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Token {token}"}
