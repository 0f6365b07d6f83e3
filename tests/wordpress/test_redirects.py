"""Old permalinks keep working: each imported live post's old path answers 301 with its new address."""

import pytest
from django.contrib.redirects.models import Redirect

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_old_permalink_answers_301_with_the_new_article_address(imported, client):
    response = client.get("/2023/05/pipeline-politics/")
    assert response.status_code == 301
    assert response["Location"] == Article.objects.get(title="Pipeline politics in the Sahel").get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_old_permalink_without_its_trailing_slash_redirects_too(imported, client):
    response = client.get("/2023/10/two-voices", follow=True)
    assert response.redirect_chain[-1] == ("/articles/two-voices/", 301)


def test_percent_encoded_non_ascii_permalink_redirects(imported, client):
    # WordPress writes lower-case escapes; browsers and Django use upper case: both arrive.
    for path in ("/2023/06/%d1%83%d1%87%d1%91%d0%bd%d1%8b%d0%b5/", "/2023/06/%D1%83%D1%87%D1%91%D0%BD%D1%8B%D0%B5/"):
        response = client.get(path)
        assert response.status_code == 301, path
        assert response["Location"] == "/articles/ca-change/"


def test_redirects_are_rows_editors_can_see_in_the_admin(imported):
    assert set(Redirect.objects.values_list("old_path", "new_path")) == {
        ("/2023/05/pipeline-politics/", "/articles/pipeline-politics/"),
        ("/2023/06/%D1%83%D1%87%D1%91%D0%BD%D1%8B%D0%B5/", "/articles/ca-change/"),
        ("/2023/10/two-voices/", "/articles/two-voices/"),
    }


def test_posts_readers_cannot_see_get_no_redirect(imported, client):
    # Password-protected, private and trashed posts: their old addresses stay gone.
    for path in ("/2023/07/leaked-memo/", "/2023/09/private-thoughts/", "/2023/08/thrown-away/"):
        assert client.get(path).status_code == 404, path


def test_a_plain_permalink_is_reported_since_no_redirect_can_answer_it(imported):
    assert "its old address /?p=103 is a query on the home page, which no redirect can answer" in imported
