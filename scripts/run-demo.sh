#!/bin/sh
# `make run`: the demo profile, an embedded server beside it (SQLite, loopback only) with a demo user
# signed in on the profile, then the app. The server stops when the app closes.
# Usage: run-demo.sh PYTHON DATA_DIR SERVER_DB PORT CONTACTS VISITS
set -eu
PY=$1 DATA_DIR=$2 SERVER_DB=$3 PORT=$4 CONTACTS=$5 VISITS=$6
URL="http://127.0.0.1:$PORT"
DEMO_USER=demo
DEMO_PASSWORD=demo-password
# The demo profile's recovery passphrase (README): the profile is encrypted, and a headless machine has no
# keyring to keep its key, so the app and the commands below read it from here.
CHUSHANG_PASSPHRASE=${CHUSHANG_PASSPHRASE:-demo-passphrase}
export CHUSHANG_PASSPHRASE

if [ ! -f "$DATA_DIR/chushang.db" ]; then
  "$PY" -m chushang_desk demo-data --data-dir "$DATA_DIR" --contacts "$CONTACTS" --visits "$VISITS" --seed 1
fi

"$PY" -m chushang_server migrate --db "$SERVER_DB"
# The demo user works for headquarters, so the demo profile's visits of every station may go up.
if ! "$PY" -m chushang_server list-users --db "$SERVER_DB" 2>/dev/null | grep -q "^$DEMO_USER\b"; then
  printf '%s\n' "$DEMO_PASSWORD" | "$PY" -m chushang_server add-user --db "$SERVER_DB" \
    --user "$DEMO_USER" --role hq --display-name "演示用户" >/dev/null
fi

server_pid=""
if ! "$PY" -c "import httpx,sys; httpx.get('$URL/v1/health', timeout=1)" 2>/dev/null; then
  "$PY" -m chushang_server serve --db "$SERVER_DB" --host 127.0.0.1 --port "$PORT" &
  server_pid=$!
  trap 'kill $server_pid 2>/dev/null' EXIT INT TERM
  i=0
  until "$PY" -c "import httpx; httpx.get('$URL/v1/health', timeout=1)" 2>/dev/null; do
    i=$((i + 1)); [ $i -gt 100 ] && { echo "the demo server did not start" >&2; exit 1; }
    sleep 0.1
  done
fi

printf '%s\n' "$DEMO_PASSWORD" | "$PY" -m chushang_desk login --data-dir "$DATA_DIR" --server "$URL" \
  --user "$DEMO_USER" --if-needed
"$PY" -m chushang_desk --data-dir "$DATA_DIR"
