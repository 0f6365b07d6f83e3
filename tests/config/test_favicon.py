import pytest
from bs4 import BeautifulSoup
from django.templatetags.static import static
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == static("favicon.svg")
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize("name", ["admin:index", "admin:articles_article_changelist", "admin:articles_article_add"])
def test_every_admin_page_names_the_icon(editor_client, name):
    soup = BeautifulSoup(editor_client.get(reverse(name)).content, "html.parser")
    assert soup.select_one('head link[rel="icon"]')["href"] == static("favicon.svg")
    assert soup.select_one(f'head link[rel="stylesheet"][href="{static("css/admin.css")}"]')
