#!/usr/bin/env bash
# Builds the FerretDB test wrapper into .cache/ferretdb/ferretdb at the repository root.
# Needs only Go and the module proxy. Skips the build when the binary is newer than its
# sources, and writes through a temporary file so an interrupted build never looks done.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"
out_dir="$repo_root/.cache/ferretdb"
binary="$out_dir/ferretdb"

is_up_to_date() {
  [[ -x "$binary" ]] || return 1
  local source
  for source in main.go go.mod go.sum build.sh; do
    [[ "$binary" -nt "$script_dir/$source" ]] || return 1
  done
}

if is_up_to_date; then
  echo "$binary"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "build.sh: Go is not installed (or not on PATH); it is needed to build FerretDB for the tests" >&2
  exit 127
fi

mkdir -p "$out_dir"
tmp_binary="$(mktemp "$out_dir/ferretdb.XXXXXX")"
trap 'rm -f "$tmp_binary"' EXIT

# -buildvcs=false: the wrapper sits inside this repository, whose git state is irrelevant.
(cd "$script_dir" && go build -buildvcs=false -trimpath -o "$tmp_binary" .)
chmod +x "$tmp_binary"
mv -f "$tmp_binary" "$binary"
trap - EXIT

echo "$binary"
