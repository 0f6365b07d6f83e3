"""Fuzzing with hypothesis: no query string and no partner-form submission makes the site answer 500.

Values are drawn from everything a browser, a bot or a typo can send: any Unicode (control
characters and NUL included), huge and negative numbers, impossible dates, slugs that exist, bytes
that are not UTF-8, repeated and unknown parameters. FUZZ_EXAMPLES sets how many cases each test
tries (default 300; about 25 ms each).
"""

import datetime
import os
from urllib.parse import quote_from_bytes
from urllib.parse import urlencode

import pytest
from django.apps import apps
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from tests.factories import ArticleFactory
from tests.factories import AuthorFactory
from tests.factories import CrossPostFactory
from tests.factories import RegionFactory
from tests.factories import TagFactory
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
QUERY_PARAMETERS = ["page", "q", "region", "theme", "author", "date_from", "date_to"]
SLUGS = ["asia", "energy", "ana-lima", "trade", "the-review", "article-0"]
TRICKY = [
    "", " ", "0", "-1", "00", "+1", "1.5", "1e9", "99999999999999999999999999", "NaN", "inf", "null", "None",
    "[]", "{}", "'", '"', "\\", "%", "%00", "\x00", "a\x00b", "\r\n", "\u2028", "\ufeff", "𝟙", "١٢", "Ⅻ",
    "2024-02-30", "2024-13-01", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "-2024-01-01",
    "2024-1-1", "01/02/2024", "today", "' OR 1=1 --", "<script>", "&#0;", "a" * 5000, *SLUGS,
]  # fmt: skip

values = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=300),
    st.integers().map(str),
    st.dates(min_value=datetime.date(1, 1, 1)).map(datetime.date.isoformat),
    st.text(alphabet=st.characters(codec="ascii"), max_size=30),
)
parameters = st.lists(st.tuples(st.sampled_from([*QUERY_PARAMETERS, "utm_source", "x"]), values), max_size=8)
# Raw, percent-encoded bytes: invalid UTF-8 and overlong sequences included.
raw_query = st.lists(st.tuples(st.sampled_from(QUERY_PARAMETERS), st.binary(max_size=40)), min_size=1, max_size=4).map(
    lambda pairs: "&".join(f"{key}={quote_from_bytes(value)}" for key, value in pairs)
)


@pytest.fixture
def public_paths(db):
    author, region, theme, tag = (
        AuthorFactory(slug="ana-lima"),
        RegionFactory(slug="asia"),
        ThemeFactory(slug="energy"),
        TagFactory(name="trade"),
    )
    source_article = CrossPostFactory(slug="article-0", authors=[author], regions=[region], themes=[theme], tags=[tag])
    source_article.source.slug = "the-review"
    source_article.source.save()
    for _ in range(3):
        ArticleFactory(authors=[author], regions=[region])
    return [
        "/",
        "/search/",
        "/region/asia/",
        "/theme/energy/",
        "/tag/trade/",
        "/author/ana-lima/",
        "/source/the-review/",
        "/feeds/rss/",
        "/region/asia/atom/",
        source_article.get_absolute_url(),
    ]


@pytest.mark.parametrize("queries", [parameters.map(urlencode), raw_query], ids=["any-parameters", "undecodable-bytes"])
def test_query_strings_of_public_pages_never_cause_a_server_error(client, public_paths, queries):
    @FUZZ
    @given(path=st.sampled_from(public_paths), query=queries)
    def check(path, query):
        response = client.get(f"{path}?{query}")
        assert response.status_code < 500, (path, query)

    check()


@pytest.mark.skipif(not apps.is_installed("partners"), reason="the partner form lives in the partners app")
def test_partner_form_submissions_never_cause_a_server_error(client, public_paths, settings):
    from partners.forms import PermissionRequestForm
    from partners.models import PermissionRequest

    settings.PERMISSION_REQUESTS_PER_HOUR = 1_000_000
    fields = [*PermissionRequestForm.base_fields, "unknown", "csrfmiddlewaretoken"]
    plausible = {
        "medium": st.sampled_from(["print", "newsletter", "other", "", "PRINT", "x"]),
        "planned_date": st.one_of(
            st.dates(min_value=datetime.date(1, 1, 1)).map(datetime.date.isoformat), st.sampled_from(TRICKY)
        ),
        "agreed_to_terms": st.sampled_from(["on", "", "true", "false", "0"]),
        "article_url": st.one_of(
            st.sampled_from(["http://testserver/articles/article-0/", "testserver/articles/article-0", "/articles/"]),
            values,
        ),
        "email": st.one_of(st.emails().map(str), values),
    }
    garbage = st.dictionaries(
        st.sampled_from(fields),
        st.one_of(values, st.lists(values, max_size=3)),
        max_size=len(fields),
    ).flatmap(
        lambda data: st.fixed_dictionaries({name: plausible[name] for name in plausible if name in data}).map(
            lambda chosen: {**data, **chosen}
        )
    )
    # Every required field present and plausible, the text in them anything: reaches the saving and mailing.
    line = st.text(min_size=1, max_size=200)
    complete = st.fixed_dictionaries(
        {
            "name": line,
            "organisation": line,
            "email": st.emails().map(str),
            "medium": st.sampled_from(["print", "newsletter", "translation"]),
            "publication_name": line,
            "publication_url": st.one_of(
                st.just(""), st.sampled_from(["https://weekly.example.com/", "weekly.example"])
            ),
            "planned_date": st.dates(
                min_value=datetime.date.today() + datetime.timedelta(days=1), max_value=datetime.date(9999, 12, 31)
            ).map(datetime.date.isoformat),
            "audience": st.text(max_size=200),
            "message": st.text(max_size=6000),
            "agreed_to_terms": st.just("on"),
            "article_url": st.just("http://testserver/articles/article-0/"),
        }
    )
    form_data = st.one_of(garbage, complete)

    @FUZZ
    @given(path=st.sampled_from(["/republish/", "/republish/article-0/"]), data=form_data)
    def check(path, data):
        response = client.post(path, data)
        assert response.status_code < 500, (path, data)

    check()
    assert PermissionRequest.objects.exists()  # the fuzzing reached the path that stores and mails a request
