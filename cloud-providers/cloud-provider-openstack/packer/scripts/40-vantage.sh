#!/usr/bin/env bash
# First-boot configuration from the portal's metadata, and the services that use it (docs/image-contract.md).
set -euo pipefail

install -m 755 /tmp/vantage/vantage-configure /usr/local/sbin/vantage-configure
install -d -m 755 /usr/local/lib/vantage
install -m 755 /tmp/vantage/xstartup /tmp/vantage/vantage-keyboard /tmp/vantage/vantage-desktop \
  /tmp/vantage/vantage-notebook /tmp/vantage/vantage-handover /tmp/vantage/vantage-handover-apply \
  /tmp/vantage/vantage-data /tmp/vantage/vantage-recipe /tmp/vantage/vantage-files /usr/local/lib/vantage/
install -m 644 /tmp/vantage/vantage-configure.service /tmp/vantage/vantage-vnc.service \
  /tmp/vantage/vantage-jupyter.service /tmp/vantage/vantage-handover.service /tmp/vantage/vantage-files.service \
  /etc/systemd/system/
install -m 644 /tmp/vantage/99-vantage.cfg /etc/cloud/cloud.cfg.d/99-vantage.cfg
install -d -m 700 /etc/vantage
# Site scripts run at a pool machine's hand-over (mount the experiments' data): docs/image-contract.md
install -d -m 700 /etc/vantage/handover.d

systemctl daemon-reload
systemctl enable vantage-configure.service vantage-vnc.service vantage-jupyter.service vantage-handover.service \
  vantage-files.service
