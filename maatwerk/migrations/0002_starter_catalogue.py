"""A starter catalogue of Utrecht maatwerk products and providers. Real catalogues
arrive through the bundle import (providers.csv, products.csv) or the admin."""

from django.db import migrations

PRODUCTS = [
    ("iab", "Individuele ambulante begeleiding", "begeleiding"),
    ("begeleiding-groep", "Begeleiding in groepsverband", "begeleiding"),
    ("dagbesteding-basis", "Dagbesteding basis", "dagbesteding"),
    ("dagbesteding-intensief", "Dagbesteding intensief", "dagbesteding"),
    ("aa-3a", "Arbeidsmatige activering module 3a", "dagbesteding"),
    ("kortdurend-verblijf", "Kortdurend verblijf", "overig"),
    ("vervoer-db", "Vervoer dagbegeleiding", "vervoer"),
    ("huishoudelijke-hulp", "Hulp bij het huishouden", "overig"),
]
PROVIDERS = [
    ("lister", "Lister", ["iab", "begeleiding-groep", "dagbesteding-basis"]),
    ("leger-des-heils", "Leger des Heils", ["iab", "aa-3a", "kortdurend-verblijf"]),
    ("careyn", "Careyn", ["iab", "dagbesteding-intensief", "kortdurend-verblijf", "huishoudelijke-hulp"]),
    ("wij3", "WIJ 3.0", ["begeleiding-groep", "dagbesteding-basis", "aa-3a"]),
    ("abrona", "Abrona", ["iab", "dagbesteding-intensief", "vervoer-db"]),
    ("moveoo", "Moveoo", ["vervoer-db"]),
]


def forwards(apps, schema_editor):
    Product = apps.get_model("maatwerk", "Product")
    Provider = apps.get_model("maatwerk", "Provider")
    products = {}
    for code, name, category in PRODUCTS:
        products[code], _ = Product.objects.get_or_create(code=code, defaults={"name": name, "category": category})
    for code, name, offered in PROVIDERS:
        provider, created = Provider.objects.get_or_create(code=code, defaults={"name": name})
        if created:
            provider.products.set([products[c] for c in offered])


class Migration(migrations.Migration):
    dependencies = [("maatwerk", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
