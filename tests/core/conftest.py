import pytest

from tests.origin_server import origin_server


@pytest.fixture
def origin():
    """Another site, on 127.0.0.1: set its pages with origin.page(...), origin.redirect(...), ..."""
    with origin_server() as server:
        yield server
