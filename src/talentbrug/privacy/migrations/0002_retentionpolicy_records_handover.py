import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('privacy', '0001_initial'),
        ('records', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='retentionpolicy',
            name='records_category',
            field=models.ForeignKey(blank=True, help_text='Zegt uw selectielijst dat bestanden van sollicitaties bewaard moeten worden? Kies dan de categorie. Leeg: bestanden worden na de termijn verwijderd.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='records.selectielijstcategory', verbose_name='selectielijstcategorie voor sollicitatiebestanden'),
        ),
        migrations.AddField(
            model_name='retentionpolicy',
            name='records_collection',
            field=models.ForeignKey(blank=True, help_text='Verlopen sollicitatiebestanden gaan naar deze verzameling van Bewaren of weggooien, in plaats van verwijderd te worden. De sollicitatie zelf wordt daarna geanonimiseerd zoals altijd.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='records.collection', verbose_name='overdragen aan verzameling'),
        ),
    ]
