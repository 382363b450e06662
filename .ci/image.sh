#!/usr/bin/env bash
# Builds the portal and ETL container images as archives, without a Docker daemon or a container registry:
#   1. the base image from Debian packages (docker/base-image/build.sh, cached; ~3 min the first time),
#   2. the images with Jib onto that base (mvn -Pimage; tests are the normal build's job),
#   3. checks of each archive (.ci/image-check.py) and a start of the portal image (.ci/image-run.sh).
# Output: portal-web/target/vantage-portal-image.tar, etl/target/vantage-etl-image.tar (docker load -i ...).
# Runs as root on Debian 12; installs what it needs. IMAGE_SKIP_RUN=1 skips the start.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for p in mmdebstrap python3 curl; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

docker/base-image/build.sh

# The ETL gets an image once it has code with a main class (its module is being written alongside this script).
modules=portal-web
if [ -d etl/src/main/java ]; then modules=portal-web,etl; else echo "etl has no sources yet: no ETL image"; fi
echo "Building images: mvn -Pimage -pl $modules -am package -DskipTests"
mvn -B -q -Pimage -pl "$modules" -am package -DskipTests

python3 .ci/image-check.py portal-web/target/vantage-portal-image.tar --port 8080
if [ "$modules" = portal-web,etl ]; then python3 .ci/image-check.py etl/target/vantage-etl-image.tar; fi
[ "${IMAGE_SKIP_RUN:-0}" = 1 ] || .ci/image-run.sh portal-web/target/vantage-portal-image.tar
ls -l portal-web/target/*-image.tar etl/target/*-image.tar 2>/dev/null || true
