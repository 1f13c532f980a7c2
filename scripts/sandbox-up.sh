# Sourced by the scripts that need a sandbox of their own: `sandbox_up BIN ARGS...` starts
# `BIN sandbox --addr 127.0.0.1:0 ARGS...` in the background and sets SANDBOX_PID,
# SANDBOX_URL (http://127.0.0.1:PORT/api/v1/) and SANDBOX_KEY (the key it generated).
# The key stays out of every command line. `sandbox_down` stops it.
sandbox_up() {
  local bin="$1"; shift
  SANDBOX_OUT="$(mktemp)"
  "$bin" sandbox --addr 127.0.0.1:0 "$@" >"$SANDBOX_OUT" 2>/dev/null &
  SANDBOX_PID=$!
  # Up to two minutes: a sandbox with a crowd of a million makes it first.
  for _ in $(seq 1 1200); do
    if grep -q '^api_key=' "$SANDBOX_OUT"; then break; fi
    kill -0 "$SANDBOX_PID" 2>/dev/null || break
    sleep 0.1
  done
  SANDBOX_URL="$(sed -n 's/^base_url=//p' "$SANDBOX_OUT")"
  SANDBOX_KEY="$(sed -n 's/^api_key=//p' "$SANDBOX_OUT")"
  rm -f "$SANDBOX_OUT"
  if [ -z "$SANDBOX_URL" ] || [ -z "$SANDBOX_KEY" ]; then
    echo "the sandbox did not start" >&2
    return 1
  fi
}

sandbox_down() {
  if [ -n "${SANDBOX_PID:-}" ]; then
    kill "$SANDBOX_PID" 2>/dev/null || true
    wait "$SANDBOX_PID" 2>/dev/null || true
    SANDBOX_PID=""
  fi
}
