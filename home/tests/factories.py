"""Factories for the objects tests build again and again."""

import factory

from django.contrib.auth import get_user_model

from wagtail.models import Locale


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password("correct horse battery staple")


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("nl", "fr", "en")}
