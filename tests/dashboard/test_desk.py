"""The editors' home: what waits for review, what is scheduled and when, requests to decide, who changed what,
and how many articles went live each week."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import CrossPostFactory
from tests.factories import PermissionRequestFactory
from tests.factories import article_admin_data

pytestmark = pytest.mark.django_db


def dashboard(client):
    soup = BeautifulSoup(client.get(reverse("admin:index")).content, "html.parser")
    return soup.select_one("#editorial-dashboard")


def items(panel, section):
    return [" ".join(li.get_text(" ", strip=True).split()) for li in panel.select(f"#{section} li")]


def test_drafts_in_review_are_listed_with_links_to_them(editor_client):
    waiting = ArticleFactory(title="Needs a second reader", status=Status.REVIEW)
    ArticleFactory(title="Still a draft", status=Status.DRAFT, published_at=None)

    panel = dashboard(editor_client)

    assert [text.split(" ", 2)[2] for text in items(panel, "dashboard-review")] == ["Needs a second reader"]
    link = panel.select_one("#dashboard-review a")
    assert link["href"] == reverse("admin:articles_article_change", args=[waiting.pk])


def test_scheduled_articles_are_listed_soonest_first_with_their_times(editor_client):
    soon = timezone.now().replace(microsecond=0) + datetime.timedelta(hours=3)
    ArticleFactory(title="Later this week", published_at=soon + datetime.timedelta(days=3))
    ArticleFactory(title="This afternoon", published_at=soon)
    ArticleFactory(title="Already out")

    panel = dashboard(editor_client)

    assert items(panel, "dashboard-scheduled") == [
        f"{timezone.localtime(soon):%Y-%m-%d %H:%M} This afternoon",
        f"{timezone.localtime(soon + datetime.timedelta(days=3)):%Y-%m-%d %H:%M} Later this week",
    ]


def test_originals_that_need_attention_say_what_is_wrong(editor_client):
    CrossPostFactory(title="Fine cross-post")
    ArticleFactory(title="An original of ours")
    undated = CrossPostFactory(title="Imported without a date", status=Status.DRAFT, original_published_on=None)
    CrossPostFactory(title="First copy", original_url="https://example.org/story/?utm_source=x")
    CrossPostFactory(title="Second copy", original_url="https://www.example.org/story")
    CrossPostFactory(title="Withdrawn copy", status=Status.WITHDRAWN, original_url="")

    panel = dashboard(editor_client)

    assert sorted(items(panel, "dashboard-originals")) == [
        "First copy — another article republishes the same original",
        "Imported without a date — no original date",
        "Second copy — another article republishes the same original",
    ]
    links = [a["href"] for a in panel.select("#dashboard-originals a")]
    assert reverse("admin:articles_article_change", args=[undated.pk]) in links


def test_no_original_needs_attention_says_so(editor_client):
    CrossPostFactory(title="Fine cross-post")
    ArticleFactory(title="An original of ours")

    assert "Every cross-post names its source" in dashboard(editor_client).select_one("#dashboard-originals").text


def test_requests_waiting_for_a_decision_are_listed(editor_client):
    waiting = PermissionRequestFactory(organisation="Harbour Weekly")
    PermissionRequestFactory(organisation="Already decided", status="approved")

    panel = dashboard(editor_client)

    listed = items(panel, "dashboard-requests")
    assert len(listed) == 1 and "Harbour Weekly" in listed[0] and waiting.article.title in listed[0]
    assert panel.select_one("#dashboard-requests a")["href"] == reverse(
        "admin:partners_permissionrequest_change", args=[waiting.pk]
    )


def test_recent_changes_say_who_made_them(editor_client):
    editor_client.post(reverse("admin:articles_article_add"), article_admin_data(title="Freshly added", slug="fresh"))

    assert "editor added article “Freshly added”" in items(dashboard(editor_client), "dashboard-activity")[0]


def test_the_chart_counts_articles_published_each_week_for_three_months(editor_client):
    now = timezone.now()
    monday = timezone.localdate(now) - datetime.timedelta(days=timezone.localdate(now).weekday())
    this_week = timezone.make_aware(datetime.datetime.combine(monday, datetime.time(9)))
    ArticleFactory.create_batch(2, published_at=min(this_week, now - datetime.timedelta(minutes=1)))
    ArticleFactory(published_at=this_week - datetime.timedelta(weeks=2))
    ArticleFactory(published_at=this_week - datetime.timedelta(weeks=20))  # before the chart
    ArticleFactory(status=Status.DRAFT, published_at=this_week - datetime.timedelta(weeks=1))  # never went live

    chart = dashboard(editor_client).select_one("#dashboard-chart svg")

    label = chart["aria-label"]
    assert label.startswith("Articles published per week, last 13 weeks: ")
    counts = [part.rsplit(", ", 1)[1] for part in label.removesuffix(".").split(": ", 1)[1].split("; ")]
    assert counts == ["0"] * 10 + ["1", "0", "2"]
    assert f"week of {monday:%Y-%m-%d}, 2" in label
    heights = [int(rect["height"]) for rect in chart.select("rect")]
    assert heights[-1] == 2 * heights[-3] > 0 and heights[-2] == 0


def test_contributors_see_neither_requests_nor_others_drafts(client, django_user_model):
    from django.contrib.auth.models import Group

    from articles import roles

    user = django_user_model.objects.create_user("cora", "cora@example.org", "a-long-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.CONTRIBUTORS))
    ArticleFactory(title="Cora's piece", status=Status.REVIEW, created_by=user)
    ArticleFactory(title="Someone else's", status=Status.REVIEW)
    PermissionRequestFactory()
    client.force_login(user)

    panel = dashboard(client)

    assert [text.split(" ", 2)[2] for text in items(panel, "dashboard-review")] == ["Cora's piece"]
    assert panel.select_one("#dashboard-requests") is None


def test_the_dashboard_query_count_does_not_grow_with_the_work(editor_client, django_assert_num_queries):
    def fill(count):
        ArticleFactory.create_batch(count, status=Status.REVIEW)
        ArticleFactory.create_batch(count, published_at=timezone.now() + datetime.timedelta(days=1))
        ArticleFactory.create_batch(count, published_at=timezone.now() - datetime.timedelta(days=8))
        PermissionRequestFactory.create_batch(count)

    fill(1)
    editor_client.get(reverse("admin:index"))  # the session and user, as on any admin page
    fill(5)
    # Session, user; article counts, in review, scheduled, originals needing attention, the chart; open
    # findings of the original watch counted and listed; requests counted and listed; recent changes; and
    # the admin's own "My actions" sidebar.
    with django_assert_num_queries(13):
        response = editor_client.get(reverse("admin:index"))
    assert len(items(BeautifulSoup(response.content, "html.parser"), "dashboard-review")) == 6


# --- background tasks, for whoever may read their records -----------------------------------------------

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queue_purges(count, *, minutes_ago=0, status=None):
    """`count` purge tasks queued `minutes_ago` (production's database backend), left as the worker would."""
    from django_tasks_db.models import DBTaskResult

    from pagecache.tasks import purge

    ids = [purge.enqueue(number).id for number in range(count)]
    changes = {"enqueued_at": timezone.now() - datetime.timedelta(minutes=minutes_ago)}
    if status:
        changes.update(status=status, finished_at=timezone.now())
    DBTaskResult.objects.filter(id__in=ids).update(**changes)


def test_administrators_see_tasks_waiting_and_failed(editor_client, settings):
    settings.TASKS = DATABASE_TASKS
    queue_purges(2, minutes_ago=3)
    queue_purges(1, status="FAILED")

    panel = dashboard(editor_client)

    assert [text.replace("\xa0", " ").replace(" ,", ",") for text in items(panel, "dashboard-tasks")] == [
        "2 waiting to run, the oldest for 3 minutes",
        "1 failed attempt in the last day",
    ]
    assert panel.select_one("#dashboard-tasks .dashboard-warning") is None
    links = [a["href"] for a in panel.select("#dashboard-tasks a")]
    changelist = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    assert links == [f"{changelist}?status__exact=READY", f"{changelist}?status__exact=FAILED"]


def test_a_task_waiting_past_ten_minutes_asks_whether_the_worker_runs(editor_client, settings):
    settings.TASKS = DATABASE_TASKS
    queue_purges(1, minutes_ago=25)

    warning = dashboard(editor_client).select_one("#dashboard-tasks .dashboard-warning")

    assert "A task due 25 minutes ago is still waiting" in warning.get_text(" ", strip=True).replace("\xa0", " ")
    assert "manage.py db_worker" in warning.get_text()


def test_a_task_set_to_run_later_is_not_waiting_yet(editor_client, settings):
    from pagecache.tasks import purge

    settings.TASKS = DATABASE_TASKS
    purge.using(run_after=timezone.now() + datetime.timedelta(hours=1)).enqueue(1)

    assert items(dashboard(editor_client), "dashboard-tasks")[0] == "0 waiting to run"


def test_editors_without_the_task_records_and_the_immediate_backend_show_no_tasks(client, editor_member, settings):
    client.force_login(editor_member)  # the Editors group: articles and partners, not the task records
    settings.TASKS = DATABASE_TASKS
    assert dashboard(client).select_one("#dashboard-tasks") is None
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    client.force_login(editor_member.__class__.objects.create_superuser("root", "root@example.org", "x" * 20))
    assert dashboard(client).select_one("#dashboard-tasks") is None
