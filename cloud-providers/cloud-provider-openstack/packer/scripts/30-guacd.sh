#!/usr/bin/env bash
# guacd next to the desktop: the portal speaks the Guacamole protocol to port 4822 and guacd reaches VNC locally.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

apt-get install -y --no-install-recommends guacd libguac-client-vnc0
install -d /etc/guacamole
cat > /etc/guacamole/guacd.conf <<'CONF'
[server]
bind_host = 0.0.0.0
bind_port = 4822
CONF
systemctl enable guacd
