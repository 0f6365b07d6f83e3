"""Corrections: added by editors to published articles, shown on the article, on /corrections/ and its feed, in
JSON-LD; they move the article's modified date on, purge what shows it, and are never edited away or deleted."""

import datetime
import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.contrib.sites.models import Site
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article
from articles.models import Correction
from articles.models import CorrectionAmendment
from articles.models import Status
from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CorrectionFactory
from tests.factories import RegionFactory
from tests.factories import form_values
from tests.factories import publication_settings

pytestmark = pytest.mark.django_db

DOMAIN = "news.example.org"
BASE = f"http://{DOMAIN}"
# Articles corrected on fixed dates were published before them.
LONG_AGO = datetime.datetime(2024, 1, 1, 9, 0, tzinfo=datetime.UTC)
WRONG = "An earlier version of this article said the port opened in 2019."
RIGHT = "It opened in 2018."


@pytest.fixture(autouse=True)
def site():
    site = Site.objects.get_current()
    site.domain, site.name = DOMAIN, "Crosspost"
    site.save()
    publication_settings(site_name="Crosspost Review")
    yield site
    Site.objects.clear_cache()


def long_ago(article, days=10):
    """Make the article last changed `days` ago, so a correction's bump of its modified date shows."""
    then = timezone.now() - datetime.timedelta(days=days)
    Article.objects.filter(pk=article.pk).update(published_at=then, updated_at=then)
    article.refresh_from_db()
    return then


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def json_ld(client, article):
    script = soup(client.get(article.get_absolute_url())).find("script", type="application/ld+json")
    return json.loads(script.string)


# --- the article page -----------------------------------------------------------------------------


def test_a_correction_shows_in_a_labelled_box_on_the_article_with_a_note_under_its_title(client):
    article = ArticleFactory(title="Ports and power", published_at=LONG_AGO)
    correction = CorrectionFactory(
        article=article, corrected_on=datetime.date(2025, 3, 4), what_was_wrong=WRONG, what_is_right=RIGHT
    )

    page = soup(client.get(article.get_absolute_url()))

    box = page.select_one("aside.corrections")
    heading = page.find(id=box["aria-labelledby"])
    assert heading.get_text(strip=True) == "Correction"
    entry = box.find(id=f"correction-{correction.pk}")
    assert entry.find("time")["datetime"] == "2025-03-04"
    assert entry.find("time").get_text() == "4 March 2025"
    text = " ".join(entry.get_text(" ", strip=True).split())
    assert f"What was wrong: {WRONG}" in text and f"What is right: {RIGHT}" in text
    # The note under the title sends readers to the box, and the box to every correction.
    note = page.select_one(".article-header .correction-note a")
    assert note["href"] == "#corrections" and box["id"] == "corrections"
    assert "Corrected on 4 March 2025" in note.get_text()
    assert box.find("a", href=reverse("articles:corrections"))


def test_an_article_without_corrections_shows_no_box(client):
    page = soup(client.get(ArticleFactory().get_absolute_url()))
    assert page.select_one("aside.corrections") is None and page.select_one(".correction-note") is None


def test_several_corrections_are_shown_oldest_first_under_a_plural_heading(client):
    article = ArticleFactory(published_at=LONG_AGO)
    first = CorrectionFactory(article=article, corrected_on=datetime.date(2025, 1, 2), what_is_right="First.")
    second = CorrectionFactory(article=article, corrected_on=datetime.date(2025, 2, 3), what_is_right="Second.")

    page = soup(client.get(article.get_absolute_url()))

    assert page.find(id="corrections-heading").get_text(strip=True) == "Corrections"
    ids = [entry["id"] for entry in page.select("aside.corrections .correction")]
    assert ids == [f"correction-{first.pk}", f"correction-{second.pk}"]
    assert "Corrected on 3 February 2025" in page.select_one(".correction-note").get_text()


def test_a_correction_is_escaped_wherever_it_is_shown(client):
    article = ArticleFactory()
    CorrectionFactory(article=article, what_was_wrong="<script>alert(1)</script> & co", what_is_right="<b>Bold</b>")

    for url in (article.get_absolute_url(), reverse("articles:corrections")):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html and "<b>Bold</b>" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html, url
    feed = client.get(reverse("articles:corrections_feed")).content.decode()
    assert "<script>" not in feed


# --- JSON-LD and the modified date -----------------------------------------------------------------


def test_json_ld_lists_each_correction_as_a_correction_comment(client):
    article = ArticleFactory(published_at=LONG_AGO)
    CorrectionFactory(
        article=article, corrected_on=datetime.date(2025, 3, 4), what_was_wrong=WRONG, what_is_right=RIGHT
    )

    data = json_ld(client, article)

    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": f"What was wrong: {WRONG} What is right: {RIGHT}",
            "datePublished": "2025-03-04",
        }
    ]


def test_json_ld_of_an_uncorrected_article_has_no_correction(client):
    assert "correction" not in json_ld(client, ArticleFactory())


def atom_updated(client, article):
    feed = feedparser.parse(client.get(reverse("articles:atom")).content)
    assert not feed.bozo
    (entry,) = [entry for entry in feed.entries if entry.link.endswith(article.get_absolute_url())]
    return datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC)


def sitemap_lastmod(client, article):
    urlset = ET.fromstring(client.get(reverse("sitemap")).content)  # noqa: S314 - our own response
    ns = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmods = {url.findtext("sm:loc", namespaces=ns): url.findtext("sm:lastmod", namespaces=ns) for url in urlset}
    return lastmods[f"{BASE}{article.get_absolute_url()}"]


def test_a_correction_moves_the_modified_date_on_in_feeds_sitemap_and_json_ld(client):
    article = ArticleFactory()
    then = long_ago(article)
    assert json_ld(client, article)["dateModified"].startswith(then.date().isoformat())
    assert atom_updated(client, article).date() == then.date()
    assert sitemap_lastmod(client, article) == then.date().isoformat()

    before = timezone.now().replace(microsecond=0)
    CorrectionFactory(article=article)

    article.refresh_from_db()
    assert article.updated_at >= before
    assert datetime.datetime.fromisoformat(json_ld(client, article)["dateModified"]) >= before
    assert atom_updated(client, article) >= before
    assert sitemap_lastmod(client, article) == timezone.localdate().isoformat()
    json_feed = json.loads(client.get(reverse("articles:json_feed")).content)
    (item,) = [item for item in json_feed["items"] if item["url"].endswith(article.get_absolute_url())]
    assert datetime.datetime.fromisoformat(item["date_modified"]) >= before


def test_rewording_a_correction_moves_the_modified_date_on_too(client):
    article = ArticleFactory()
    correction = CorrectionFactory(article=article)
    then = long_ago(article)

    services.correction_change(correction=correction, what_is_right="It opened in March 2018.")

    article.refresh_from_db()
    assert article.updated_at > then + datetime.timedelta(days=9)


# --- caches ------------------------------------------------------------------------------------------


def test_adding_a_correction_purges_every_page_that_shows_it(client, monkeypatch, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the setup's own changes are told first
        article = ArticleFactory(authors=[AuthorFactory()])
        other = ArticleFactory()
        client.get(reverse("home"))  # the publication settings record, made on first use
    purged = []
    monkeypatch.setattr("pagecache.edge.purge_later", purged.extend)
    urls = [
        article.get_absolute_url(),
        reverse("articles:corrections"),
        reverse("articles:corrections_feed"),
        reverse("articles:corrections_atom"),
        reverse("articles:rss"),
        reverse("articles:atom"),
        reverse("sitemap"),
        reverse("sitemap_news"),
    ]
    for url in [*urls, other.get_absolute_url()]:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit", url

    with django_capture_on_commit_callbacks(execute=True):
        CorrectionFactory(article=article, what_is_right="It opened in 2018, not 2019.")

    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
    assert "It opened in 2018, not 2019." in client.get(reverse("articles:corrections")).content.decode()
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "hit"  # an unrelated article stays cached
    # The shared cache in front is told the same keys, once the correction is committed.
    assert {f"article-{article.pk}", "corrections", "feeds", "sitemap"} <= set(purged)
    assert f"article-{other.pk}" not in purged and "all" not in purged


def test_corrections_pages_name_what_they_show(client):
    correction = CorrectionFactory()
    for url in (
        reverse("articles:corrections"),
        reverse("articles:corrections_feed"),
        reverse("articles:corrections_atom"),
    ):
        keys = set(client.get(url)["Surrogate-Key"].split())
        assert {"corrections", f"article-{correction.article_id}"} <= keys, url


def test_withdrawing_a_corrected_article_takes_its_corrections_off_the_list(client):
    kept = CorrectionFactory(what_is_right="Still shown.")
    withdrawn = CorrectionFactory(what_is_right="No longer shown.")
    assert "No longer shown." in client.get(reverse("articles:corrections")).content.decode()

    services.article_withdraw(article=withdrawn.article)

    html = client.get(reverse("articles:corrections")).content.decode()
    assert "No longer shown." not in html and kept.what_is_right in html
    feed = client.get(reverse("articles:corrections_feed")).content.decode()
    assert "No longer shown." not in feed


# --- history: never edited away, never deleted ---------------------------------------------------------


def test_rewording_a_correction_keeps_the_earlier_wording_and_shows_it(client, editor):
    correction = CorrectionFactory(
        article=ArticleFactory(published_at=LONG_AGO),
        corrected_on=datetime.date(2025, 3, 4),
        what_was_wrong=WRONG,
        what_is_right=RIGHT,
    )

    services.correction_change(correction=correction, what_is_right="It opened in March 2018.", user=editor)

    correction.refresh_from_db()
    assert correction.what_is_right == "It opened in March 2018."
    earlier = CorrectionAmendment.objects.get(correction=correction)
    assert (earlier.what_was_wrong, earlier.what_is_right, earlier.corrected_on) == (
        WRONG,
        RIGHT,
        datetime.date(2025, 3, 4),
    )
    assert earlier.replaced_by == editor
    for url in (correction.article.get_absolute_url(), reverse("articles:corrections")):
        history = soup(client.get(url)).select_one(f"#correction-{correction.pk} details.correction-history")
        text = " ".join(history.get_text(" ", strip=True).split())
        assert f"Updated on {timezone.localdate():%-d %B %Y}" in text, url
        assert f"What is right: {RIGHT}" in text, url


def test_each_rewording_is_kept_and_a_save_that_changes_nothing_records_nothing():
    correction = CorrectionFactory(what_is_right="One.")
    services.correction_change(correction=correction, what_is_right="Two.")
    services.correction_change(correction=correction, what_is_right="Three.")
    services.correction_change(correction=correction, what_is_right="Three.")

    assert list(correction.amendments.values_list("what_is_right", flat=True)) == ["One.", "Two."]


def test_the_earlier_wording_is_the_stored_one_whatever_the_callers_copy_says():
    correction = CorrectionFactory(what_is_right="Stored.")
    stale = Correction.objects.get(pk=correction.pk)
    stale.what_is_right = "Changed in memory, never saved."

    services.correction_change(correction=stale, what_is_right="New.")

    assert correction.amendments.get().what_is_right == "Stored."


def test_only_a_published_article_takes_a_correction_and_nothing_is_half_stored():
    for values in (
        {"status": Status.DRAFT},
        {"status": Status.SCHEDULED, "published_at": timezone.now() + datetime.timedelta(days=1)},
        {"status": Status.WITHDRAWN},
    ):
        article = ArticleFactory(**values)
        updated = article.updated_at
        with pytest.raises(ValidationError, match="Only a published article can be corrected"):
            services.correction_add(article=article, what_was_wrong=WRONG, what_is_right=RIGHT)
        assert not Correction.objects.filter(article=article).exists()
        article.refresh_from_db()
        assert article.updated_at == updated


def test_a_correction_needs_both_what_was_wrong_and_what_is_right():
    article = ArticleFactory()
    with pytest.raises(ValidationError) as raised:
        services.correction_add(article=article, what_was_wrong="  ", what_is_right="")
    assert {"what_was_wrong", "what_is_right"} <= set(raised.value.message_dict)
    assert not Correction.objects.exists()


def test_a_correction_is_dated_between_the_article_s_publication_and_today():
    article = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=3))
    too_early = timezone.localdate() - datetime.timedelta(days=4)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    for date, message in ((too_early, "before the article was published"), (tomorrow, "in the future")):
        with pytest.raises(ValidationError, match=message):
            services.correction_add(article=article, what_was_wrong=WRONG, what_is_right=RIGHT, corrected_on=date)
    assert not Correction.objects.exists()

    correction = CorrectionFactory(article=article)
    with pytest.raises(ValidationError, match="in the future"):
        services.correction_change(correction=correction, corrected_on=tomorrow)
    assert not correction.amendments.exists()
    correction.refresh_from_db()
    assert correction.corrected_on == timezone.localdate()


def test_a_corrected_article_cannot_be_deleted_only_withdrawn(editor_client):
    correction = CorrectionFactory()
    url = reverse("admin:articles_article_delete", args=[correction.article_id])

    page = soup(editor_client.get(url))
    assert page.h1.get_text() == "Cannot delete article"
    assert page.select_one("#deleted-objects").get_text(strip=True) == "correction"
    editor_client.post(url, {"post": "yes"})
    assert Article.objects.filter(pk=correction.article_id).exists()
    # Nor around the admin: the database keeps a corrected article.
    with pytest.raises(ProtectedError):
        Article.objects.get(pk=correction.article_id).delete()


# --- the admin ----------------------------------------------------------------------------------


def admin_url(view, *args, model="correction"):
    return reverse(f"admin:articles_{model}_{view}", args=args)


def test_an_editors_group_member_corrects_an_article_on_its_form(editor_member_client, editor_member):
    article = ArticleFactory(authors=[AuthorFactory()], regions=[RegionFactory()])
    then = long_ago(article)
    corrected_on = timezone.localdate() - datetime.timedelta(days=2)
    url = admin_url("change", article.pk, model="article")
    data = form_values(editor_member_client.get(url).content, "form#article_form")
    assert data["corrections-TOTAL_FORMS"] == "0"
    data.update(
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-0-corrected_on": corrected_on.isoformat(),
            "corrections-0-what_was_wrong": WRONG,
            "corrections-0-what_is_right": RIGHT,
            "_continue": "Save",
        }
    )

    response = editor_member_client.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    correction = Correction.objects.get(article=article)
    assert (correction.corrected_on, correction.what_was_wrong, correction.what_is_right) == (
        corrected_on,
        WRONG,
        RIGHT,
    )
    assert correction.created_by == editor_member
    article.refresh_from_db()
    assert article.updated_at > then + datetime.timedelta(days=9)

    # Reworded on the same form: the earlier wording is kept, by whom it was replaced.
    data = form_values(editor_member_client.get(url).content, "form#article_form")
    data.update({"corrections-0-what_is_right": "It opened in March 2018.", "_continue": "Save"})
    assert editor_member_client.post(url, data).status_code == 302
    earlier = correction.amendments.get()
    assert earlier.what_is_right == RIGHT and earlier.replaced_by == editor_member


def test_the_form_has_no_way_to_delete_a_correction(editor_member_client):
    correction = CorrectionFactory()
    page = soup(editor_member_client.get(admin_url("change", correction.article_id, model="article")))

    assert page.find("input", attrs={"name": "corrections-0-what_was_wrong"}) is None  # a textarea
    assert page.find("textarea", attrs={"name": "corrections-0-what_was_wrong"}) is not None
    assert page.find("input", attrs={"name": "corrections-0-DELETE"}) is None


def test_a_draft_s_form_offers_no_corrections(editor_member_client):
    article = ArticleFactory(status=Status.DRAFT)
    page = soup(editor_member_client.get(admin_url("change", article.pk, model="article")))
    assert page.find("input", attrs={"name": "corrections-TOTAL_FORMS"}) is None


def test_no_one_deletes_a_correction_in_the_admin(editor_member_client, editor_client):
    correction = CorrectionFactory()
    for client in (editor_member_client, editor_client):  # an Editors-group member, and a superuser
        assert client.get(admin_url("delete", correction.pk)).status_code == 403
        assert client.post(admin_url("delete", correction.pk), {"post": "yes"}).status_code == 403
        changelist = soup(client.get(admin_url("changelist")))
        assert changelist.find("select", attrs={"name": "action"}) is None
    assert Correction.objects.filter(pk=correction.pk).exists()


def test_the_corrections_list_and_its_forms_work_for_an_editors_group_member(editor_member_client, editor_member):
    article = ArticleFactory(title="Ports and power", published_at=LONG_AGO)
    draft = ArticleFactory(status=Status.DRAFT)
    assert editor_member_client.get(admin_url("changelist")).status_code == 200

    no_history = {"amendments-TOTAL_FORMS": "0", "amendments-INITIAL_FORMS": "0"}  # the read-only inline's
    refused = editor_member_client.post(
        admin_url("add"),
        {
            "article": draft.pk,
            "corrected_on": "2025-03-04",
            "what_was_wrong": WRONG,
            "what_is_right": RIGHT,
            **no_history,
        },
    )
    assert refused.status_code == 200
    assert "Only a published article can be corrected" in refused.content.decode()
    assert not Correction.objects.exists()

    added = editor_member_client.post(
        admin_url("add"),
        {
            "article": article.pk,
            "corrected_on": "2025-03-04",
            "what_was_wrong": WRONG,
            "what_is_right": RIGHT,
            **no_history,
        },
    )
    assert added.status_code == 302
    correction = Correction.objects.get()
    assert correction.created_by == editor_member

    changed = editor_member_client.post(
        admin_url("change", correction.pk),
        {
            "corrected_on": "2025-03-04",
            "what_was_wrong": WRONG,
            "what_is_right": "It opened in March 2018.",
            "amendments-TOTAL_FORMS": "0",
            "amendments-INITIAL_FORMS": "0",
        },
    )
    assert changed.status_code == 302
    assert correction.amendments.get().what_is_right == RIGHT
    page = soup(editor_member_client.get(admin_url("change", correction.pk)))
    assert RIGHT in page.get_text()  # the earlier wording, read-only, on the correction's page


def test_bad_input_in_the_admin_is_a_form_error_not_a_500(editor_member_client):
    article = ArticleFactory()
    response = editor_member_client.post(
        admin_url("add"),
        {"article": article.pk, "corrected_on": "not a date", "what_was_wrong": "", "what_is_right": ""},
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors.keys() >= {"corrected_on", "what_was_wrong", "what_is_right"}
    assert not Correction.objects.exists()

    ahead = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    response = editor_member_client.post(
        admin_url("add"),
        {
            "article": article.pk,
            "corrected_on": ahead,
            "what_was_wrong": WRONG,
            "what_is_right": RIGHT,
            "amendments-TOTAL_FORMS": "0",
            "amendments-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["corrected_on"] == [
        "The date of a correction cannot be in the future."
    ]
    assert not Correction.objects.exists()


# --- /corrections/ and its feed ------------------------------------------------------------------------


def test_the_corrections_page_lists_every_correction_newest_first_and_is_linked_from_the_footer(client):
    older = CorrectionFactory(
        corrected_on=datetime.date(2025, 1, 2), article=ArticleFactory(title="Older story", published_at=LONG_AGO)
    )
    newer = CorrectionFactory(
        corrected_on=datetime.date(2025, 2, 3), article=ArticleFactory(title="Newer story", published_at=LONG_AGO)
    )
    CorrectionFactory(article=ArticleFactory(published_at=LONG_AGO), corrected_on=datetime.date(2025, 2, 4))
    Article.objects.filter(pk=Correction.objects.latest("pk").article_id).update(status=Status.DRAFT)  # unpublished

    page = soup(client.get(reverse("articles:corrections")))

    entries = page.select(".correction-entry")
    assert [entry.h2.get_text(strip=True) for entry in entries] == ["Newer story", "Older story"]
    assert entries[0].h2.a["href"] == f"{newer.article.get_absolute_url()}#correction-{newer.pk}"
    assert entries[1].select_one(f"#correction-{older.pk}") is not None
    assert page.select_one(".site-footer").find("a", href=reverse("articles:corrections"))
    assert page.find("link", rel="alternate", href=reverse("articles:corrections_feed"))


def test_the_corrections_page_pages_like_the_archives(client, settings):
    settings.ARTICLES_PER_PAGE = 1
    CorrectionFactory.create_batch(2)
    url = reverse("articles:corrections")

    first = soup(client.get(url))
    assert first.select_one(".pagination a[rel=next]").get_text() == "Older corrections"
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    assert client.get(url + "?page=2").status_code == 200
    for bad in ("3", "0", "-1", "x", "1_0", " 2"):
        assert client.get(url, {"page": bad}).status_code == 404, bad
    for padded, target in (("1", url), ("02", url + "?page=2")):
        response = client.get(url, {"page": padded})
        assert response.status_code == 301 and response["Location"] == target


def test_the_corrections_feed_is_rss_with_one_item_per_correction(client):
    correction = CorrectionFactory(
        article=ArticleFactory(title="Ports & power"), what_was_wrong=WRONG, what_is_right=RIGHT
    )

    response = client.get(reverse("articles:corrections_feed"))

    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert feed.feed.title == "Crosspost Review: corrections"
    (item,) = feed.entries
    assert item.title == "Correction to “Ports & power”"
    assert item.link == f"{BASE}{correction.article.get_absolute_url()}#correction-{correction.pk}"
    assert item.id == f"tag:{DOMAIN},{correction.created_at:%Y-%m-%d}:correction:{correction.pk}"
    assert WRONG in item.description and RIGHT in item.description


def test_the_corrections_feed_is_also_atom_with_each_rewording_dated(client):
    correction = CorrectionFactory(
        article=ArticleFactory(title="Ports & power"), what_was_wrong=WRONG, what_is_right=RIGHT
    )
    services.correction_change(correction=correction, what_is_right="It opened in March 2018.")
    correction.refresh_from_db()

    response = client.get(reverse("articles:corrections_atom"))

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.title == "Crosspost Review: corrections"
    assert feed.feed.subtitle == "Corrections to articles published by Crosspost Review, newest first."
    assert feed.feed.author == "Crosspost Review"
    (entry,) = feed.entries
    assert entry.title == "Correction to “Ports & power”"
    assert entry.link == f"{BASE}{correction.article.get_absolute_url()}#correction-{correction.pk}"
    assert entry.id == f"tag:{DOMAIN},{correction.created_at:%Y-%m-%d}:correction:{correction.pk}"
    assert entry.published_parsed[:6] == correction.created_at.utctimetuple()[:6]
    assert entry.updated_parsed[:6] == correction.updated_at.utctimetuple()[:6]
    assert "It opened in March 2018." in entry.summary


def test_the_corrections_page_offers_both_feeds(client):
    CorrectionFactory()
    page = BeautifulSoup(client.get(reverse("articles:corrections")).content, "html.parser")
    for kind, name in (("rss", "corrections_feed"), ("atom", "corrections_atom")):
        url = reverse(f"articles:{name}")
        assert page.find("link", rel="alternate", type=f"application/{kind}+xml", href=url)
        assert page.find("a", href=url, type=f"application/{kind}+xml")


def test_corrections_listings_cost_the_same_for_one_or_many(client, page_cache_off, django_assert_num_queries):
    def cost(url):
        client.get(url)  # first, so that what is remembered between requests is (the related articles)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    first = CorrectionFactory()
    services.correction_change(correction=first, what_is_right="Reworded.")
    urls = [
        reverse("articles:corrections"),
        reverse("articles:corrections_feed"),
        reverse("articles:corrections_atom"),
        first.article.get_absolute_url(),
    ]
    one = {url: cost(url) for url in urls}
    for _ in range(4):
        more = CorrectionFactory(article=first.article)
        services.correction_change(correction=more, what_is_right="Reworded again.")
        services.correction_change(correction=more, what_is_right="And again.")
    CorrectionFactory.create_batch(3)
    assert {url: cost(url) for url in urls} == one
