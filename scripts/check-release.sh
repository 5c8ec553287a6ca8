#!/usr/bin/env bash
# Checks what 'goreleaser release --snapshot' left in DIST: a zip for every
# platform the registry serves, SHA256SUMS that match them and include the
# registry manifest, and a binary that reports the version it was built as.
set -euo pipefail

dist=${1:-dist}
cd "$dist"

platforms=(darwin_amd64 darwin_arm64 freebsd_386 freebsd_amd64 freebsd_arm freebsd_arm64
  linux_386 linux_amd64 linux_arm linux_arm64 windows_386 windows_amd64 windows_arm64)
sums=$(ls ./*_SHA256SUMS)
version=$(basename "$sums" _SHA256SUMS)
version=${version#terraform-provider-arize_}

missing=0
for p in "${platforms[@]}"; do
  zip="terraform-provider-arize_${version}_${p}.zip"
  if [[ ! -f $zip ]]; then
    echo "missing: $zip" >&2
    missing=1
  elif ! grep -q " $zip\$" "$sums"; then
    echo "not in $sums: $zip" >&2
    missing=1
  fi
done
if ! grep -q " terraform-provider-arize_${version}_manifest.json\$" "$sums"; then
  echo "the registry manifest is not in $sums" >&2
  missing=1
fi
[[ $missing -eq 0 ]] || exit 1

# The manifest is listed under its release name but not copied into dist:
# check its sum against the repository's file, and every archive in place.
manifest="terraform-provider-arize_${version}_manifest.json"
want=$(awk -v f="$manifest" '$2 == f {print $1}' "$sums")
have=$(sha256sum < ../terraform-registry-manifest.json | cut -d' ' -f1)
if [[ $want != "$have" ]]; then
  echo "$sums lists the manifest with another sum than terraform-registry-manifest.json" >&2
  exit 1
fi
grep -v " $manifest\$" "$sums" | sha256sum --quiet -c -

# The linux/amd64 binary must report the version it was built as.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unzip -q "terraform-provider-arize_${version}_linux_amd64.zip" -d "$tmp"
reported=$("$tmp"/terraform-provider-arize_v"$version" -version)
if [[ $reported != "terraform-provider-arize $version (commit "* ]]; then
  echo "the binary reports '$reported', not version $version" >&2
  exit 1
fi
echo "release snapshot $version: ${#platforms[@]} platforms, checksums and manifest verified; binary says: $reported"
