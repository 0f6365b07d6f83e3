"""The article form in the order of the work: parts in place, a byline ordered by dragging, errors named and placed."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import Article, Status
from tests.factories import ArticleFactory, AuthorFactory, RegionFactory, article_admin_data, form_values

pytestmark = pytest.mark.django_db

# What an editor meets going down the page, each by an element only that part has.
PAGE_ORDER = [
    "id_title",
    "id_dek",
    "author_links-group",
    "id_body",
    "id_lead_image",
    "id_source",
    "id_original_url",
    "id_original_published_on",
    "id_regions",
    "id_themes",
    "id_tags",
    "id_copyright_holders",
    "id_status",
    "id_published_at_0",
]


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _byline(article):
    return [(link.author.name, link.order) for link in article.author_links.select_related("author").order_by("order")]


@pytest.mark.parametrize("page", ["add", "change"])
def test_the_form_runs_title_standfirst_authors_body_picture_source_filing_credits_publishing(editor_client, page):
    url = (
        reverse("admin:articles_article_add")
        if page == "add"
        else reverse("admin:articles_article_change", args=[ArticleFactory().pk])
    )

    ids = [element["id"] for element in _soup(editor_client.get(url)).select("#article_form [id]")]

    assert [ident for ident in ids if ident in PAGE_ORDER] == PAGE_ORDER


def test_authors_are_found_by_typing_and_added_in_place(editor_client):
    inline = _soup(editor_client.get(reverse("admin:articles_article_add"))).select_one("#author_links-group")

    assert "admin-autocomplete" in inline.select_one('select[name="author_links-0-author"]')["class"]
    add = inline.select_one("#add_id_author_links-0-author")
    assert add["href"].startswith(reverse("admin:authors_author_add"))
    # The position is the drag handles' business, not a number to type.
    assert inline.select_one('input[name="author_links-0-order"]')["type"] == "hidden"


def test_dragging_the_byline_saves_positions_0_1_2_in_the_dropped_order(editor_client):
    ada, ben, cy = (AuthorFactory(name=name) for name in ("Ada", "Ben", "Cy"))
    article = ArticleFactory(authors=[ada, ben, cy], regions=[RegionFactory()])
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_values(editor_client.get(url).content, "#article_form")
    rows = {data[f"author_links-{index}-author"]: index for index in range(3)}

    # adminsortable2's script numbers the rows 1, 2, 3 as they lie after the drop: Cy, Ada, Ben.
    for position, author in enumerate((cy, ada, ben), start=1):
        data[f"author_links-{rows[str(author.pk)]}-order"] = str(position)
    response = editor_client.post(url, {**data, "_save": "Save"})

    assert response.status_code == 302, _soup(response).select(".errorlist")
    assert _byline(article) == [("Cy", 0), ("Ada", 1), ("Ben", 2)]


def test_authors_added_to_a_new_article_keep_the_order_they_were_added_in(editor_client):
    ada, ben, cy = (AuthorFactory(name=name) for name in ("Ada", "Ben", "Cy"))

    # New rows cannot be dragged yet and post the hidden field's starting value, 0.
    response = editor_client.post(
        reverse("admin:articles_article_add"), article_admin_data(authors=[(ben, 0), (cy, 0), (ada, 0)])
    )

    assert response.status_code == 302
    assert _byline(Article.objects.get()) == [("Ben", 0), ("Cy", 1), ("Ada", 2)]


def test_publishing_without_an_author_says_so_by_the_authors_and_names_them_at_the_top(editor_client):
    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_admin_data(status=Status.PUBLISHED, regions=[RegionFactory().pk], title=""),
    )

    assert response.status_code == 200
    soup = _soup(response)
    message = "Add at least one author before publishing or scheduling."
    assert soup.select_one("#author_links-group .errorlist").get_text(strip=True) == message
    summary = [(item.a["href"], item.get_text(" ", strip=True)) for item in soup.select(".error-summary li")]
    assert summary == [
        ("#id_title", "Title — This field is required."),
        ("#author_links-group", f"Authors (in byline order) — {message}"),
    ]
