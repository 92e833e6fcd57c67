"""The fillfactor of the indicator rows' table (PostgreSQL only), for migrations 0006 and 0007."""


def fillfactor(value):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            setting = f"SET (fillfactor = {value})" if value else "RESET (fillfactor)"
            schema_editor.execute(f"ALTER TABLE reporting_indicatorrow {setting}")
    return apply
