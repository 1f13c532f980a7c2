# Sourced by scripts/bench: the real window under Xvfb, driven and watched from outside.
#   now                    the Unix time, with fractions
#   app_settings MINUTES   the window's saved settings (eframe's app.ron) with background
#                          checks every MINUTES (0: off); everything else at its default
#   app_start ARGS...      starts the app (RICKRUT_FRAME_STATS as set by the caller), sets
#                          APP_PID and APP_STARTED and, once the window is up, WID
#   app_settle [QUIET]     waits until the app used at most 1 % of a core for QUIET seconds
#                          in a row (2 by default; at most 10 minutes); APP_SETTLED is when
#                          it went quiet
#   app_key KEYS...        keys into the window; app_click X Y clicks in it
#   app_quit               Ctrl+Q, then waits for the frame list to be written
#   app_ticks              the app's CPU time so far, in clock ticks
now() { date +%s.%N; }

app_settings() {
  mkdir -p "$XDG_DATA_HOME/rickrut-dashboard"
  printf '{"app":"(check_every_minutes:%s)"}\n' "$1" >"$XDG_DATA_HOME/rickrut-dashboard/app.ron"
}

app_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }

app_start() {
  APP_ERR="${work:-${TMPDIR:-/tmp}}/app-start.err"
  "$bin" "$@" >/dev/null 2>"$APP_ERR" &
  APP_PID=$!
  APP_STARTED="$(now)"
  WID=""
  # Up to a minute: the record is checked (PRAGMA quick_check) before the window opens, a
  # second or more for a million, more when the file is not in the page cache.
  for _ in $(seq 1 600); do
    WID="$(xdotool search --name 'RickRut Dashboard' 2>/dev/null | head -n 1 || true)"
    [ -n "$WID" ] && break
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      wait "$APP_PID" 2>/dev/null && code=0 || code=$?
      echo "bench: the app exited (status $code) before its window appeared ($*); what it said:" >&2
      tail -n 20 "$APP_ERR" >&2
      exit 1
    fi
    sleep 0.1
  done
  [ -n "$WID" ] || { echo "bench: the window did not appear within a minute ($*)" >&2; exit 1; }
}

app_settle() {
  # Quiet: at most one clock tick (10 ms) a second, so a blinking text cursor is quiet too.
  local quiet="${1:-2}" ticks samples=()
  for _ in $(seq 1 2400); do
    sleep 0.25
    ticks="$(app_ticks)"
    samples+=("$ticks")
    local n=${#samples[@]} window=$(( quiet * 4 ))
    if [ "$n" -gt "$window" ] && [ $(( ticks - samples[n - 1 - window] )) -le "$quiet" ]; then
      APP_SETTLED="$(python3 -c "import sys; print(float(sys.argv[1]) - float(sys.argv[2]))" "$(now)" "$quiet")"
      return 0
    fi
  done
  echo "bench: the window never went quiet" >&2
  exit 1
}

app_key() { xdotool windowfocus --sync "$WID" 2>/dev/null || true; xdotool key "$@"; }

app_click() { xdotool mousemove --window "$WID" "$1" "$2" click 1; }

app_quit() {
  app_key ctrl+q
  for _ in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
}
