#!/bin/sh
# Seeds fuzz/corpus/<target>/ from the fixture and starter sites (run from fuzz/).
set -e
site=../tests/fixtures/site
starter=../src/commands/starter
mkdir -p corpus/inventory corpus/registers corpus/model_card corpus/config corpus/chunks corpus/import corpus/markdown
for f in $site/content/inventory/*.csv; do cp "$f" "corpus/inventory/site-$(basename "$f")"; done
for f in $starter/inventory/*.csv; do cp "$f" "corpus/inventory/starter-$(basename "$f")"; done
for f in $site/content/*.csv $starter/*.csv; do cp "$f" "corpus/registers/$(basename "$(dirname "$f")")-$(basename "$f")"; done
cp $site/content/models/*.md corpus/model_card/
cp $starter/models/*.md corpus/model_card/starter-model.md
cp $site/content/pages/*.md corpus/model_card/page.md
cp $site/candor.toml corpus/config/site.toml
cp $starter/candor.toml corpus/config/starter.toml
cp ../candor.toml corpus/config/demo.toml 2>/dev/null || true
cp ../tests/fixtures/fuzz/chunks/* corpus/chunks/
for f in $site/content/inventory/*.csv; do printf '\003\001\002' | cat - "$f" > "corpus/chunks/site-$(basename "$f")"; done
cp ../tests/fixtures/fuzz/import/* corpus/import/
for f in ../tests/fixtures/modelcards/*/*; do cp "$f" "corpus/import/$(basename "$f")"; done
cp ../tests/fixtures/fuzz/markdown/* corpus/markdown/
for f in $site/content/models/*.md $site/content/pages/*.md; do printf '\001' | cat - "$f" > "corpus/markdown/$(basename "$f")"; done
ls corpus/*
