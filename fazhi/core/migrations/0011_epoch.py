# The epoch (core.epoch): one row the database itself changes whenever a person, a
# membership, an org unit or a parameter is written, by any path (ORM, bulk, COPY, admin,
# a hand-run UPDATE), in the same transaction as the write.
#
# The new value is random, not the old one plus one: a write that rolls back must not
# leave behind a number that a later write could take again (a worker may have
# remembered something under the rolled-back number).

from django.db import migrations, models

TABLES = ("core_user", "core_membership", "core_orgunit", "core_parametervalue")

# Insert-or-update: a flushed table (TRUNCATE in tests) gets its row back with the next write.
SQLITE_BUMP = (
    "INSERT INTO core_epoch (id, value) VALUES (1, random()) "
    "ON CONFLICT (id) DO UPDATE SET value = excluded.value;"
)


def sqlite_triggers():
    for table in TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            name = f"core_epoch_{table}_{event.lower()}"
            yield (
                f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW "
                f"BEGIN {SQLITE_BUMP} END",
                f"DROP TRIGGER IF EXISTS {name}",
            )


PG_FUNCTION = """
CREATE FUNCTION core_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO core_epoch (id, value) VALUES (1, (random() * 9e18)::bigint)
    ON CONFLICT (id) DO UPDATE SET value = excluded.value;
    RETURN NULL;
END $$
"""


def pg_triggers():
    yield PG_FUNCTION, "DROP FUNCTION IF EXISTS core_epoch_bump()"
    for table in TABLES:
        # Once per statement: a bulk insert of thousands of people changes it once.
        name = f"core_epoch_{table}"
        yield (
            f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION core_epoch_bump()",
            f"DROP TRIGGER IF EXISTS {name} ON {table}",
        )


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sqlite_triggers, "postgresql": pg_triggers}[vendor]()
    for create_sql, _ in statements:
        schema_editor.execute(create_sql)
    schema_editor.execute("INSERT INTO core_epoch (id, value) VALUES (1, 1)")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": sqlite_triggers, "postgresql": pg_triggers}[vendor]()
    for _, drop_sql in reversed(list(statements)):
        schema_editor.execute(drop_sql)


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0010_audit_actor_latest"),
    ]

    operations = [
        migrations.CreateModel(
            name="Epoch",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value", models.BigIntegerField(verbose_name="版本")),
            ],
            options={"verbose_name": "缓存版本", "verbose_name_plural": "缓存版本"},
        ),
        migrations.RunPython(create, drop),
    ]
