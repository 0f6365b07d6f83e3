"""Development tools, kept out of the product: the demo publication, the benchmark corpus, a made-up
WordPress export, and `make bench`. Installed by the local, bench and test settings only."""
