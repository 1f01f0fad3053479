"""The `__any_of` lookup the finder uses for long id lists (one array parameter on PostgreSQL)."""

import pytest

from django.db import connection

from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_any_of_keeps_exactly_the_listed_rows(home_page):
    children = [home_page.add_child(instance=Page(title=f"Kind {i}", slug=f"kind-{i}")) for i in range(3)]
    wanted = [children[2].pk, children[0].pk, 999_999]
    assert set(Page.objects.filter(id__any_of=wanted).values_list("pk", flat=True)) == {children[0].pk, children[2].pk}
    assert not Page.objects.filter(id__any_of=[]).exists()
    assert Page.objects.exclude(id__any_of=[children[1].pk]).filter(pk__in=[c.pk for c in children]).count() == 2


def test_a_thousand_ids_are_one_parameter_on_postgresql(home_page):
    queryset = Page.objects.filter(id__any_of=range(1000)).values_list("pk", flat=True)
    sql, params = queryset.query.get_compiler(connection=connection).as_sql()
    if connection.vendor == "postgresql":
        assert "= ANY(" in sql and len(params) == 1 and len(params[0]) == 1000
    else:
        assert " IN (" in sql and len(params) == 1000
    assert len(list(queryset)) == Page.objects.filter(pk__lt=1000).count()
