"""Views arriving at once, each on its own database connection, are all counted: the counter is added to in the
database (UPDATE ... views = views + 1), and a page's first rows are made once however many views race to make them.

PostgreSQL only: SQLite serialises writers, so threads there would prove nothing.
"""

import threading

import pytest
from django.db import connection
from django.db import connections

from partners.models import Reprint
from partners.models import ReprintDay
from partners.services import permission_request_approve
from partners.services import reprint_view_record
from tests.factories import PermissionRequestFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),  # each thread's connection must see what the test committed
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"),
]

THREADS = 8
VIEWS_EACH = 25


def race(token, page):
    """THREADS threads, released together, each recording VIEWS_EACH views from readers of its own."""
    start = threading.Barrier(THREADS)
    errors = []

    def reader(n):
        try:
            start.wait(timeout=10)
            for view in range(VIEWS_EACH):
                reprint_view_record(token=token, page_url=page, client=f"198.51.100.{n}:{view}")
        except Exception as error:  # noqa: BLE001 - reported below, with the thread's number
            errors.append((n, error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    assert errors == []


def test_concurrent_views_of_a_new_page_and_then_of_a_known_one_are_all_counted(editor):
    grant = permission_request_approve(request=PermissionRequestFactory(), by=editor)
    page = "https://weekly.example.com/ports/"

    race(grant.pixel_token, page)  # the page's rows do not exist yet: every thread may try to make them
    assert Reprint.objects.count() == 1 and ReprintDay.objects.count() == 1
    assert ReprintDay.objects.get().views == THREADS * VIEWS_EACH

    race(grant.pixel_token, page)  # now only the counter is added to
    assert ReprintDay.objects.get().views == 2 * THREADS * VIEWS_EACH
