#!/bin/sh
# Runs an AT-SPI scenario script (test-e2e.py unless another is named) on a
# private session bus. The bus and the accessibility services it starts
# write their chatter to the bus's output, which is kept out of the test's
# TAP stream.
#
# The suite's G_DEBUG=fatal-warnings is for Nichiro, not for this python:
# here GLib's warnings are libatspi's own, which under load reports what
# its D-Bus calls did not get in time ("AT-SPI: Error in GetItems …") and
# then carries on. The scripts hand G_DEBUG to the program they start and
# fail on any warning or critical the program prints.
export NICHIRO_E2E_G_DEBUG="${G_DEBUG:-}"
unset G_DEBUG
exec 3>&1
exec dbus-run-session -- /usr/bin/python3 "$(dirname "$0")/${1:-test-e2e.py}" --tap-fd 3 >/dev/null
