from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from devtools import corpus


class Command(BaseCommand):
    help = (
        "Generate a large, deterministic corpus of articles for benchmarks (authors, sources, regions, themes, "
        "tags), with bulk writes. --reset first removes what an earlier run generated, and nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=0, help="How many articles to generate.")
        parser.add_argument("--seed", type=int, default=1, help="The same seed gives the same corpus.")
        parser.add_argument("--reset", action="store_true", help="Remove generated content first.")

    def handle(self, *args, articles, seed, reset, verbosity, **options):
        if articles < 0:
            raise CommandError("--articles must be zero or more.")
        if not articles and not reset:
            raise CommandError("Say how many articles to generate (--articles N), or --reset to remove them.")
        if reset:
            removed = corpus.remove_generated()
            self.stdout.write("Removed generated content: " + ", ".join(f"{n} {what}" for what, n in removed.items()))
        elif corpus.generated_articles().exists():
            raise CommandError("Generated content is already here: add --reset to replace it.")
        if not articles:
            return
        with tqdm(total=articles, unit="article", disable=verbosity < 1, file=self.stderr._out) as progress:
            report = corpus.generate(articles, seed=seed, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {report.articles} articles, {report.authors} authors, {report.sources} sources, "
                f"{report.regions} regions, {report.themes} themes and {report.tags} tags "
                f"in {report.seconds:.1f} s (seed {seed})."
            )
        )
