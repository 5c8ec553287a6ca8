#!/usr/bin/env bash
# make install-local: build the provider for this machine and put it where
# 'terraform init' and 'tofu init' look without any CLI configuration, their
# implied local mirror, so that a configuration with only
#
#   arize = { source = "arize-ai/arize", version = "~> 0.1" }
#
# installs it, records it in .terraform.lock.hcl and honours the version
# constraint, as it will from the registry. Both CLIs read
# ~/.terraform.d/plugins (%APPDATA%\terraform.d\plugins on Windows), and
# each looks under its own registry's hostname: Terraform under
# registry.terraform.io, OpenTofu under registry.opentofu.org. The same
# binary goes under both.
#
#   VERSION      the version to build and install as, without a leading v;
#                default 0.1.0. Several versions live side by side.
#   COMMIT       the commit the binary reports; default git's short HEAD.
#   PLUGINS_DIR  the mirror's root; default the implied one above (under
#                HOME, which is respected).
#   FORCE=1      replace a version already installed from another build.
#                Without it that is refused: a lock file that recorded the
#                old build's checksum would refuse the new one.
#   BUILDFLAGS   go build's flags besides -ldflags; default -trimpath, as
#                make build and the release build. The install test sets
#                it empty to reuse what the test run has already compiled.
#
# With --uninstall it removes every installed version instead: while any
# version of arize-ai/arize is in the implied mirror, neither CLI fetches
# this provider from a registry.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
hosts=(registry.terraform.io registry.opentofu.org)
namespace=arize-ai
type=arize

goos=$(go env GOOS)
goarch=$(go env GOARCH)
if [[ -z ${PLUGINS_DIR:-} ]]; then
  if [[ $goos == windows ]]; then
    PLUGINS_DIR="${APPDATA:?APPDATA is not set}/terraform.d/plugins"
  else
    PLUGINS_DIR="${HOME:?HOME is not set}/.terraform.d/plugins"
  fi
fi

if [[ ${1:-} == --uninstall ]]; then
  for host in "${hosts[@]}"; do
    dir="$PLUGINS_DIR/$host/$namespace/$type"
    if [[ -d $dir ]]; then
      rm -rf "$dir"
      echo "removed $dir"
    fi
    # Tidy the folders install-local made, if nothing else is in them.
    rmdir "$PLUGINS_DIR/$host/$namespace" "$PLUGINS_DIR/$host" 2>/dev/null || true
  done
  rmdir "$PLUGINS_DIR" 2>/dev/null || true
  exit 0
elif [[ $# -gt 0 ]]; then
  echo "usage: [VERSION=x.y.z] $0 [--uninstall]" >&2
  exit 2
fi

version=${VERSION:-0.1.0}
version=${version#v}
# The CLIs take only a semantic version as a mirror's version directory.
# Lower case only: the CLIs read mirror paths in lower case, so 0.2.0-RC1
# would be found as 0.2.0-rc1 and match no constraint that says RC1.
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9a-z.-]+)?$ ]]; then
  echo "VERSION=$version is not a semantic version in lower case, such as 0.1.0 or 0.2.0-dev.1" >&2
  exit 2
fi
commit=${COMMIT:-$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo none)}

exe=""
[[ $goos == windows ]] && exe=.exe
binary="terraform-provider-${type}_v${version}${exe}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/arize-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# By default -trimpath, as make build and the release (.goreleaser.yml).
read -r -a buildflags <<<"${BUILDFLAGS--trimpath}"
go build -C "$root" ${buildflags[@]+"${buildflags[@]}"} -ldflags "-X main.version=$version -X main.commit=$commit" -o "$tmp/$binary" .

reported=$("$tmp/$binary" -version)
if [[ $reported != "terraform-provider-arize $version (commit "* ]]; then
  echo "the binary reports '$reported', not version $version" >&2
  exit 1
fi

for host in "${hosts[@]}"; do
  installed="$PLUGINS_DIR/$host/$namespace/$type/$version/${goos}_${goarch}/$binary"
  if [[ -f $installed && ${FORCE:-} != 1 ]] && ! cmp -s "$installed" "$tmp/$binary"; then
    cat >&2 <<MSG
$version is already installed from another build:
  $installed
A .terraform.lock.hcl that recorded it would refuse this build, whose checksum
differs. Install the change as a new version (make install-local VERSION=x.y.z,
then terraform init -upgrade), or replace $version with FORCE=1 and then delete
the arize-ai/arize block from each lock file that names $version and run
terraform init again.
MSG
    exit 1
  fi
done

for host in "${hosts[@]}"; do
  dir="$PLUGINS_DIR/$host/$namespace/$type/$version/${goos}_${goarch}"
  # Replace the whole platform folder: a mirror folder must hold only the
  # provider's files, and its checksum (h1:) covers them all.
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$tmp/$binary" "$dir/$binary"
  chmod 0755 "$dir/$binary"
  echo "installed $dir/$binary"
done

versions=$(cd "$PLUGINS_DIR/${hosts[0]}/$namespace/$type" && ls | tr '\n' ' ')
echo "$reported; versions installed: ${versions% }"
if [[ $version == *-* ]]; then
  # A constraint never selects a pre-release unless it names it exactly.
  echo "Use it with: arize = { source = \"$namespace/$type\", version = \"$version\" }"
else
  echo "Use it with: arize = { source = \"$namespace/$type\", version = \"~> ${version%.*}\" }"
fi
