import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import Status
from tests.factories import ArticleFactory, AuthorFactory, RegionFactory, ThemeFactory, publication_settings

pytestmark = pytest.mark.django_db


def test_home_shows_latest_three_per_region_and_theme_and_links_every_term(client):
    europe, empty = RegionFactory(name="Europe"), RegionFactory(name="Antarctica")
    energy = ThemeFactory(name="Energy")
    for day in range(5):
        ArticleFactory(
            title=f"Europe story {day}",
            regions=[europe],
            themes=[energy],
            published_at=datetime.datetime(2024, 1, day + 1, 10, tzinfo=datetime.UTC),
        )
    ArticleFactory(title="Europe draft", regions=[europe], status=Status.DRAFT)
    soup = BeautifulSoup(client.get(reverse("articles:home")).content, "html.parser")
    sections = {section.h2.get_text(): section for section in soup.select("section.term-section")}
    europe_block = next(div for div in sections["Regions"].select(".term-latest") if div.h3.get_text() == "Europe")
    assert [li.a.get_text() for li in europe_block.select("li")] == [
        "Europe story 4",
        "Europe story 3",
        "Europe story 2",
    ]
    energy_block = sections["Themes"].select_one(".term-latest")
    assert energy_block.h3.a["href"] == energy.get_absolute_url()
    all_regions = [a["href"] for a in sections["Regions"].select(".all-terms a")]
    assert empty.get_absolute_url() in all_regions and europe.get_absolute_url() in all_regions
    assert "Europe draft" not in soup.get_text()


@pytest.mark.usefixtures("page_cache_off")
@pytest.mark.parametrize("count", [1, 20])
def test_home_query_count_is_constant(client, django_assert_num_queries, count):
    publication_settings()  # as on a real site: made once, not by the first reader (which changes the pages)
    regions, themes, authors = (
        RegionFactory.create_batch(3),
        ThemeFactory.create_batch(3),
        AuthorFactory.create_batch(3),
    )
    for _ in range(count):
        ArticleFactory(regions=regions, themes=themes, authors=authors)
    client.get("/")  # warm the publication settings and the sections (kept by `remember`)
    # total + page + bylines + regions
    with django_assert_num_queries(4):
        response = client.get("/")
    assert response.status_code == 200
