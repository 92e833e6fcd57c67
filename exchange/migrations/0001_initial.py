"""Takes over the table ``cases_bundleimport`` created by cases.0005 (state only: no data moves)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import exchange.models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cases', '0005_bundle_import'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]
    run_before = [
        ('cases', '0006_bundleimport_moves_to_exchange'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='BundleImport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('file', models.FileField(max_length=200, upload_to=exchange.models.bundle_upload_path, verbose_name='bundle (.zip)')),
                        ('original_name', models.CharField(max_length=255, verbose_name='file name')),
                        ('size', models.PositiveBigIntegerField(default=0, verbose_name='size (bytes)')),
                        ('status', models.CharField(choices=[('uploaded', 'uploaded, waiting for validation'), ('validating', 'validating'), ('valid', 'valid, waiting for confirmation'), ('invalid', 'not valid, nothing stored'), ('importing', 'importing'), ('done', 'imported'), ('failed', 'failed, nothing stored')], default='uploaded', max_length=12, verbose_name='status')),
                        ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded at')),
                        ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed at')),
                        ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                        ('problems', models.TextField(blank=True, help_text="One 'file:line: column: message' per line (the first 10,000).", verbose_name='problems')),
                        ('problem_count', models.PositiveIntegerField(default=0, verbose_name='number of problems')),
                        ('rows_read', models.JSONField(blank=True, default=dict, verbose_name='rows read')),
                        ('changed', models.JSONField(blank=True, default=dict, verbose_name='rows new or changed')),
                        ('progress', models.CharField(blank=True, max_length=200, verbose_name='progress')),
                        ('confirmed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='confirmed by')),
                        ('uploaded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                    ],
                    options={
                        'verbose_name': 'bundle import',
                        'verbose_name_plural': 'bundle imports',
                        'ordering': ['-uploaded_at', '-id'],
                        'db_table': 'cases_bundleimport',
                    },
                ),
            ],
        ),
    ]
