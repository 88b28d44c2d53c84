#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine, skipping what is already there.
# Sourced by run.sh and test.sh. Idempotent; needs root (or sudo) only when something is missing.
set -euo pipefail

# Debian packages used at run or test time: git (the definitions work tree and `workflows diff`),
# CJK fonts (documents: a Song face and a Hei face for the fallback chain), poppler-utils and
# zbar-tools (PDF and QR code checks in tests), python3 with yaml and jsonschema (an independent
# check of the JSON Schemas in tests), chromium (the documents benchmark's peer; browser tests).
WORKFLOWS_DEBIAN_PACKAGES=(git tar ca-certificates fonts-arphic-gbsn00lp fonts-wqy-zenhei poppler-utils zbar-tools chromium python3 python3-yaml python3-jsonschema)

workflows_missing_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

workflows_install_packages() {
  local missing
  missing=$(workflows_missing_packages "$@")
  [ -z "$missing" ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "==> installing Debian packages: $missing"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

workflows_setup() {
  workflows_install_packages "${WORKFLOWS_DEBIAN_PACKAGES[@]}" "$@"
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK (dotnet) is required; install it from Microsoft's Debian repository: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
    exit 1
  fi
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}
