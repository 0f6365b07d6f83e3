"""Load the demo publication; safe to run again (everything is keyed on slugs)."""

import datetime
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw

from articles.models import Article, Region, Status, Theme
from articles.services import article_save
from attribution.models import CopyrightHolders, PublicationSettings, Source
from authors.models import Author
from images.models import Image
from images.services import image_create, image_process

from . import generated, seed

GENERATED_ARTICLES = 36
LOADED = "Loaded by load_demo."  # what each article's revision says


def _upsert(model, lookup, **values):
    obj, _ = model.objects.update_or_create(**lookup, defaults=values)
    return obj


def _article(slug, **values):
    """The demo article with this slug, as it is stored or new, with `values` set (and not yet saved)."""
    article = Article.objects.filter(slug=slug).first() or Article(slug=slug)
    for name, value in values.items():
        setattr(article, name, value)
    return article


def _demo_picture(width=1200, height=800):
    """A generated stand-in photograph: we ship no one else's pictures."""
    picture = PILImage.new("RGB", (width, height), (34, 78, 120))
    draw = ImageDraw.Draw(picture)
    for band in range(0, height, 40):
        shade = 60 + (band * 120) // height
        draw.rectangle([0, band, width, band + 20], fill=(shade, 110, 160))
    draw.ellipse([width // 2 - 150, height // 2 - 250, width // 2 + 150, height // 2 + 50], fill=(230, 200, 170))
    draw.rectangle([width // 2 - 220, height // 2 + 50, width // 2 + 220, height], fill=(20, 30, 60))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return ContentFile(buffer.getvalue(), name="demo-duque.jpg")


@transaction.atomic
def load_seed_article():
    PublicationSettings.objects.update_or_create(
        pk=PublicationSettings.singleton_instance_id, defaults=seed.PUBLICATION
    )
    author = _upsert(Author, {"slug": seed.AUTHOR["slug"]}, **seed.AUTHOR)
    source = _upsert(Source, {"slug": seed.SOURCE["slug"]}, **seed.SOURCE)
    region = _upsert(Region, {"slug": seed.REGION["slug"]}, **seed.REGION)
    themes = [_upsert(Theme, {"slug": theme["slug"]}, **theme) for theme in seed.THEMES]

    figure = Image.objects.filter(alt_text=seed.FIGURE["alt_text"]).first()
    if figure is None:
        figure = image_create(file=_demo_picture(), **seed.FIGURE)
    else:
        Image.objects.filter(pk=figure.pk).update(caption=seed.FIGURE["caption"], credit=seed.FIGURE["credit"])
        if not figure.renditions:
            # Loaded before the library made renditions at upload.
            image_process(image=figure)

    article = _article(
        seed.SLUG,
        title=seed.TITLE,
        dek=seed.DEK,
        body=seed.BODY.replace("{figure}", figure.embed_code),
        status=Status.PUBLISHED,
        published_at=seed.SITE_DATE,
        source=source,
        original_url=seed.ORIGINAL_URL,
        original_published_on=seed.ORIGINAL_DATE,
        copyright_holders=CopyrightHolders.AUTHORS_AND_SOURCE,
        copyright_year=2018,
    )
    return article_save(
        article=article, authors=[author], regions=[region], themes=themes, tags=seed.TAGS, comment=LOADED
    )


@transaction.atomic
def load_generated(count=GENERATED_ARTICLES):
    rng = generated.make_rng()
    authors = []
    for index in range(10):
        name = f"{generated.FIRST[index]} {generated.LAST[index]}"
        authors.append(
            _upsert(
                Author,
                {"slug": slugify(name)},
                name=name,
                affiliation=rng.choice(["Independent researcher", "Economist", "Journalist", "Historian"]),
                short_bio=f"{name} writes about {rng.choice(generated.TOPICS)} and {rng.choice(generated.TOPICS)}.",
                bio=generated.paragraph(rng, 3),
            )
        )
    sources = [
        _upsert(
            Source,
            {"slug": slugify(name)},
            name=name,
            homepage=url,
            description=generated.sentence(rng),
            reprint_terms="Non-commercial reprints allowed with a credit and a link; ask us for anything else.",
        )
        for name, url in generated.SOURCES
    ]
    regions = [
        _upsert(Region, {"slug": slugify(name)}, name=name, description=generated.sentence(rng))
        for name in generated.REGIONS
    ]
    themes = [
        _upsert(Theme, {"slug": slugify(name)}, name=name, description=generated.sentence(rng))
        for name in generated.THEMES
    ]

    start = datetime.datetime(2018, 1, 10, 8, 0, tzinfo=datetime.UTC)
    for index in range(count):
        title = generated.title(rng)
        published = start + datetime.timedelta(days=index * 9, hours=rng.randint(0, 10))
        cross_post = index % 4 != 0
        source = rng.choice(sources) if cross_post else None
        slug = f"demo-{index + 1:03d}-" + slugify(title)[:60].rstrip("-")
        article = _article(
            slug,
            title=title,
            dek=generated.sentence(rng),
            body=generated.body(rng),
            status=Status.PUBLISHED,
            published_at=published,
            source=source,
            original_url=f"{source.homepage}{published:%Y/%m}/{slug}/" if source else "",
            original_published_on=(published - datetime.timedelta(days=1)).date() if source else None,
        )
        article_save(
            article=article,
            authors=rng.sample(authors, rng.randint(1, 3)),
            regions=rng.sample(regions, rng.randint(1, 2)),
            themes=rng.sample(themes, rng.randint(1, 2)),
            tags=rng.sample(generated.TAGS, rng.randint(1, 3)),
            comment=LOADED,
        )


def load_demo_content():
    article = load_seed_article()
    load_generated()
    return article
