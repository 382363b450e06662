#!/usr/bin/env bash
# Builds the Vantage base image (Debian bookworm minbase + openjdk-17-jre-headless + a non-root user) from Debian
# packages alone, as a `docker save` archive that Jib uses as its base: no container registry and no Docker daemon.
# Output: target/base-image/vantage-base-jre17.tar (repo root). The archive is cached in
# VANTAGE_CACHE_DIR (~/.cache/vantage) under a hash of this folder's files; VANTAGE_BASE_REBUILD=1 rebuilds it
# (do so now and then for Debian's security updates). Needs root (mmdebstrap chroots) and apt sources for bookworm.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/target/base-image/vantage-base-jre17.tar"
cache_dir="${VANTAGE_CACHE_DIR:-$HOME/.cache/vantage}"
# Comment lines do not change the image, so they do not change the cache key.
key="$(cat "$here/build.sh" "$here/docker-archive.py" "$here/healthcheck" | grep -v '^\s*#' | sha256sum | cut -c1-16)"
cached="$cache_dir/vantage-base-jre17-$key.tar"

die() { echo "base-image/build.sh: $*" >&2; exit 1; }

mkdir -p "$(dirname "$out")" "$cache_dir"
if [ -s "$cached" ] && [ "${VANTAGE_BASE_REBUILD:-0}" != 1 ]; then
  ln -sf "$cached" "$out"
  echo "Base image: $out (cached, $cached)"; exit 0
fi

[ "$(id -u)" = 0 ] || die "must run as root (mmdebstrap builds the root file system in a chroot)"
command -v mmdebstrap >/dev/null || die "mmdebstrap is missing: apt-get install -y --no-install-recommends mmdebstrap"
sources=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | grep -v '^\s*#' || true)
[ -n "$sources" ] || die "no apt sources found in /etc/apt to build from"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "Building the base image root file system with mmdebstrap (2-3 minutes)"
# minbase: dpkg, apt, bash, coreutils. No device nodes in the layer (container runtimes provide /dev); docs, man
# pages and translations are left out (the man1 folder must exist for the JRE's update-alternatives), and so are
# the apt lists and caches.
# The host's apt sources go in on stdin, so the image uses the same mirror (and snapshot settings) as the host.
printf '%s\n' "$sources" | mmdebstrap --variant=minbase --mode=root --format=tar \
  --aptopt='Acquire::Check-Valid-Until "false"' \
  --include=openjdk-17-jre-headless --skip=output/dev \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook='chroot "$1" useradd --uid 10001 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin vantage' \
  --customize-hook="copy-in '$here/healthcheck' /usr/local/bin" \
  --customize-hook='chmod 0755 "$1/usr/local/bin/healthcheck"' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/* "$1"/var/log/*.log' \
  bookworm "$work/rootfs.tar" - >"$work/mmdebstrap.log" 2>&1 \
  || { tail -n 40 "$work/mmdebstrap.log" >&2; die "mmdebstrap failed (log above)"; }

python3 "$here/docker-archive.py" "$work/rootfs.tar" "$cached.tmp" "vantage/base-jre17:bookworm"
mv "$cached.tmp" "$cached"
find "$cache_dir" -maxdepth 1 -name 'vantage-base-jre17-*.tar' ! -name "$(basename "$cached")" -delete   # older keys
ln -sf "$cached" "$out"
echo "Base image: $out ($(du -h "$cached" | cut -f1))"
