
# Experiment data: each line of VANTAGE_DATA_LINKS is "<target><TAB><path on this node>"; ~/data/<target> becomes a
# link to it. Paths only ever come from that variable (never from the script's text) and are always quoted. The
# job's Unix user reads what the file system lets it read: a link gives no access and takes none away.
if [ -n "${VANTAGE_DATA_LINKS:-}" ]; then
  mkdir -p "$HOME/data" || vantage_fail "cannot create $HOME/data on $(hostname)"
  while IFS=$'\t' read -r data_target data_path; do
    [ -n "$data_target" ] || continue
    data_link="$HOME/data/$data_target"
    if [ -e "$data_link" ] && [ ! -L "$data_link" ]; then
      echo "vantage: $data_link exists and is no link: data folder $data_target left as it is" >&2
      continue
    fi
    ln -sfnT -- "$data_path" "$data_link" || { echo "vantage: cannot link $data_link" >&2; continue; }
    [ -r "$data_path" ] && [ -x "$data_path" ] \
      || echo "vantage: $(id -un) cannot read $data_path (data folder $data_target) on $(hostname)" >&2
  done <<<"$VANTAGE_DATA_LINKS"
fi
# end of experiment data
