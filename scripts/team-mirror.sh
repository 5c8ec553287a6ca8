#!/usr/bin/env bash
# make team-mirror: lay out the release zips in DIST (what make
# release-snapshot writes into dist/, or the assets downloaded from a GitHub
# release) as a filesystem mirror in MIRROR, in the packed layout both CLIs
# read:
#
#   MIRROR/<hostname>/arize-ai/arize/terraform-provider-arize_<version>_<os>_<arch>.zip
#
# under registry.terraform.io (Terraform) and registry.opentofu.org
# (OpenTofu). Each zip is checked against the release's SHA256SUMS first.
# Run it once per release into the same MIRROR: versions accumulate.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 DIST MIRROR" >&2
  exit 2
fi
dist=$1
mirror=$2
hosts=(registry.terraform.io registry.opentofu.org)

shopt -s nullglob
sums=("$dist"/terraform-provider-arize_*_SHA256SUMS)
if [[ ${#sums[@]} -ne 1 ]]; then
  echo "want exactly one terraform-provider-arize_<version>_SHA256SUMS in $dist, found ${#sums[@]}" >&2
  exit 1
fi
sums=${sums[0]}
version=$(basename "$sums" _SHA256SUMS)
version=${version#terraform-provider-arize_}

zips=("$dist"/terraform-provider-arize_"${version}"_*.zip)
if [[ ${#zips[@]} -eq 0 ]]; then
  echo "no terraform-provider-arize_${version}_<os>_<arch>.zip in $dist" >&2
  exit 1
fi
# SHA256SUMS also lists the registry manifest, which is not a zip.
sha256=(sha256sum)
command -v sha256sum >/dev/null || sha256=(shasum -a 256) # macOS
(cd "$dist" && grep '\.zip$' "$(basename "$sums")" | "${sha256[@]}" --quiet -c -)

for host in "${hosts[@]}"; do
  dir="$mirror/$host/arize-ai/arize"
  mkdir -p "$dir"
  cp "${zips[@]}" "$dir/"
done
platforms=$(for z in "${zips[@]}"; do z=$(basename "$z" .zip); echo "${z#terraform-provider-arize_"${version}"_}"; done | tr '\n' ' ')
echo "mirrored terraform-provider-arize $version (${#zips[@]} platforms: ${platforms% }) into $mirror"
versions=$(cd "$mirror/${hosts[0]}/arize-ai/arize" && ls ./*.zip | sed -n 's/.*terraform-provider-arize_\(.*\)_[^_]*_[^_]*\.zip$/\1/p' | sort -u | tr '\n' ' ')
echo "versions in the mirror: ${versions% }"
# The CLIs read a packed mirror's file names in lower case: a snapshot's
# 0.0.0-SNAPSHOT-abc1234 is found as 0.0.0-snapshot-abc1234.
lower=$(tr '[:upper:]' '[:lower:]' <<<"$version")
if [[ $lower != "$version" ]]; then
  echo "the CLIs see this version as $lower: pin it as version = \"$lower\""
fi
