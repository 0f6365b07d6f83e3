"""factory_boy factories for every model; tests build their data here, never from JSON fixtures."""

import datetime
import io

import factory
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from taggit.models import Tag

from articles.models import Article
from articles.models import Correction
from articles.models import Region
from articles.models import Status
from articles.models import Theme
from articles.services import article_set_authors
from articles.services import correction_add
from attribution.models import PublicationSettings
from attribution.models import Source
from authors.models import Author
from images.models import Image
from images.services import image_create


def png_bytes(width=40, height=30, color=(200, 30, 30), fmt="PNG"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), color).save(buffer, format=fmt)
    return buffer.getvalue()


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    short_bio = factory.LazyAttribute(lambda o: f"{o.name} writes about geopolitics.")
    bio = factory.LazyAttribute(lambda o: f"{o.name} is an analyst. This is the full bio.")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Source {n}")
    slug = factory.Sequence(lambda n: f"source-{n}")
    homepage = factory.Sequence(lambda n: f"https://source{n}.example.org/")
    reprint_terms = "Credit the author and link back."


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    description = factory.LazyAttribute(lambda o: f"All about {o.name}.")


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    description = factory.LazyAttribute(lambda o: f"Articles on {o.name}.")


class ImageFactory(factory.django.DjangoModelFactory):
    """A library image as pages see an upload once its rendition task has run: cleaned, resized (images.services)."""

    class Meta:
        model = Image

    file = factory.LazyFunction(lambda: ContentFile(png_bytes(), name="picture.png"))
    alt_text = "A red rectangle"
    caption = "A caption written for the test."
    credit = "Photo: Test Agency"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return image_create(renditions_now=True, **kwargs)


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article; pass `authors=[...]`, `regions=[...]`, `themes=[...]`, `tags=[...]`."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Article number {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    dek = "A standfirst that sums up the argument."
    body = "<p>Body text of the article.</p>"
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            article_set_authors(article=self, authors=extracted)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if create and extracted:
            self.regions.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


class CrossPostFactory(ArticleFactory):
    source = factory.SubFactory(SourceFactory)
    original_url = factory.Sequence(lambda n: f"https://original.example.org/2018/06/story-{n}/")
    original_published_on = datetime.date(2018, 6, 6)


class CorrectionFactory(factory.django.DjangoModelFactory):
    """A correction to a published article, made as editors make them (articles.services.correction_add)."""

    class Meta:
        model = Correction

    article = factory.SubFactory(ArticleFactory)
    what_was_wrong = "An earlier version of this article said the port opened in 2019."
    what_is_right = "It opened in 2018."

    @classmethod
    def _create(cls, model_class, *, article, **values):
        return correction_add(article=article, **values)


def publication_settings(**values):
    settings, _ = PublicationSettings.objects.update_or_create(
        pk=PublicationSettings.singleton_instance_id, defaults=values
    )
    return settings


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


def article_admin_data(*, authors=(), **values):
    """POST data for the admin's article add form; `authors` is a list of (author, order) pairs."""
    data = {
        "title": "An article written in the admin",
        "slug": "an-article-written-in-the-admin",
        "dek": "",
        "body": "<p>Body.</p>",
        "lead_image": "",
        "status": Status.DRAFT,
        "published_at_0": "",
        "published_at_1": "",
        "new_tags": "",
        "source": "",
        "original_url": "",
        "original_published_on": "",
        "copyright_holders": "",
        "copyright_holder_other": "",
        "copyright_year": "",
        "canonical_policy": "",
        "disclaimer": "",
        "author_links-TOTAL_FORMS": str(len(authors)),
        "author_links-INITIAL_FORMS": "0",
        "author_links-MIN_NUM_FORMS": "0",
        "author_links-MAX_NUM_FORMS": "1000",
        # The corrections inline, shown on a published article's form: none added.
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for index, (author, order) in enumerate(authors):
        data[f"author_links-{index}-author"] = str(author.pk)
        data[f"author_links-{index}-order"] = str(order)
    data.update(values)
    return data


def form_values(html, selector):
    """What a browser would submit from the form `selector` of a page, as it stands (submit buttons aside)."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    data = {}
    for field in form.select("input, textarea, select"):
        name = field.get("name")
        if not name or field.get("type") in {"submit", "checkbox"} and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = [option["value"] for option in field.select("option[selected]")]
            data[name] = chosen if field.has_attr("multiple") else (chosen[0] if chosen else "")
        else:
            data[name] = field.get("value", "")
    return data


class PermissionRequestFactory(factory.django.DjangoModelFactory):
    """A partner's request to republish a published article, as the public form stores it."""

    class Meta:
        model = "partners.PermissionRequest"

    name = "Ada Partner"
    organisation = factory.Sequence(lambda n: f"Partner Press {n}")
    email = factory.Sequence(lambda n: f"partner{n}@press.example.com")
    article = factory.SubFactory(CrossPostFactory)
    medium = "print"
    publication_name = "The Partner Weekly"
    publication_url = "https://weekly.example.com/"
    planned_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    audience = "12,000 copies"
    message = "We would run it in our Sunday edition."
    agreed_to_terms = True
    # Editors told and partner acknowledged, as after a normal submission; pass None to leave one owed.
    notified_at = factory.LazyFunction(timezone.now)
    acknowledged_at = factory.LazyFunction(timezone.now)
