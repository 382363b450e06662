#!/usr/bin/env bash
# Builds the noVNC browser client into one ES module (static/vendor/novnc/novnc-rfb.js, default export: the
# CommonJS exports whose .default is RFB). The npm package is CommonJS, so it is bundled with esbuild; both come
# from the npm registry once and are cached. Without npm, Debian's novnc package (ES modules) is wrapped instead.
set -euo pipefail
version="$1"
target="$2"
[ -f "$target/novnc-rfb.js" ] && exit 0
cache="${XDG_CACHE_HOME:-$HOME/.cache}/vantage/novnc-$version-bundle"
mkdir -p "$target"
if [ ! -f "$cache/novnc-rfb.js" ]; then
  if command -v npm >/dev/null 2>&1; then
    tmp=$(mktemp -d)
    (cd "$tmp" && npm install --silent --no-audit --no-fund --prefix . "@novnc/novnc@$version" esbuild@0.25 >/dev/null \
      && ./node_modules/.bin/esbuild node_modules/@novnc/novnc/lib/rfb.js --bundle --format=esm --minify \
           --log-level=warning --outfile=novnc-rfb.js)
    mkdir -p "$cache"
    cp "$tmp/novnc-rfb.js" "$cache/"
    cp "$tmp/node_modules/@novnc/novnc/LICENSE.txt" "$cache/" 2>/dev/null || true
    rm -rf "$tmp"
  elif [ -f /usr/share/novnc/core/rfb.js ]; then
    cp -r /usr/share/novnc/core /usr/share/novnc/vendor "$target/"
    printf "import RFB from './core/rfb.js';\nexport default { default: RFB };\n" > "$target/novnc-rfb.js"
    exit 0
  else
    echo "The desktop viewer (noVNC) needs npm (apt-get install npm) or Debian's novnc package." >&2
    exit 1
  fi
fi
cp "$cache/"* "$target/"
