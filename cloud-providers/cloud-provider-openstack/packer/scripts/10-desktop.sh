#!/usr/bin/env bash
# XFCE desktop on a TigerVNC display for the analysis user.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

# cloud-init may still hold the apt lock on the build server's first boot.
cloud-init status --wait >/dev/null || true
apt-get update
apt-get -y upgrade
apt-get install -y --no-install-recommends \
  xfce4 xfce4-terminal xfce4-goodies dbus-x11 x11-xkb-utils x11-xserver-utils x11-utils xauth \
  tigervnc-standalone-server tigervnc-tools \
  firefox fonts-dejavu python3 python3-venv python3-pip curl jq ca-certificates \
  nfs-common ceph-common \
  git openssh-client  # the experiments' data (vantage-data), analysis recipes (vantage-recipe)

# The person at the desktop; no password login, the portal is the only way in.
if ! id vantage >/dev/null 2>&1; then
  useradd --create-home --shell /bin/bash --comment "Vantage analysis user" vantage
fi
passwd --lock vantage
install -d -o vantage -g vantage -m 700 /home/vantage/.vnc
