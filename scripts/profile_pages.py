"""Where a page's time goes (issue 32): every page of the load test's mix, in one process.

    .venv/bin/python scripts/profile_pages.py --database load100k            # a loaded database
    .venv/bin/python scripts/profile_pages.py --database load100k --cprofile artifacts/profile

Prepares a few of the load test's accounts (``scripts/loadtest.py``: a generalist with about 40
open dossiers of its team, a team coach, beleid, an API client), logs each in with password and
authenticator code through Django's test client with production settings (``DEBUG=false``, the
cached template loader), requests each page once to warm up and then ``--repeat`` times, and
prints per page, per request: the CPU time of this process (``time.process_time``: the view, the
templates, psycopg; mean and median) and of its PostgreSQL backend (``/proc``, 10 ms ticks),
the number of queries and their time, the time in the top-level template render (its queries
excluded) and in the access-log write. CPU time, not wall-clock time: the machine may be
shared; the load average is printed too. With ``--cprofile`` also writes a cProfile (CPU time)
of each page (``<page>.prof``; the top functions by own and by cumulative time, ``<page>.txt``)
and the page itself (``<page>.html``). Asserts nothing."""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark import manage, server_url, with_database  # noqa: E402
from loadtest import prepare_accounts  # noqa: E402


def _backend_cpu(pid: int) -> float:
    """CPU seconds of a local PostgreSQL backend (0 when the server is elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Meter:
    """Counts, during one request, the queries and their time, the top-level template render
    and the access-log write (by wrapping them; nothing of the app changes)."""

    def __init__(self):
        self.reset()

    def reset(self):
        self.queries = 0
        self.db = self.template = self.template_db = self.log = 0.0
        self.in_template = False

    def query(self, execute, sql, params, many, context):
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries += 1
            self.db += time.perf_counter() - started
            if self.in_template:  # the template's own CPU time, without its queries'
                self.template_db += time.process_time() - cpu

    def install(self):
        from django.template.backends.django import Template

        from cases.models import AccessLogEntry

        meter, render = self, Template.render

        def timed_render(template, context=None, request=None):
            if meter.in_template:
                return render(template, context, request)
            meter.in_template, started = True, time.process_time()
            try:
                return render(template, context, request)
            finally:
                meter.template += time.process_time() - started
                meter.in_template = False

        Template.render = timed_render
        manager = AccessLogEntry.objects
        for name in ("create", "bulk_create"):
            original = getattr(manager, name)

            def timed(*args, _original=original, **kwargs):
                started = time.process_time()
                try:
                    return _original(*args, **kwargs)
                finally:
                    meter.log += time.process_time() - started

            setattr(manager, name, timed)


def _login(client, account: dict):
    from loadforms import form_fields, totp

    page = client.get("/accounts/login/", secure=True)
    fields = form_fields(page.content.decode())
    fields.update(username=account["username"], password=account["password"])
    page = client.post("/accounts/login/", fields, follow=True, secure=True)
    fields = form_fields(page.content.decode())
    fields["code"] = totp(account["key"])
    page = client.post("/accounts/tweestaps/", fields, follow=True, secure=True)
    assert "/accounts/" not in page.request["PATH_INFO"], f"{account['username']} could not log in"


def _pages(accounts: dict) -> list[tuple[str, str, str, object]]:
    """(role, name, path, POST data or None or a callable that builds it from the form page)."""
    from loadforms import form_fields

    generalist = accounts["generalist"][0]
    dossier, open_dossier = generalist["dossiers"][0], generalist["open_dossiers"][1]
    team, quarter = accounts["coach"][0]["team"], accounts["quarter"]

    def zrm(html):
        fields = form_fields(html)
        fields.update({name: "3" for name in fields if name.startswith("score_")}, type="tussenmeting")
        return fields

    return [
        ("generalist", "Mijn werk", "/mijn-werk", None),
        ("generalist", "my dossiers", "/dossiers", None),
        ("generalist", "team dossiers", f"/teams/{generalist['team']}/dossiers", None),
        ("generalist", "waiting list", f"/teams/{generalist['team']}/wachtlijst", None),
        ("generalist", "dossier page", f"/dossiers/{dossier}", None),
        ("generalist", "plan page", f"/dossiers/{dossier}/plan", None),
        ("generalist", "journal entry", f"/dossiers/{open_dossier}/journaal/nieuw", None),
        ("generalist", "journal entry (send)", f"/dossiers/{open_dossier}/journaal/nieuw",
         lambda html: {**form_fields(html), "kind": "telefoon", "minutes": "15",
                       "text": "Gebeld over de voortgang; afspraken bevestigd."}),
        ("generalist", "ZRM entry", f"/dossiers/{open_dossier}/zrm/nieuw", None),
        ("generalist", "ZRM entry (send)", f"/dossiers/{open_dossier}/zrm/nieuw", zrm),
        ("generalist", "short contact", "/kort-contact/nieuw", None),
        ("generalist", "short contact (send)", "/kort-contact/nieuw",
         lambda html: {**form_fields(html), "channel": "inloop", "topic": "overig", "outcome": "beantwoord",
                       "minutes": "5", "anonymous": "on"}),
        ("generalist", "calendar (week)", "/agenda/week", None),
        ("coach", "team dashboard", f"/teams/{team}/dashboard", None),
        ("coach", "caseload", f"/teams/{team}/caseload", None),
        ("coach", "intake queue", f"/teams/{team}/intake", None),
        ("beleid", "organisation overview", f"/cijfers/organisatie?period={quarter}", None),
        ("api", "API indicators", f"/api/v1/indicators?period={quarter}&page_size=1000", None),
    ]


def _sample(folder: Path, name: str, repeat: int, request) -> None:
    """A sampling profile of ``repeat`` requests (wall clock, 1 ms), as text with the call tree."""
    from pyinstrument import Profiler

    folder.mkdir(parents=True, exist_ok=True)
    profiler = Profiler(interval=0.001)
    with profiler:
        for _ in range(repeat):
            request()
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower())
    (folder / f"{slug}.txt").write_text(profiler.output_text(show_all=False, short_mode=False), encoding="utf-8")


def inside(accounts_file: str, repeat: int, cprofile_dir: str, only: str = "", sampling_dir: str = "") -> None:
    """In the Django process: log in, warm up, measure."""
    import cProfile
    import pstats

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    accounts = json.loads(Path(accounts_file).read_text(encoding="utf-8"))
    meter = Meter()
    meter.install()
    clients = {}
    for role in ("generalist", "coach", "beleid"):
        clients[role] = Client(HTTP_ORIGIN="https://testserver")
        _login(clients[role], accounts[role][0])
    clients["api"] = Client(HTTP_AUTHORIZATION=f"Token {accounts['api'][0]['token']}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    target = Path(cprofile_dir) if cprofile_dir else None
    if target:
        target.mkdir(parents=True, exist_ok=True)
    print(f"{'page':<24} {'CPU ms':>7} {'app':>6} {'median':>6} {'db cpu':>6} {'queries':>7} {'db ms':>6} "
          f"{'tmpl ms':>7} {'log ms':>6} status  ({os.getloadavg()[0]:.1f} load)")
    results = {}
    for role, name, path, post in _pages(accounts):
        if only and only not in name:
            continue
        client = clients[role]

        def request(client=client, path=path, post=post):
            if post is None:
                return client.get(path, secure=True)
            form = client.get(path, secure=True).content.decode()
            return client.post(path, post(form), secure=True)

        response = request()  # warm up: caches, connections, compiled templates
        status = response.status_code
        profile = cProfile.Profile(time.process_time) if target else None  # CPU, not wall clock
        app = db_cpu = db = template = log = queries = 0.0
        apps = []
        with connection.execute_wrapper(meter.query):
            for _ in range(repeat):
                if post is not None:
                    form = client.get(path, secure=True).content.decode()
                meter.reset()
                started, backend_started = time.process_time(), _backend_cpu(backend)
                if profile:
                    profile.enable()
                response = client.post(path, post(form), secure=True) if post else client.get(path, secure=True)
                if profile:
                    profile.disable()
                apps.append(time.process_time() - started)
                app += apps[-1]
                db_cpu += _backend_cpu(backend) - backend_started
                queries += meter.queries
                db += meter.db
                template += meter.template - meter.template_db
                log += meter.log
        status = response.status_code
        if sampling_dir:
            _sample(Path(sampling_dir), name, repeat, request)  # a form: its page, then the POST
        row = {key: 1000 * value / repeat for key, value in
               (("app", app), ("db_cpu", db_cpu), ("db", db), ("template", template), ("log", log))}
        row.update(queries=queries / repeat, status=status, app_median=1000 * sorted(apps)[len(apps) // 2])
        results[name] = row
        print(f"{name:<24} {row['app'] + row['db_cpu']:7.1f} {row['app']:6.1f} {row['app_median']:6.1f} "
              f"{row['db_cpu']:6.1f} "
              f"{row['queries']:7.1f} {row['db']:6.1f} {row['template']:7.1f} {row['log']:6.1f} {status}",
              flush=True)
        if profile:
            slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower())
            profile.dump_stats(str(target / f"{slug}.prof"))
            (target / f"{slug}.html").write_bytes(response.content)
            with open(target / f"{slug}.txt", "w", encoding="utf-8") as handle:
                stats = pstats.Stats(profile, stream=handle)
                stats.sort_stats("tottime").print_stats(40)
                stats.sort_stats("cumulative").print_stats(60)
    print(f"load {os.getloadavg()[0]:.1f}")
    print("RESULTS " + json.dumps(results))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", default="load100k")
    parser.add_argument("--repeat", type=int, default=10, help="measured requests per page")
    parser.add_argument("--cprofile", default="", metavar="FOLDER", help="write a cProfile per page here")
    parser.add_argument("--pyinstrument", default="", metavar="FOLDER",
                        help="write a sampling profile (pyinstrument, extra [load]) per page here")
    parser.add_argument("--only", default="", help="only the pages whose name contains this")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--inside", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        inside(args.inside, args.repeat, args.cprofile, args.only, args.pyinstrument)
        return

    url = with_database(server_url(), args.database)
    env = {**os.environ, "DATABASE_URL": url}
    manage(env, "migrate", "--no-input", "-v0")
    accounts, _, _ = prepare_accounts(env, 40, args.seed)  # 34 generalists, 4 coaches, 1 beleid, 1 API
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "accounts.json"
        path.write_text(accounts, encoding="utf-8")
        server_env = {**env, "DJANGO_SETTINGS_MODULE": "buurtteam.settings", "DEBUG": "false",
                      "SECRET_KEY": "profile-only-" + "k" * 50, "ALLOWED_HOSTS": "testserver",
                      "BEHIND_TLS_PROXY": "true", "LOG_LEVEL": "WARNING", "API_THROTTLE_RATE": "100000000/minute",
                      "STATIC_ROOT": folder, "PYTHONPATH": str(ROOT)}
        manage(server_env, "collectstatic", "--no-input", "-v0")  # the manifest {% static %} reads
        command = [sys.executable, __file__, "--inside", str(path), "--repeat", str(args.repeat), "--only", args.only]
        if args.pyinstrument:
            command += ["--pyinstrument", str(Path(args.pyinstrument).resolve())]
        if args.cprofile:
            command += ["--cprofile", str(Path(args.cprofile).resolve())]
        import subprocess

        subprocess.run(command, cwd=ROOT, env=server_env, check=True)


if __name__ == "__main__":
    main()
