#!/usr/bin/env bash
# Checks the Helm chart helm/vantage without a helm binary (Debian bookworm has none) and without a cluster:
#   1. render-free checks (YAML parses, values vs values.schema.json, .Values references exist): python3-yaml,
#      python3-jsonschema from Debian;
#   2. helm lint --strict and helm template (the defaults alone must be refused; helm/vantage/ci/*-values.yaml,
#      hooks included) with the real Helm library, which helm-java ships in a Maven Central jar;
#   3. the rendered manifests against the Kubernetes API schemas of the npm packages kubernetes-models, plus
#      Vantage's rules (non-root, read-only root, probes on the management port that no route reaches, guacd
#      reachable from the portal only, migration hook with Flyway off, websocket timeouts).
# The Maven build binds the rendered configuration onto the portal's code (portal-web, io.vantage.web.deploy).
# Renderings are left in target/helm-check/. Runs as root on Debian 12; installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."
chart=helm/vantage
out=target/helm-check

need=()
for p in python3-yaml python3-jsonschema; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
# Any Node.js >= 14 will do; Debian's only when none is installed (another one may bring its own npm).
command -v node >/dev/null && command -v npm >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

echo "Chart files and values:"
/usr/bin/python3 .ci/helm/values-refs.py "$chart"

echo "Helm (helm-java):"
rm -rf "$out/chart"; mkdir -p "$out"
mvn -B -q -f .ci/helm/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
java -cp "$(cat "$out/classpath.txt")" .ci/helm/HelmCheck.java "$chart" "$out" "$chart"/ci/*-values.yaml

echo "Rendered manifests:"
(cd .ci/helm && npm ci --no-audit --no-fund --silent)
node .ci/helm/validate.js "$out"/*.yaml
echo "Helm chart OK"
