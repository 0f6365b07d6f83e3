"""The article form in the order of the work: parts in place, a byline ordered by dragging, errors named and placed."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import Article
from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import RegionFactory
from tests.factories import article_admin_data
from tests.factories import form_values

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


def test_authors_dragged_before_the_first_save_keep_the_dropped_order(editor_client):
    ada, ben = AuthorFactory(name="Ada"), AuthorFactory(name="Ben")
    # byline-order.js numbers every row 1, 2, 3 after a drop, the empty "add another" row as well.
    data = article_admin_data(authors=[(ada, 2), (ben, 1)])
    data.update({"author_links-TOTAL_FORMS": "3", "author_links-2-author": "", "author_links-2-order": "3"})

    response = editor_client.post(reverse("admin:articles_article_add"), data)

    assert response.status_code == 302, _soup(response).select(".errorlist")
    assert _byline(Article.objects.get()) == [("Ben", 0), ("Ada", 1)]


def test_a_saved_byline_row_moved_and_nothing_else_is_saved_in_its_new_place(editor_client):
    ada, ben = AuthorFactory(name="Ada"), AuthorFactory(name="Ben")
    article = ArticleFactory(authors=[ada, ben], regions=[RegionFactory()])
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_values(editor_client.get(url).content, "#article_form")
    rows = {data[f"author_links-{index}-author"]: index for index in range(2)}
    data[f"author_links-{rows[str(ben.pk)]}-order"], data[f"author_links-{rows[str(ada.pk)]}-order"] = "1", "2"

    assert editor_client.post(url, {**data, "_save": "Save"}).status_code == 302
    assert _byline(article) == [("Ben", 0), ("Ada", 1)]


def test_every_byline_row_has_a_handle_and_arrow_buttons_and_no_repeat_of_the_name(editor_client):
    article = ArticleFactory(authors=[AuthorFactory(name="Ada Quill")])
    inline = _soup(editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))).select_one(
        "#author_links-group"
    )

    rows = inline.select("tbody tr.form-row")  # the saved row, the extra row and the template for new ones
    assert len(rows) == 3
    for row in rows:
        assert row.select_one("td.original p.byline-handle")
        assert [button["aria-label"] for button in row.select("button")] == [
            "Move up in the byline",
            "Move down in the byline",
        ]
    assert "Ada Quill" not in rows[0].select_one("td.original").get_text()


def test_the_publishing_box_holds_status_time_address_checks_and_the_only_save_buttons_below_the_form(editor_client):
    soup = _soup(editor_client.get(reverse("admin:articles_article_add")))

    box = soup.select_one("aside.article-desk__publishing")
    for ident in ("id_status", "id_published_at_0", "id_slug"):
        assert box.select_one(f"#{ident}"), ident
    assert box.select_one(".field-checks")
    assert box.select_one(".submit-row input[name=_save]")
    # The title and standfirst run across the page, above the writing column and the box.
    assert soup.select_one(".article-desk #id_title") is None
    assert soup.select_one(".article-desk__main #author_links-group")
    # Django's bottom row is not repeated; the top one is for narrow screens, where the box follows the form.
    assert len(soup.select(".submit-row")) == 2
    assert soup.select_one(".article-desk__top-buttons .submit-row")


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
