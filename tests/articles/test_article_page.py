import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_demo_seed_article_page_renders(client, demo_article):
    response = client.get(demo_article.get_absolute_url())
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == demo_article.title
