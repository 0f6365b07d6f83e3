"""One way to enter a date: the browser's date picker, in the admin as on the partners' form; values are ISO."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def inputs(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {tag["name"]: tag for tag in soup.select("input[name]")}


def test_the_article_form_uses_the_browsers_date_and_time_pickers_like_the_partner_form(editor_client, client):
    article = ArticleFactory(published_at=datetime.datetime(2026, 3, 4, 9, 30, tzinfo=datetime.UTC))
    article.original_published_on = datetime.date(2025, 12, 31)
    article.save()

    fields = inputs(editor_client, reverse("admin:articles_article_change", args=[article.pk]))

    assert (fields["original_published_on"]["type"], fields["original_published_on"]["value"]) == ("date", "2025-12-31")
    assert (fields["published_at_0"]["type"], fields["published_at_0"]["value"]) == ("date", "2026-03-04")
    assert (fields["published_at_1"]["type"], fields["published_at_1"]["value"]) == ("time", "09:30")
    assert "vDateField" not in fields["published_at_0"].get("class", []), "no second, DD/MM/YYYY calendar widget"
    partner_form = inputs(client, reverse("partners:request_article", args=[article.slug]))
    assert partner_form["planned_date"]["type"] == fields["original_published_on"]["type"]
