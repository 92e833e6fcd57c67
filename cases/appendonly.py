"""The append-only base of the tables nobody may change or delete a row of: the access log,
the change history and the journal (docs/adr/0005, 0101, 0140).

The model refuses an update or a delete through the ORM; on PostgreSQL and SQLite a
database trigger refuses them as well (each table's migration), so a raw query cannot
either. Removal after the retention term goes around the model on purpose
(``cases.extensions.delete_by``), and the triggers let it through only while a destruction
list is being carried out."""

from django.db import models


class AppendOnlyModel(models.Model):
    """Set ``append_only_message`` to what the refusal says."""

    append_only_message = "This table is append-only."

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError(self.append_only_message)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError(self.append_only_message)
