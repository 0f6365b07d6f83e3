"""The editors' admin: every page opens, the article list shows and filters what editors need."""

import datetime
import json
from urllib.parse import urlencode
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CorrectionFactory
from tests.factories import CrossPostFactory
from tests.factories import ImageFactory
from tests.factories import RegionFactory
from tests.factories import SourceFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory
from tests.factories import article_admin_data

pytestmark = pytest.mark.django_db

REGISTERED = {
    "article": ("articles", "article", ArticleFactory),
    "region": ("articles", "region", RegionFactory),
    "theme": ("articles", "theme", ThemeFactory),
    "correction": ("articles", "correction", CorrectionFactory),
    "author": ("authors", "author", AuthorFactory),
    "source": ("attribution", "source", SourceFactory),
    "image": ("images", "image", ImageFactory),
    "tag": ("taggit", "tag", TagFactory),
}


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _listed_titles(response):
    """Titles of the articles in the changelist's result table, top to bottom."""
    return [cell.get_text(strip=True) for cell in _soup(response).select("#result_list tbody th.field-title")]


def _changelist(client, **params):
    response = client.get(reverse("admin:articles_article_changelist") + ("?" + urlencode(params) if params else ""))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(("app_label", "model_name", "factory"), REGISTERED.values(), ids=REGISTERED.keys())
def test_changelist_add_and_change_pages_open(editor_client, app_label, model_name, factory):
    obj = factory()

    for url in (
        reverse(f"admin:{app_label}_{model_name}_changelist"),
        reverse(f"admin:{app_label}_{model_name}_add"),
        reverse(f"admin:{app_label}_{model_name}_change", args=[obj.pk]),
    ):
        assert editor_client.get(url).status_code == 200, url


def test_publication_settings_open_straight_on_the_one_record_and_cannot_be_added(editor_client):
    response = editor_client.get(reverse("admin:attribution_publicationsettings_changelist"))

    assert response.status_code == 200
    assert _soup(response).find("input", attrs={"name": "site_name"}) is not None
    assert editor_client.get(reverse("admin:attribution_publicationsettings_change")).status_code == 200
    assert editor_client.get(reverse("admin:attribution_publicationsettings_add")).status_code == 403


def test_every_project_model_in_the_admin_is_covered_here():
    project_apps = {"articles", "authors", "attribution", "images", "taggit"}
    registered = {model._meta.label_lower for model in admin.site._registry if model._meta.app_label in project_apps}

    covered = {f"{app}.{model}" for app, model, _ in REGISTERED.values()} | {"attribution.publicationsettings"}
    assert registered == covered


def test_article_changelist_shows_status_time_authors_source_and_regions(editor_client):
    first, second = AuthorFactory(name="Maria Okafor"), AuthorFactory(name="James Lindqvist")
    CrossPostFactory(
        title="Ports and power",
        authors=[first, second],
        source=SourceFactory(name="Harbour Policy Review"),
        regions=[RegionFactory(name="Asia"), RegionFactory(name="Europe")],
        published_at=datetime.datetime(2018, 6, 7, 9, 0, tzinfo=datetime.UTC),
    )

    soup = _soup(_changelist(editor_client))

    headers = {th.get_text(strip=True) for th in soup.select("#result_list thead th")}
    assert {"Status", "Publication time", "Authors", "Source", "Regions"} <= headers
    row = soup.select_one("#result_list tbody tr")
    assert row.select_one("td.field-state").get_text(strip=True) == "Published"
    assert "2018" in row.select_one("td.field-published_at").get_text()
    assert row.select_one("td.field-byline").get_text(strip=True) == "Maria Okafor, James Lindqvist"
    assert row.select_one("td.field-source").get_text(strip=True) == "Harbour Policy Review"
    assert row.select_one("td.field-region_names").get_text(strip=True) == "Asia, Europe"


@pytest.fixture
def filing():
    """Two articles filed differently, so each filter keeps exactly one."""
    asia, europe = RegionFactory(name="Asia"), RegionFactory(name="Europe")
    energy, history = ThemeFactory(name="Energy"), ThemeFactory(name="History")
    meridian, atlas = SourceFactory(name="Meridian Quarterly"), SourceFactory(name="Atlas Monitor")
    maria, james = AuthorFactory(name="Maria Okafor"), AuthorFactory(name="James Lindqvist")
    published = CrossPostFactory(
        title="Pipelines across the steppe",
        dek="Why the gas routes moved north.",
        status=Status.PUBLISHED,
        regions=[asia],
        themes=[energy],
        source=meridian,
        authors=[maria],
    )
    draft = CrossPostFactory(
        title="Archives of the old empire",
        dek="What the ledgers of the colonial treasury show.",
        status=Status.DRAFT,
        regions=[europe],
        themes=[history],
        source=atlas,
        authors=[james],
    )
    return {
        "published": published,
        "draft": draft,
        "asia": asia,
        "history": history,
        "meridian": meridian,
        "james": james,
    }


@pytest.mark.parametrize(
    ("param", "value_of", "expected"),
    [
        ("status__exact", lambda f: "draft", "draft"),
        ("status__exact", lambda f: "published", "published"),
        ("regions__id__exact", lambda f: f["asia"].pk, "published"),
        ("themes__id__exact", lambda f: f["history"].pk, "draft"),
        ("source__id__exact", lambda f: f["meridian"].pk, "published"),
        ("authors__id__exact", lambda f: f["james"].pk, "draft"),
    ],
    ids=["status-draft", "status-published", "region", "theme", "source", "author"],
)
def test_article_changelist_filters(editor_client, filing, param, value_of, expected):
    value = value_of(filing)

    response = _changelist(editor_client, **{param: value})

    assert _listed_titles(response) == [filing[expected].title]
    # The filter is offered in the sidebar, not just accepted in the address.
    sidebar_links = [a["href"] for a in _soup(response).select("#changelist-filter a")]
    assert any(f"{param}={value}" in href for href in sidebar_links), sidebar_links


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("steppe", "published"),
        ("colonial treasury", "draft"),
        ("Lindqvist", "draft"),
        ("Meridian", "published"),
    ],
    ids=["title", "dek", "author-name", "source-name"],
)
def test_article_changelist_search(editor_client, filing, term, expected):
    response = _changelist(editor_client, q=term)

    assert _listed_titles(response) == [filing[expected].title]


def test_article_changelist_search_lists_an_article_once_even_with_several_matching_authors(editor_client):
    ArticleFactory(title="Jointly written", authors=[AuthorFactory(name="Ana Silva"), AuthorFactory(name="Ana Weber")])

    assert _listed_titles(_changelist(editor_client, q="Ana")) == ["Jointly written"]


def test_article_changelist_has_a_date_hierarchy_by_publication_time(editor_client):
    ArticleFactory(title="From 2018", published_at=datetime.datetime(2018, 6, 7, 9, 0, tzinfo=datetime.UTC))
    ArticleFactory(title="From 2019", published_at=datetime.datetime(2019, 2, 1, 9, 0, tzinfo=datetime.UTC))

    hierarchy_links = [a["href"] for a in _soup(_changelist(editor_client)).select("nav.toplinks a")]

    assert any("published_at__year=2018" in href for href in hierarchy_links), hierarchy_links
    assert any("published_at__year=2019" in href for href in hierarchy_links), hierarchy_links
    assert _listed_titles(_changelist(editor_client, published_at__year=2019)) == ["From 2019"]


@pytest.mark.parametrize(
    ("app_label", "model_name", "source_field"),
    [
        ("articles", "article", "title"),
        ("articles", "region", "name"),
        ("articles", "theme", "name"),
        ("authors", "author", "name"),
        ("attribution", "source", "name"),
    ],
)
def test_add_form_prepopulates_the_slug(editor_client, app_label, model_name, source_field):
    response = editor_client.get(reverse(f"admin:{app_label}_{model_name}_add"))

    script = _soup(response).find("script", id="django-admin-prepopulated-fields-constants")
    fields = json.loads(script["data-prepopulated-fields"])
    assert [(field["id"], field["dependency_ids"]) for field in fields] == [("#id_slug", [f"#id_{source_field}"])]


@pytest.mark.parametrize(
    ("widget_name", "model_name", "field_name"),
    [
        ("author_links-0-author", "articleauthor", "author"),
        ("regions", "article", "regions"),
        ("themes", "article", "themes"),
        ("source", "article", "source"),
        ("tags", "article", "tags"),
    ],
)
def test_article_add_form_uses_autocomplete_widgets(editor_client, widget_name, model_name, field_name):
    soup = _soup(editor_client.get(reverse("admin:articles_article_add")))

    select = soup.find("select", attrs={"name": widget_name})
    assert "admin-autocomplete" in select["class"]
    assert select["data-app-label"] == "articles"
    assert select["data-model-name"] == model_name
    assert select["data-field-name"] == field_name


def _autocomplete(client, model_name, field_name, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    # Records only: authors' and sources' boxes also offer to add what was typed (tests/core/test_quick_add.py).
    return {result["text"] for result in response.json()["results"] if "quick_add" not in result}


@pytest.mark.parametrize(
    ("model_name", "field_name", "factory", "matching", "other"),
    [
        ("articleauthor", "author", AuthorFactory, "Andrew Korybko", "Maria Okafor"),
        ("article", "regions", RegionFactory, "Latin America & Caribbean", "Europe"),
        ("article", "themes", ThemeFactory, "Militarization and WMD", "Energy"),
        ("article", "source", SourceFactory, "Oriental Review", "Atlas Monitor"),
    ],
    ids=["authors-through-inline", "regions", "themes", "source"],
)
def test_autocomplete_finds_by_name(editor_client, model_name, field_name, factory, matching, other):
    factory(name=matching)
    factory(name=other)

    found = _autocomplete(editor_client, model_name, field_name, matching.split()[0][:4].lower())

    assert found == {matching}


def test_autocomplete_finds_existing_tags(editor_client):
    TagFactory(name="Colombia")
    TagFactory(name="NATO")

    assert _autocomplete(editor_client, "article", "tags", "colo") == {"Colombia"}


def test_adding_an_article_saves_its_authors_in_byline_order(editor_client):
    second, first = AuthorFactory(name="Second Author"), AuthorFactory(name="First Author")
    region, theme, source = RegionFactory(), ThemeFactory(), SourceFactory()
    existing_tag = TagFactory(name="NATO")

    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_admin_data(
            title="Written in the admin",
            slug="written-in-the-admin",
            status=Status.PUBLISHED,
            published_at_0="2018-06-07",
            published_at_1="09:00:00",
            regions=[region.pk],
            themes=[theme.pk],
            source=source.pk,
            original_url="https://orientalreview.org/2018/06/06/story/",
            original_published_on="2018-06-06",
            tags=[existing_tag.pk],
            new_tags="Colombia, elections",
            # The inline lists the second author first; the order field decides the byline.
            authors=[(second, 2), (first, 1)],
        ),
    )

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    article = Article.objects.with_page_data().get(slug="written-in-the-admin")
    assert article.ordered_authors == [first, second]
    assert list(article.regions.all()) == [region]
    assert list(article.themes.all()) == [theme]
    assert article.source == source
    assert article.effective_copyright_year == 2018
    assert sorted(tag.name for tag in article.tags.all()) == ["Colombia", "NATO", "elections"]


def test_adding_the_same_author_twice_is_a_form_error_not_a_crash(editor_client):
    author = AuthorFactory()

    response = editor_client.post(
        reverse("admin:articles_article_add"),
        article_admin_data(slug="twice", authors=[(author, 0), (author, 1)]),
    )

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert not Article.objects.filter(slug="twice").exists()


def test_change_page_links_to_the_article_on_the_site(editor_client):
    article = ArticleFactory(slug="seen-on-site")

    response = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))

    link = _soup(response).find("a", class_="viewsitelink")
    assert link is not None, "no 'View on site' link"
    target = editor_client.get(link["href"])
    assert target.status_code == 302
    location = urlparse(target["Location"])
    assert location.path == "/articles/seen-on-site/"
    # The editor must land on this site, not on the sites framework's placeholder domain.
    assert location.netloc in {"", "testserver"}, target["Location"]


def _changelist_queries(client):
    with CaptureQueriesContext(connection) as queries:
        _changelist(client)
    return len(queries)


def _filed_article():
    return CrossPostFactory(
        authors=[AuthorFactory(), AuthorFactory()],
        regions=[RegionFactory(), RegionFactory()],
        themes=[ThemeFactory()],
        tags=["nato"],
    )


def test_article_changelist_query_count_does_not_grow_with_the_number_of_articles(editor_client):
    _filed_article()
    _changelist(editor_client)  # warm caches (content types, site) outside the measurement
    with_one = _changelist_queries(editor_client)

    for _ in range(19):
        _filed_article()
    with_twenty = _changelist_queries(editor_client)

    assert Article.objects.count() == 20
    assert with_twenty == with_one
