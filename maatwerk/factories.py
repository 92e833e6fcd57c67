import datetime as dt

import factory
from factory.django import DjangoModelFactory

from cases.factories import DossierFactory
from maatwerk.models import Category, Form, Product, Provider, Referral, Status


class ProductFactory(DjangoModelFactory):
    class Meta:
        model = Product
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"product-{n}")
    name = factory.Sequence(lambda n: f"Individuele begeleiding variant {n}")
    category = Category.GUIDANCE
    active = True


class ProviderFactory(DjangoModelFactory):
    """A provider; ``ProviderFactory(products=[...])`` sets what it offers."""

    class Meta:
        model = Provider
        django_get_or_create = ("code",)
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"aanbieder-{n}")
    name = factory.Faker("company", locale="nl_NL")
    active = True

    @factory.post_generation
    def products(self, create, extracted, **kwargs):
        if create and extracted:
            self.products.set(extracted)


class ReferralFactory(DjangoModelFactory):
    """A requested referral of the dossier's first member to a provider that offers the product."""

    class Meta:
        model = Referral

    dossier = factory.SubFactory(DossierFactory)
    product = factory.SubFactory(ProductFactory)
    provider = factory.LazyAttribute(lambda o: ProviderFactory(products=[o.product]))
    form = Form.IN_KIND
    status = Status.REQUESTED
    requested_on = factory.LazyAttribute(lambda o: o.dossier.registered_on + dt.timedelta(days=1))
    notes = factory.Faker("sentence", locale="nl_NL")

    @factory.lazy_attribute
    def client(self):
        member = self.dossier.members.order_by("id").first()
        return member.client if member else None
