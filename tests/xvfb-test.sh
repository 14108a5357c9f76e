#!/bin/sh
# Runs one UI test program on a private Xvfb display of its own, so that UI
# tests never touch the developer's desktop and run the same way in CI.
# A missing or broken Xvfb fails at once with a message; it never hangs.
set -u

if ! command -v Xvfb >/dev/null 2>&1; then
  echo "Bail out! Xvfb is not installed; the UI tests need it (apt-get install xvfb)" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/nichiro-xvfb.XXXXXX")
# NICHIRO_XVFB_SCREEN gives another screen size, e.g. 1920x1080x24.
Xvfb -displayfd 3 -screen 0 "${NICHIRO_XVFB_SCREEN:-1280x800x24}" -nolisten tcp -noreset 3>"$tmp/display" 2>"$tmp/log" &
xpid=$!

i=0
while [ ! -s "$tmp/display" ] && [ $i -lt 200 ]; do
  if ! kill -0 $xpid 2>/dev/null; then break; fi
  sleep 0.05
  i=$((i + 1))
done

if [ ! -s "$tmp/display" ]; then
  echo "Bail out! Xvfb did not start: $(cat "$tmp/log")" >&2
  kill $xpid 2>/dev/null
  rm -rf "$tmp"
  exit 1
fi

DISPLAY=":$(cat "$tmp/display")" GDK_BACKEND=x11 "$@"
status=$?

kill $xpid 2>/dev/null
wait $xpid 2>/dev/null
rm -rf "$tmp"
exit $status
