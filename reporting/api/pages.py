"""The indicator list at the municipality's scale (issue 16): a page of rows is serialised
from ``.values_list()`` (no model objects, no serializer), rendered once and kept in the
cache, and answered with an ``ETag``; a client that sends it back in ``If-None-Match``
gets a 304 without a body.

The cache key and the ETag are made of the same things: the period's computation
(``PeriodComputation.computed_at``: a recomputation makes a new key), the number of its
latest frozen version (a freeze does; ``version=frozen`` then means another version), the
full URL (parameters, page, host: the body's ``next``/``previous`` links contain it) and
the ``Accept`` header (it chooses the renderer). A page of a period that was never
computed is not cached. Old keys are never read again and expire after ``CACHE_SECONDS``.
What a page shows besides the rows (``Period-Status``, ``Period-Computed-At``) is set
per request by the view, never cached: a requested recomputation shows at once.

The cached page is the same for every API client: every client may read every figure.
Each worker also keeps the pages it served last in its own memory (``LOCAL_PAGES``): a key
never names other content, so a copy can be stale only in being unused, and the page then
costs no round trip to Redis nor 180 kB through it."""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags
from rest_framework.fields import DateTimeField

from reporting.models import FrozenVersion, PeriodComputation

CACHE_SECONDS = 24 * 3600
KEY_PREFIX = "api-page:1:"
LOCAL_PAGES = 32  # per worker process, least recently used first out
_local: OrderedDict = OrderedDict()
ROW_FIELDS = ("period", "team__code", "indicator", "dimension", "value", "count", "computed_at")


@dataclass(frozen=True)
class PeriodState:
    computed_at: object  # datetime, or None: never computed
    pending: bool  # a recomputation was requested after the last computation
    frozen: int | None  # the number of the latest frozen version (reporting.freezing.latest_version)


def period_state(code: str) -> PeriodState | None:
    """The period's computation and latest frozen version in one query; None: no computation row."""
    latest = FrozenVersion.objects.filter(period=OuterRef("period")).order_by("-number").values("number")[:1]
    computation = (PeriodComputation.objects.filter(period=code).annotate(frozen=Subquery(latest))
                   .only("computed_at", "requested_at").first())
    if computation is None:
        return None
    return PeriodState(computation.computed_at, computation.pending, computation.frozen)


def page_key(request, code: str, state: PeriodState) -> tuple[str, str]:
    """(cache key, ETag) of the page ``request`` asks for."""
    parts = (code, state.computed_at.isoformat(), str(state.frozen), request.build_absolute_uri(),
             request.META.get("HTTP_ACCEPT", ""))
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return KEY_PREFIX + digest, f'"{digest[:32]}"'


def _matches(request, etag: str) -> bool:
    """If-None-Match (weak comparison, RFC 9110 13.1.2): ``*`` or one of the tags."""
    header = request.META.get("HTTP_IF_NONE_MATCH")
    if not header:
        return False
    tags = parse_etags(header)
    return "*" in tags or any(tag.removeprefix("W/") == etag for tag in tags)


def serve(view, request, build):
    """The page from the cache, or ``build()`` (a DRF Response) rendered and cached;
    304 when the client has it already. Non-200 answers (a frozen version that does not
    exist) are never cached."""
    state = view.period_state
    if state is None or state.computed_at is None:
        return build()
    key, etag = page_key(request, view.period.code, state)
    if _matches(request, etag):
        response = HttpResponseNotModified()
    else:
        cached = _local_get(key)
        if cached is None:
            cached = cache.get(key)
        if cached is None:
            built = build()
            if built.status_code != 200:
                return built
            built.accepted_renderer = request.accepted_renderer
            built.accepted_media_type = request.accepted_media_type
            built.renderer_context = view.get_renderer_context()
            built.render()
            cached = (built["Content-Type"], built.content)
            cache.set(key, cached, CACHE_SECONDS)
        _local_put(key, cached)
        response = HttpResponse(cached[1], content_type=cached[0])
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"  # may be kept, but ask again (If-None-Match) before use
    return response


def _local_get(key: str):
    cached = _local.get(key)
    if cached is not None:
        _local.move_to_end(key)
    return cached


def _local_put(key: str, cached) -> None:
    _local[key] = cached
    _local.move_to_end(key)
    while len(_local) > LOCAL_PAGES:
        _local.popitem(last=False)


def row_values(queryset):
    return queryset.with_computed_at().values_list(*ROW_FIELDS)


def rows(values) -> list[dict]:
    """``row_values`` tuples as the documented rows, exactly as IndicatorRowSerializer
    writes them (the same DateTimeField formats ``computed_at``, once per distinct value)."""
    stamps: dict = {}
    to_text = DateTimeField().to_representation
    result = []
    for period, team, indicator, dimension, value, count, computed_at in values:
        stamp = stamps.get(computed_at)
        if stamp is None:
            stamp = stamps[computed_at] = to_text(computed_at)
        result.append({"period": period, "team": team, "indicator": indicator, "dimension": dimension,
                       "value": None if value is None else float(value), "count": int(count),
                       "computed_at": stamp})
    return result
