#!/bin/sh
# Runs the AT-SPI scenarios on a private session bus. The bus and the
# accessibility services it starts write their chatter to the bus's output,
# which is kept out of the test's TAP stream.
exec 3>&1
exec dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/test-e2e.py" --tap-fd 3 >/dev/null
