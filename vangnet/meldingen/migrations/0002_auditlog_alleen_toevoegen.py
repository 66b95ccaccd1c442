"""The audit log is append-only: PROTECT on what it names and, on PostgreSQL, a trigger that
refuses every UPDATE and DELETE of its rows (docs/security.md, "Audit log").

SQLite, the development database, has no trigger: there the ORM's refusal
(``AuditregelQuerySet``) is the guard, and the test database is emptied with DELETE.
TRUNCATE is not refused: it is not reachable through the ORM, and the test runner empties
tables with it on PostgreSQL.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TRIGGER = """
CREATE OR REPLACE FUNCTION meldingen_auditregel_alleen_toevoegen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'meldingen_auditregel is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
DROP TRIGGER IF EXISTS meldingen_auditregel_alleen_toevoegen ON meldingen_auditregel;
CREATE TRIGGER meldingen_auditregel_alleen_toevoegen
    BEFORE UPDATE OR DELETE ON meldingen_auditregel
    FOR EACH STATEMENT EXECUTE FUNCTION meldingen_auditregel_alleen_toevoegen();
"""

GEEN_TRIGGER = """
DROP TRIGGER IF EXISTS meldingen_auditregel_alleen_toevoegen ON meldingen_auditregel;
DROP FUNCTION IF EXISTS meldingen_auditregel_alleen_toevoegen();
"""


def _op_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # no placeholders: "%" is plpgsql's

    return run


class Migration(migrations.Migration):

    dependencies = [
        ('meldingen', '0001_begin'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='auditregel',
            name='gebruiker',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='auditregel',
            name='melding',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='audit', to='meldingen.melding'),
        ),
        migrations.AlterField(
            model_name='auditregel',
            name='ontvanger',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, to='meldingen.ontvanger'),
        ),
        migrations.RunPython(_op_postgresql(TRIGGER), _op_postgresql(GEEN_TRIGGER), elidable=False),
    ]
