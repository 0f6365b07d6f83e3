"""Creating an author or a source from the article form's autocomplete box ("Add “…” as a new author")."""

import pytest
from django.contrib.admin.models import ADDITION
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from attribution.models import Source
from authors.models import Author
from tests.factories import AuthorFactory
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db

# (the article form's box, the model behind it, a factory for an existing record, its quick-add URL name)
BOXES = {
    "author": (
        {"app_label": "articles", "model_name": "articleauthor", "field_name": "author"},
        Author,
        AuthorFactory,
        "admin:authors_author_quick_add",
    ),
    "source": (
        {"app_label": "articles", "model_name": "article", "field_name": "source"},
        Source,
        SourceFactory,
        "admin:attribution_source_quick_add",
    ),
}


def choices(client, box, term, **extra):
    query, *_ = BOXES[box]
    response = client.get(reverse("admin:autocomplete"), {**query, "term": term, **extra})
    assert response.status_code == 200
    return response.json()["results"]


@pytest.mark.parametrize("box", BOXES)
def test_a_name_nobody_has_is_offered_as_a_new_record_after_the_matches(editor_client, box):
    _, model, factory, url_name = BOXES[box]
    factory(name="Ada Quill")

    results = choices(editor_client, box, "  Ada   Quil ")

    assert [result["text"] for result in results] == [
        "Ada Quill",
        f"Add “Ada Quil” as a new {model._meta.verbose_name}",
    ]
    assert results[-1]["quick_add"] == reverse(url_name)
    assert results[-1]["term"] == "Ada Quil"


@pytest.mark.parametrize("box", BOXES)
def test_no_offer_for_an_existing_name_an_empty_box_a_later_page_or_a_name_too_long(editor_client, box):
    _, _, factory, _ = BOXES[box]
    factory(name="Ada Quill")

    assert [result["text"] for result in choices(editor_client, box, "ada quill")] == ["Ada Quill"]
    assert all("quick_add" not in result for result in choices(editor_client, box, ""))
    assert choices(editor_client, box, "x" * 201) == []


@pytest.mark.parametrize("box", BOXES)
def test_the_offer_closes_the_first_page_only(editor_client, box):
    _, _, factory, _ = BOXES[box]
    for number in range(21):  # the admin's autocomplete shows 20 a page
        factory(name=f"Ada Quill {number:02}")

    first, second = choices(editor_client, box, "Ada Quill"), choices(editor_client, box, "Ada Quill", page="2")

    assert len(first) == 21 and first[-1]["text"].startswith("Add “Ada Quill”")
    assert [result["text"] for result in second] == ["Ada Quill 20"]


def test_no_offer_to_whom_may_not_add_authors(client, contributor):
    client.force_login(contributor)

    assert choices(client, "author", "Someone New") == []


@pytest.mark.parametrize("box", BOXES)
def test_choosing_the_offer_creates_the_record_with_a_unique_slug_and_logs_it(editor_client, editor, box):
    _, model, factory, url_name = BOXES[box]
    factory(name="Ada Quill", slug="ada-quill")

    response = editor_client.post(reverse(url_name), {"term": "  Ada  Quill "})

    assert response.status_code == 201
    created = model.objects.get(pk=response.json()["id"])
    assert (created.name, created.slug) == ("Ada Quill", "ada-quill-2")
    assert response.json()["text"] == "Ada Quill"
    entry = LogEntry.objects.get(object_id=str(created.pk))
    assert (entry.action_flag, entry.user) == (ADDITION, editor)


@pytest.mark.parametrize("term", ["", "   ", "x" * 201])
def test_an_empty_or_overlong_name_is_refused_with_a_message_and_stores_nothing(editor_client, term):
    response = editor_client.post(reverse("admin:authors_author_quick_add"), {"term": term})

    assert response.status_code == 400
    assert response.json()["error"]
    assert not Author.objects.exists()


def test_quick_add_takes_only_a_post_from_someone_who_may_add(client, contributor):
    url = reverse("admin:authors_author_quick_add")
    assert client.post(url, {"term": "Ada"}).status_code == 302  # to the sign-in page
    client.force_login(contributor)
    assert client.post(url, {"term": "Ada"}).status_code == 403
    assert client.get(url).status_code == 405
    assert not Author.objects.exists()
