"""Two audit events can never claim the same predecessor (the chain cannot fork).

A plain unique index, not AlterField: on SQLite AlterField rebuilds the table, which
would silently drop the append-only triggers of 0002. Any later migration that rebuilds
core_auditevent on SQLite must re-create those triggers."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0002_audit_append_only")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="auditevent",
                    name="prev_hash",
                    field=models.CharField(max_length=64, unique=True, verbose_name="前一条哈希"),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "CREATE UNIQUE INDEX core_auditevent_prev_hash_uniq "
                    "ON core_auditevent (prev_hash)",
                    "DROP INDEX core_auditevent_prev_hash_uniq",
                ),
            ],
        ),
    ]
