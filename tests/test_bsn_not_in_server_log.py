"""Issue 26 (should fix): a BSN or a name in a query string (a search ``?q=<bsn>``, the access
log's ``?client=``, the inzage page) or in the Referer header never reaches gunicorn's access
log. A real gunicorn started as deployed; its log is read after the requests."""

from tests import gunicorn_server
from tests.test_long_url_is_problem_json import raw_get

BSN = "123456782"
NAME = "Jansen-Qx7"


def test_query_strings_and_referrers_stay_out_of_the_access_log(tmp_path):
    searches = [f"/teams/team-a/dossiers?q={BSN}", f"/toegangslog?client={BSN}", f"/inzage?client={NAME}"]
    with gunicorn_server.gunicorn(tmp_path) as server:
        for target in searches:
            raw_get(server.port, target, headers=f"Referer: https://buurtteam.example.nl/zoek?q={BSN}\r\n")
        log = server.stop()
    for target in searches:
        assert f"\"GET {target.partition('?')[0]}" in log, log[-3000:]  # each request was logged
    assert BSN not in log and NAME not in log, log[-3000:]
