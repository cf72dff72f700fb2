#!/usr/bin/env bash
# Fetches the official VDV 463 JSON schemas at pinned commits of the public VDV repository into DEST
# (default .vdv463-schemas, git-ignored) as DEST/1.0.0 and DEST/2.0.0, and checks every file against
# scripts/vdv463-schemas.sha256 (the copies CI keeps in ../shared/vdv463-schemas). A fetch that does
# not match is discarded, so the tests never run against other schemas than CI's.
#
#   scripts/fetch_vdv463_schemas.sh [DEST]        fetch (what `make vdv463-schemas` runs)
#   scripts/fetch_vdv463_schemas.sh --verify DIR  only check DIR against the manifest
#
# The pins (environment, defaults below): VDV463_REPO, and per version the commit and the folder in
# the repository that holds that version's files: VDV463_COMMIT_2_0_0 / VDV463_PATH_2_0_0,
# VDV463_COMMIT_1_0_0 / VDV463_PATH_1_0_0.
set -euo pipefail
cd "$(dirname "$0")/.."
MANIFEST=scripts/vdv463-schemas.sha256

VDV463_REPO=${VDV463_REPO:-https://github.com/VDVde/VDV463.git}
# No commit of VDVde/VDV463 whose files match the manifest is known yet (README "Running the tests"):
# fill these in once one is found; the checksums reject a wrong pin.
VDV463_COMMIT_2_0_0=${VDV463_COMMIT_2_0_0:-}
VDV463_PATH_2_0_0=${VDV463_PATH_2_0_0:-schema}
VDV463_COMMIT_1_0_0=${VDV463_COMMIT_1_0_0:-}
VDV463_PATH_1_0_0=${VDV463_PATH_1_0_0:-schema}

verify() {
    (cd "$1" && sha256sum --quiet --strict -c "$OLDPWD/$MANIFEST")
}

if [ "${1:-}" = "--verify" ]; then
    verify "${2:?usage: $0 --verify DIR}"
    echo "VDV 463 schemas in $2 match $MANIFEST"
    exit 0
fi

DEST=${1:-.vdv463-schemas}
if [ -z "$VDV463_COMMIT_2_0_0" ] || [ -z "$VDV463_COMMIT_1_0_0" ]; then
    echo "no pinned VDV 463 commit: set VDV463_COMMIT_2_0_0 and VDV463_COMMIT_1_0_0 (and VDV463_PATH_*)," >&2
    echo "or put the schemas in ../shared/vdv463-schemas or BUSBAR_VDV463_SCHEMAS" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/out"

# copy VERSION COMMIT PATH: the manifest's files of VERSION from PATH at COMMIT.
copy() {
    local version=$1 commit=$2 path=$3 checkout="$work/repo-$1"
    git init -q "$checkout"
    git -C "$checkout" fetch -q --depth 1 "$VDV463_REPO" "$commit"
    mkdir -p "$work/out/$version"
    for name in $(awk -v v="$version/" 'index($2, v) == 1 { sub(v, "", $2); print $2 }' "$MANIFEST"); do
        git -C "$checkout" show "FETCH_HEAD:$path/$name" > "$work/out/$version/$name"
    done
}
copy 2.0.0 "$VDV463_COMMIT_2_0_0" "$VDV463_PATH_2_0_0"
copy 1.0.0 "$VDV463_COMMIT_1_0_0" "$VDV463_PATH_1_0_0"

if ! verify "$work/out"; then
    echo "the fetched VDV 463 schemas differ from $MANIFEST: wrong pin?" >&2
    exit 1
fi
rm -rf "$DEST"
mv "$work/out" "$DEST"
echo "VDV 463 schemas fetched into $DEST ($VDV463_REPO 2.0.0 at $VDV463_COMMIT_2_0_0, 1.0.0 at $VDV463_COMMIT_1_0_0)"
