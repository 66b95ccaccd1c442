from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("kaart", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="aanspreekpunt",
            name="biedt",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Praten, advies, lotgenoten, bemiddeling, formeel, aangifte, zorg.",
                verbose_name="wat je er kan krijgen",
            ),
        ),
        migrations.AddField(
            model_name="aanspreekpunt",
            name="niveau",
            field=models.CharField(
                choices=[
                    ("nood", "nu in gevaar"),
                    ("dichtbij", "dichtbij: in je organisatie en bij lotgenoten"),
                    ("sector", "in de sector en in Vlaanderen"),
                    ("gespecialiseerd", "gespecialiseerde, juridische en medische hulp"),
                ],
                help_text="De band van het vangnetschema waarin dit aanspreekpunt staat.",
                max_length=20,
                verbose_name="niveau in het vangnet",
                # Rows loaded before this field existed get a level on the next load_content.
                default="gespecialiseerd",
            ),
            preserve_default=False,
        ),
    ]
