
# Notebook: classic Jupyter Notebook under the portal's base URL, token = the secret (read from a file, never on the
# command line); its config, data and runtime folders belong to this job. allow_remote_access because the portal's
# proxy forwards the browser's Host header; XSRF checks stay on.
command -v jupyter-notebook >/dev/null || vantage_fail "jupyter-notebook is not installed on $(hostname)"
export JUPYTER_TOKEN_FILE="$work/secret" JUPYTER_CONFIG_DIR="$work/jupyter/config"
export JUPYTER_RUNTIME_DIR="$work/jupyter/runtime" JUPYTER_DATA_DIR="$work/jupyter/data"
mkdir -p "$JUPYTER_CONFIG_DIR" "$JUPYTER_RUNTIME_DIR" "$JUPYTER_DATA_DIR"
notebook_dir="${VANTAGE_NOTEBOOK_DIR/#\$HOME/$HOME}"
mkdir -p "$notebook_dir" || vantage_fail "cannot create the notebook folder $notebook_dir"
jupyter-notebook --no-browser --ip="$VANTAGE_BIND" --port="$(vantage_random_port)" --port-retries=50 \
  --notebook-dir="$notebook_dir" --NotebookApp.base_url="$VANTAGE_BASE_URL" --NotebookApp.allow_origin='*' \
  --NotebookApp.allow_remote_access=True --NotebookApp.trust_xheaders=True --NotebookApp.quit_button=False \
  >"$work/jupyter.log" 2>&1 &
notebook=$!
pids+=("$notebook")
vantage_wait "$VANTAGE_START_TIMEOUT" "$notebook" test -s "$JUPYTER_RUNTIME_DIR/nbserver-$notebook.json" \
  || vantage_fail "jupyter-notebook did not start: $(tail -n 2 "$work/jupyter.log")"
port="$(sed -n 's/.*"port": *\([0-9][0-9]*\).*/\1/p' "$JUPYTER_RUNTIME_DIR/nbserver-$notebook.json" | head -n 1)"
vantage_wait "$VANTAGE_START_TIMEOUT" "$notebook" vantage_accepts "$port" \
  || vantage_fail "jupyter-notebook does not accept connections on port $port"
vantage_report "vantage-ports=$VANTAGE_JUPYTER_PORT:$port"
echo "vantage: notebook served on port $port under $VANTAGE_BASE_URL"
vantage_watch "$notebook"
vantage_fail "jupyter-notebook exited: $(tail -n 2 "$work/jupyter.log")"
