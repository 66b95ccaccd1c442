"""A queued notice that carries a secret says so in a field of its own (it was a text prefix)."""

from django.db import migrations, models

OUDE_VOORVOEGSEL = "versleuteld:"


def voorvoegsel_naar_veld(apps, schema_editor):
    Postbericht = apps.get_model("meldingen", "Postbericht")
    for bericht in Postbericht.objects.filter(tekst__startswith=OUDE_VOORVOEGSEL):
        bericht.tekst = bericht.tekst.removeprefix(OUDE_VOORVOEGSEL)
        bericht.geheim = True
        bericht.save(update_fields=["tekst", "geheim"])


def veld_naar_voorvoegsel(apps, schema_editor):
    Postbericht = apps.get_model("meldingen", "Postbericht")
    for bericht in Postbericht.objects.filter(geheim=True).exclude(tekst=""):
        bericht.tekst = OUDE_VOORVOEGSEL + bericht.tekst
        bericht.save(update_fields=["tekst"])


class Migration(migrations.Migration):
    dependencies = [("meldingen", "0010_codes_onbekend")]

    operations = [
        migrations.AddField(
            model_name="postbericht",
            name="geheim",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(voorvoegsel_naar_veld, veld_naar_voorvoegsel),
    ]
