#!/usr/bin/env bash
# make release-snapshot-signed: the release build with its signing step, offline.
# It makes a throwaway GPG key in a temporary GNUPGHOME, runs goreleaser in
# snapshot mode with GPG_FINGERPRINT naming that key (so .goreleaser.yml's
# signs section runs as it will for a release), checks dist/ as
# make release-snapshot does, then checks the signature the way the registries
# do: a binary detached signature of the SHA256SUMS file, made by the key
# whose public half is registered with them. It also checks the registry
# manifest declares plugin protocol 6.0.
#
#   GORELEASER  the goreleaser binary (the Makefile passes its pinned one)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
goreleaser=${GORELEASER:?GORELEASER must name the goreleaser binary}

GNUPGHOME=$(mktemp -d "${TMPDIR:-/tmp}/arize-gnupg.XXXXXX")
export GNUPGHOME
cleanup() {
  # Stop only the agent of this throwaway home, then remove it.
  gpgconf --kill gpg-agent 2>/dev/null || true
  rm -rf "$GNUPGHOME"
}
trap cleanup EXIT
chmod 700 "$GNUPGHOME"

# The registries take RSA (or DSA) keys; this one lives a day and signs only.
gpg --batch --quiet --passphrase '' \
  --quick-generate-key "terraform-provider-arize snapshot (throwaway) <snapshot@invalid>" rsa4096 sign 1d
fingerprint=$(gpg --batch --with-colons --list-secret-keys | awk -F: '$1 == "fpr" {print $10; exit}')
echo "throwaway signing key: $fingerprint"

cd "$root"
# The registries read the plugin protocol from the manifest; the provider
# (terraform-plugin-framework) speaks protocol 6 only.
if [[ $(tr -d ' \n\t' <terraform-registry-manifest.json) != '{"version":1,"metadata":{"protocol_versions":["6.0"]}}' ]]; then
  echo "terraform-registry-manifest.json must declare protocol_versions [\"6.0\"]" >&2
  exit 1
fi

GPG_FINGERPRINT=$fingerprint "$goreleaser" release --snapshot --clean
./scripts/check-release.sh dist

sums=$(ls dist/*_SHA256SUMS)
sig="$sums.sig"
if [[ ! -f $sig ]]; then
  echo "goreleaser wrote no signature $sig" >&2
  exit 1
fi
if grep -q -- '-----BEGIN PGP' "$sig"; then
  echo "$sig is ASCII-armored; the registries want a binary detached signature" >&2
  exit 1
fi
status=$(gpg --batch --status-fd 1 --verify "$sig" "$sums" 2>/dev/null || true)
if ! grep -q "^\[GNUPG:\] VALIDSIG $fingerprint " <<<"$status"; then
  echo "$sig is not a valid signature of $sums by $fingerprint:" >&2
  echo "$status" >&2
  exit 1
fi
echo "signature verified: $(basename "$sig") signs $(basename "$sums") with key $fingerprint"
