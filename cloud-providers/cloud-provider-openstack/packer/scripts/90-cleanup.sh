#!/usr/bin/env bash
# Leave nothing of the build server in the image: every instance gets its own identity on first boot.
set -euo pipefail

apt-get -y autoremove --purge
apt-get clean
rm -rf /tmp/vantage /var/lib/apt/lists/*
rm -f /etc/ssh/ssh_host_*
truncate -s 0 /etc/machine-id
rm -f /var/lib/dbus/machine-id
rm -f /etc/vantage/*
cloud-init clean --logs --seed
