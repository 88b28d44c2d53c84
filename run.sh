#!/usr/bin/env bash
# Sets up a fresh Debian machine and starts the server with the sample county on the embedded store.
# Usage: ./run.sh [extra serve options, e.g. --urls http://0.0.0.0:5080]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source scripts/setup.sh
workflows_setup
workflows_web_build
echo "==> building"
dotnet build server/Workflows.Server/Workflows.Server.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
# 信息共享 out of the box: the shared-certificate connector, unless the operator configured plugins already.
if [ ! -d data/plugins/shared-certificates ]; then
  dotnet build plugins/Workflows.Plugins.SharedCertificates -c Release -nologo -v quiet -clp:ErrorsOnly
  mkdir -p data/plugins/shared-certificates
  cp plugins/Workflows.Plugins.SharedCertificates/bin/Release/net10.0/Workflows.Plugins.SharedCertificates.* data/plugins/shared-certificates/
fi
echo "==> checking the sample definitions"
./workflows validate definitions
source scripts/served-url.sh
echo "==> starting on $(served_urls "$@") (Ctrl+C stops)"
exec ./workflows serve --demo --data data "$@"
