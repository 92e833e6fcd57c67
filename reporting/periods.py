"""Reporting periods: a month ``YYYY-MM``, a quarter ``YYYY-Qn``, a half-year ``YYYY-Hn``
(H1 = 1 January - 30 June, H2 = 1 July - 31 December) or a year ``YYYY``."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PATTERN = re.compile(
    r"(?P<year>[0-9]{4})(?:-(?:(?P<month>0[1-9]|1[0-2])|Q(?P<quarter>[1-4])|H(?P<half>[12])))?"
)


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date
    code: str

    @classmethod
    def parse(cls, code: str) -> "Period":
        match = _PATTERN.fullmatch(code or "")
        if not match or not 1900 <= int(match["year"]) <= 2999:
            raise ValueError(f"{code!r} is not a period (YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM)")
        year = int(match["year"])
        if match["month"]:
            month = int(match["month"])
            return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), code)
        if match["quarter"]:
            quarter = int(match["quarter"])
            first, last = 3 * quarter - 2, 3 * quarter
            return cls(dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1]), code)
        if match["half"]:
            if match["half"] == "1":
                return cls(dt.date(year, 1, 1), dt.date(year, 6, 30), code)
            return cls(dt.date(year, 7, 1), dt.date(year, 12, 31), code)
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), code)

    @classmethod
    def quarter_of(cls, day: dt.date) -> "Period":
        return cls.parse(f"{day.year}-Q{(day.month - 1) // 3 + 1}")

    @property
    def is_quarter(self) -> bool:
        return "Q" in self.code

    @property
    def is_half_year(self) -> bool:
        return "H" in self.code

    @property
    def is_year(self) -> bool:
        return len(self.code) == 4

    @property
    def months(self) -> list["Period"]:
        """The months of a quarter (a month, half-year or year has none here: computing a
        half-year computes only the half-year, a year only the year)."""
        if not self.is_quarter:
            return []
        return [Period.parse(f"{self.start.year}-{month:02d}") for month in range(self.start.month, self.end.month + 1)]

    def previous_quarters(self, count: int) -> list["Period"]:
        """The ``count`` quarters before this quarter, oldest first."""
        quarters, day = [], self.start
        for _ in range(count):
            day = day - dt.timedelta(days=1)
            quarter = Period.quarter_of(day)
            quarters.insert(0, quarter)
            day = quarter.start
        return quarters

    def with_months(self) -> list["Period"]:
        """Computing a quarter also computes its three months."""
        return [self, *self.months]

    def __str__(self) -> str:
        return self.code
