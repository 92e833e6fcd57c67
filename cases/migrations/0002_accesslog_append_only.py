"""Make the access log append-only in the database itself (PostgreSQL and SQLite)."""

from django.db import migrations

POSTGRES = [
    """
    CREATE FUNCTION cases_accesslog_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION 'The access log is append-only';
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER cases_accesslog_append_only
    BEFORE UPDATE OR DELETE ON cases_accesslogentry
    FOR EACH ROW EXECUTE FUNCTION cases_accesslog_append_only();
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS cases_accesslog_append_only ON cases_accesslogentry;",
    "DROP FUNCTION IF EXISTS cases_accesslog_append_only();",
]
SQLITE = [
    f"""
    CREATE TRIGGER cases_accesslog_no_{event.lower()}
    BEFORE {event} ON cases_accesslogentry
    BEGIN SELECT RAISE(ABORT, 'The access log is append-only'); END;
    """
    for event in ("UPDATE", "DELETE")
]
SQLITE_REVERSE = [f"DROP TRIGGER IF EXISTS cases_accesslog_no_{e};" for e in ("update", "delete")]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRES_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
