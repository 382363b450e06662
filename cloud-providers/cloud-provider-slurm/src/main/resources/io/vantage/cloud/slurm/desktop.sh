
# Desktop: Xvfb with a fresh MIT-MAGIC-COOKIE (other users of the node cannot open the display), openbox and an
# xterm when installed, and x11vnc with the secret as VNC password (only its first 8 characters count in VNC).
for program in Xvfb x11vnc; do
  command -v "$program" >/dev/null || vantage_fail "$program is not installed on $(hostname)"
done
xauth_file="$work/Xauthority"
# one FamilyWild entry with an empty display number: it matches whichever display Xvfb picks
{ printf '\377\377\000\000\000\000\000\022MIT-MAGIC-COOKIE-1\000\020'; head -c 16 /dev/urandom; } >"$xauth_file"
Xvfb -displayfd 3 -screen 0 "${VANTAGE_SCREEN}x24" -auth "$xauth_file" -nolisten tcp -noreset -dpi 96 \
  3>"$work/display" >"$work/xvfb.log" 2>&1 &
xvfb=$!
pids+=("$xvfb")
vantage_wait "$VANTAGE_START_TIMEOUT" "$xvfb" test -s "$work/display" \
  || vantage_fail "Xvfb did not start: $(tail -n 2 "$work/xvfb.log")"
export DISPLAY=":$(head -n 1 "$work/display")" XAUTHORITY="$xauth_file"
if command -v openbox >/dev/null; then openbox --sm-disable >"$work/openbox.log" 2>&1 & pids+=("$!"); fi
if command -v xterm >/dev/null; then
  xterm -title "Vantage desktop" -geometry 100x30+40+40 -bg '#1d3557' -fg '#f1faee' >/dev/null 2>&1 &
  pids+=("$!")
fi
head -c 8 "$work/secret" >"$work/vnc-password" && echo >>"$work/vnc-password"
if [ "$VANTAGE_BIND" = 127.0.0.1 ]; then listen=(-localhost); else listen=(-listen "$VANTAGE_BIND"); fi
# x11vnc reads the password file and deletes it (rm:); -autoport takes the first free port from a random start
x11vnc -display "$DISPLAY" -auth "$xauth_file" -passwdfile "rm:$work/vnc-password" \
  -autoport "$(vantage_random_port)" "${listen[@]}" -noipv6 -shared -forever -noxdamage -nolookup -norc -nocmds \
  -noremote -desktop "Vantage $VANTAGE_NAME" >"$work/x11vnc.log" 2>&1 &
vnc=$!
pids+=("$vnc")
vantage_wait "$VANTAGE_START_TIMEOUT" "$vnc" grep -q '^PORT=' "$work/x11vnc.log" \
  || vantage_fail "x11vnc did not start: $(tail -n 2 "$work/x11vnc.log")"
port="$(sed -n 's/^PORT=//p' "$work/x11vnc.log" | head -n 1)"
vantage_wait "$VANTAGE_START_TIMEOUT" "$vnc" vantage_accepts "$port" \
  || vantage_fail "x11vnc does not accept connections on port $port"
ports="$VANTAGE_VNC_PORT:$port"
# The image contract's file service (the instance page's Files tab), where the node has it: the secret from this
# job's private file, the home of the job's user; the desktop runs without it.
# A random port may be taken on a shared node: the service then exits, and another port is tried (3 in all).
if command -v vantage-files >/dev/null; then
  for attempt in 1 2 3; do
    files_port="$(vantage_random_port)"
    VANTAGE_SECRET_FILE="$work/secret" VANTAGE_FILES_PORT="$files_port" VANTAGE_FILES_ADDRESS="$VANTAGE_BIND" \
      vantage-files >"$work/files.log" 2>&1 &
    files=$!
    pids+=("$files")
    if vantage_wait "$VANTAGE_START_TIMEOUT" "$files" vantage_accepts "$files_port"; then
      ports="$ports,$VANTAGE_FILES_SERVICE_PORT:$files_port"
      break
    fi
    # still running but not answering in time is not a port clash: stop it and try no more; so after the third port
    if kill -0 "$files" 2>/dev/null || [ "$attempt" = 3 ]; then
      kill "$files" 2>/dev/null
      echo "vantage: no file transfer, the file service did not start: $(tail -n 2 "$work/files.log")" >&2
      break
    fi
  done
fi
vantage_report "vantage-ports=$ports"
echo "vantage: desktop $DISPLAY served by x11vnc on port $port"
vantage_watch "$xvfb" "$vnc"
kill -0 "$xvfb" 2>/dev/null || vantage_fail "Xvfb exited: $(tail -n 2 "$work/xvfb.log")"
vantage_fail "x11vnc exited: $(tail -n 2 "$work/x11vnc.log")"
