from django.core.management.base import BaseCommand

from articles.models import Article
from devtools.demo.loader import load_demo_content


class Command(BaseCommand):
    help = "Load the demo publication (the seed article and the hand-written articles). Safe to run again."

    def handle(self, *args, **options):
        article = load_demo_content()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {Article.objects.count()} articles; the seed article is at "
                f"{article.get_absolute_url()}"
            )
        )
