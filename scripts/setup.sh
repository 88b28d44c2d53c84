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

# The web UI (designer/: Vite + React) built into server/Workflows.Server/wwwroot, which the server serves.
# Skipped when the build is newer than every source file and the lock file.
workflows_web_build() {
  local root web out
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  web="$root/designer"
  out="$root/server/Workflows.Server/wwwroot/index.html"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "error: Node.js 20 or newer with npm is required to build the web UI (designer/); install it, e.g. 'apt-get install nodejs npm' or from https://nodejs.org" >&2
    return 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "error: Node.js $(node -v) is too old for the web UI; version 20 or newer is required" >&2
    return 1
  fi
  if [ -f "$out" ] && [ -d "$web/node_modules" ] && [ "$web/node_modules/.package-lock.json" -nt "$web/package-lock.json" ] \
     && [ -z "$(find "$web/src" "$web/scripts" "$web/index.html" "$web/public" "$web/package.json" "$web/package-lock.json" "$web"/vite.config.ts "$web"/tsconfig*.json \
                 -newer "$out" -print -quit 2>/dev/null)" ]; then
    echo "==> web UI up to date"
    return 0
  fi
  echo "==> building the web UI (designer/)"
  if [ ! -d "$web/node_modules" ] || [ ! "$web/node_modules/.package-lock.json" -nt "$web/package-lock.json" ]; then
    # A registry mirror that serves only this platform's optional builds (rolldown, esbuild) makes
    # `npm ci` fail on the other platforms' entries of the lock file; `npm install` resolves what it can.
    if ! (cd "$web" && npm ci --no-audit --no-fund --loglevel=error); then
      echo "==> npm ci failed; trying npm install"
      (cd "$web" && npm install --no-audit --no-fund --loglevel=error) || return 1
    fi
  fi
  (cd "$web" && npm run build --silent) || return 1
  # vite keeps index.html's time from the source; mark the build so the up-to-date check sees it.
  touch "$out"
}
