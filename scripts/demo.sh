#!/usr/bin/env bash
# make demo: build the provider and the emulator, start the emulator on a
# free loopback port, apply the documented example with a CLI configuration
# that uses dev_overrides, prove the second plan is empty, destroy, and stop
# the emulator. Needs nothing beyond the Go module proxy.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
terraform=${TERRAFORM:-$root/.cache/bin/terraform}
work=$(mktemp -d "${TMPDIR:-/tmp}/arize-demo.XXXXXX")
emulator_pid=""

cleanup() {
  if [[ -n $emulator_pid ]]; then
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n==> %s\n' "$*"; }

step "Building the provider and the emulator"
go build -C "$root" -o "$work/bin/terraform-provider-arize" .
go build -C "$root" -o "$work/arize-emulator" ./cmd/arize-emulator

# The demo's own throwaway keys: the emulator's, and the LLM vendors'.
export ARIZE_API_KEY="demo-arize-key-$RANDOM$RANDOM"
export TF_VAR_openai_api_key="sk-demo-openai-$RANDOM$RANDOM"
export TF_VAR_gateway_token="demo-gateway-token-$RANDOM"

step "Starting the emulator on a free loopback port"
# DIALECT=published makes it spell enums as Arize's published page does.
"$work/arize-emulator" -listen 127.0.0.1:0 -addr-file "$work/addr" -dialect "${DIALECT:-today}" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 100); do
  [[ -s $work/addr ]] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log"; exit 1; }
  sleep 0.1
done
export ARIZE_ENDPOINT=$(cat "$work/addr")
echo "emulator: $ARIZE_ENDPOINT, enum spelling: ${DIALECT:-today}"

# Terraform uses the provider just built instead of the registry's.
cat >"$work/cli.tfrc" <<CFG
provider_installation {
  dev_overrides {
    "arize-ai/arize" = "$work/bin"
  }
  direct {}
}
CFG
export TF_CLI_CONFIG_FILE="$work/cli.tfrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

mkdir "$work/config"
cp "$root/examples/resources/arize_ai_integration/resource.tf" "$work/config/main.tf"
cat >"$work/config/versions.tf" <<'CFG'
terraform {
  required_version = ">= 1.11"
  required_providers {
    arize = { source = "arize-ai/arize" }
  }
}

# endpoint and api_key come from ARIZE_ENDPOINT and ARIZE_API_KEY.
provider "arize" {}
CFG
cd "$work/config"
"$terraform" version

step "terraform apply (examples/resources/arize_ai_integration/resource.tf)"
"$terraform" apply -auto-approve -no-color

step "A second plan must be empty"
set +e
"$terraform" plan -detailed-exitcode -no-color
status=$?
set -e
if [[ $status -ne 0 ]]; then
  echo "FAIL: the second plan is not empty (exit $status)" >&2
  exit 1
fi

# How many integrations the emulator holds, read straight from its API.
count() {
  local body
  body=$(curl -fsS -H "Authorization: Bearer $ARIZE_API_KEY" "$ARIZE_ENDPOINT/v2/ai-integrations?limit=100")
  grep -o '"id":' <<<"$body" | wc -l || true
}
echo "integrations in Arize: $(count)"

step "terraform destroy"
"$terraform" destroy -auto-approve -no-color
left=$(count)
if [[ $left -ne 0 ]]; then
  echo "FAIL: $left integrations left after destroy" >&2
  exit 1
fi

step "Demo succeeded: applied, no drift, destroyed; the emulator is empty"
