# A person's latest audited act, read by the workbench (core.pending) on every view.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0009_snapshot'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='auditevent',
            index=models.Index(fields=['actor', 'id'], name='core_audit_actor_id_idx'),
        ),
    ]
