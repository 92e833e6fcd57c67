"""Frozen versions never change: on PostgreSQL a trigger refuses UPDATE and DELETE on the
frozen versions and their rows (docs/adr/0060). TRUNCATE (flushing a test database) is
not a row event and stays possible."""

from django.db import migrations

TABLES = ("reporting_frozenversion", "reporting_frozenrow")

POSTGRES = [
    """
    CREATE FUNCTION reporting_frozen_immutable() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION USING MESSAGE = 'A frozen version never changes: ' || TG_TABLE_NAME;
    END;
    $$ LANGUAGE plpgsql;
    """,
    *(
        f"""
        CREATE TRIGGER {table}_immutable
        BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION reporting_frozen_immutable();
        """
        for table in TABLES
    ),
]
POSTGRES_REVERSE = [
    *(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table};" for table in TABLES),
    "DROP FUNCTION IF EXISTS reporting_frozen_immutable();",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("reporting", "0004_frozen_versions")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_REVERSE))]
