#!/usr/bin/env bash
# make adopt-demo: build the provider and the emulator, start the emulator
# seeded with a realistic hand-built account (-seed-account) on a free
# loopback port, find the whole account with terraform query (the query file
# of the guide "Adopt an existing Arize account"), write it out
# with -generate-config-out, fill in the gateway's sensitive headers (the one
# value Terraform never writes into generated files), print the generated
# file's size and the plan summary (imports only), apply it, check that the
# next plan is empty, and stop the emulator, which must have received no
# write request.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
terraform=${TERRAFORM:-$root/.cache/bin/terraform}
work=$(mktemp -d "${TMPDIR:-/tmp}/arize-adopt-demo.XXXXXX")
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

export ARIZE_API_KEY="demo-arize-key-$RANDOM$RANDOM"

step "Starting the emulator, seeded with an account, on a free loopback port"
"$work/arize-emulator" -seed-account -listen 127.0.0.1:0 -addr-file "$work/addr" >"$work/emulator.log" 2>&1 &
emulator_pid=$!
for _ in $(seq 100); do
  [[ -s $work/addr ]] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log"; exit 1; }
  sleep 0.1
done
export ARIZE_ENDPOINT=$(cat "$work/addr")
echo "emulator: $ARIZE_ENDPOINT"
grep 'seeded' "$work/emulator.log" || true

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
cd "$work/config"
cat >main.tf <<'CFG'
terraform {
  required_version = ">= 1.14"
  required_providers {
    arize = { source = "arize-ai/arize" }
  }
}

# endpoint and api_key come from ARIZE_ENDPOINT and ARIZE_API_KEY.
provider "arize" {}
CFG
# The guide's query file ("Adopt an existing Arize account"): every type.
cp "$root/examples/guides/adopt-account/account.tfquery.hcl" .
"$terraform" version

step "terraform query -generate-config-out=adopted.tf"
"$terraform" query -no-color -generate-config-out=adopted.tf >query.log
echo "adopted.tf: $(wc -c <adopted.tf) bytes, $(grep -c '^import {' adopted.tf) import blocks"

step "Filling in the gateway's headers, which Terraform writes as null # sensitive"
# Terraform writes every sensitive attribute as null # sensitive, set or not;
# the seeded gateway is the one integration with headers, so only its block,
# found by its name, gets the variable. The values are the emulator's
# (emulator.Server.SeedAccount); a real user takes them from wherever the
# gateway's credentials are kept. API keys stay null: the plan keeps them.
awk '
  /^resource "arize_ai_integration"/ { inblock = 1; n = 0 }
  inblock { block[++n] = $0; if ($0 ~ /^  name += "Internal LLM gateway"$/) gateway = 1
    if ($0 == "}") {
      for (i = 1; i <= n; i++) {
        if (gateway) sub(/^  headers( +)= null # sensitive$/, "  headers = var.gateway_headers", block[i])
        print block[i]
      }
      inblock = 0; gateway = 0
    }
    next }
  { print }
' adopted.tf >adopted.tf.new && mv adopted.tf.new adopted.tf
[[ $(grep -c 'var.gateway_headers' adopted.tf) -eq 1 ]] || { echo "FAIL: not one gateway headers placeholder" >&2; exit 1; }
cat >variables.tf <<'CFG'
variable "gateway_headers" {
  type      = map(string)
  sensitive = true
}
CFG
export TF_VAR_gateway_headers='{"X-Gateway-Key" = "seeded-gateway-secret", "X-Team" = "platform"}'

step "terraform plan"
"$terraform" plan -no-color >plan.log
summary=$(grep '^Plan: ' plan.log || true)
echo "$summary"
if [[ ! $summary =~ ^Plan:\ [0-9]+\ to\ import,\ 0\ to\ add,\ 0\ to\ change,\ 0\ to\ destroy\.$ ]]; then
  cat plan.log >&2
  echo "FAIL: the plan is not imports only" >&2
  exit 1
fi

step "terraform apply"
"$terraform" apply -no-color -auto-approve >apply.log
grep '^Apply complete' apply.log

step "terraform plan -detailed-exitcode"
if ! "$terraform" plan -no-color -detailed-exitcode >plan-after.log; then
  cat plan-after.log >&2
  echo "FAIL: the plan after adoption is not empty" >&2
  exit 1
fi
echo "No changes."

step "What reached the emulator"
# The emulator prints its request counters ("  METHOD /route count") when it
# stops: adoption must have sent nothing but GETs.
kill -TERM "$emulator_pid"
wait "$emulator_pid" || true
emulator_pid=""
grep 'requests$' "$work/emulator.log"
writes=$(awk '/ requests$/ { on = 1; next } /refused writes/ { on = 0 } on && $1 != "GET" { n += $3 } END { print n + 0 }' "$work/emulator.log")
echo "write requests: $writes"
if [[ $writes -ne 0 ]]; then
  cat "$work/emulator.log" >&2
  echo "FAIL: adoption sent write requests" >&2
  exit 1
fi

step "Adoption demo succeeded: the whole account imported with no change to it"
