#!/usr/bin/env bash
# flatpak-check.sh — build, install and run the Nichiro Flatpak with no
# Flatpak remote at all.
#
# Flathub cannot be reached from our machines, so the GNOME runtime and
# SDK the manifest names are stood in for by ones built here from Debian
# packages of the matching GNOME release (Debian 13 "trixie": GLib 2.84,
# GTK 4.18, libadwaita 1.7, as in GNOME 48), committed to a local OSTree
# repository under the names, branch and architecture the manifest asks
# for. Then, from flatpak/io.github.nichiro.Nichiro.json itself:
#
#   flatpak-builder (tests in the build sandbox) → export → single-file
#   bundle → install the bundle → run it on a private Xvfb → screenshot
#
# and it checks what a user of the Flatpak would notice: the window shows,
# the permissions are exactly the four of the manifest, the launcher, icons,
# D-Bus service and search provider are exported under the application id,
# the metainfo is composed, and flatpak-builder printed no warning.
#
#   build-aux/flatpak-check.sh            # everything; the runtime is built once
#   build-aux/flatpak-check.sh --rebuild-runtime
#
# Everything lives in ${XDG_CACHE_HOME:-~/.cache}/nichiro-flatpak: the
# Debian packages, the OSTree repository, a private Flatpak installation
# (FLATPAK_USER_DIR; the machine's own installations are not touched), and
# work/ with the logs and the screenshot of the last run. Packages come from
# the Debian mirror this machine's APT uses (override: NICHIRO_DEBIAN_MIRROR).
# Ends with one "flatpak: N passed, N failed" line (the form .ci/run counts).
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
manifest=$here/flatpak/io.github.nichiro.Nichiro.json
cache=${XDG_CACHE_HOME:-$HOME/.cache}/nichiro-flatpak
work=$cache/work
suite=${NICHIRO_DEBIAN_SUITE:-trixie}
arch=x86_64
rebuild_runtime=false

for arg in "$@"; do
  case $arg in
    --rebuild-runtime) rebuild_runtime=true ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "flatpak-check: unknown option $arg" >&2; exit 2 ;;
  esac
done

started=$(date +%s)
passed=0
failed=0

say () { printf 'flatpak-check: [%4ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }

pass () { passed=$((passed + 1)); say "ok: $*"; }
fail () { failed=$((failed + 1)); say "FAILED: $*"; }

finish () {
  say "done in $(( $(date +%s) - started )) s; logs and screenshot in $work"
  echo "flatpak: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

# A step that must work for anything after it to mean something: on failure,
# say which command failed, show the end of its log and stop.
must () {
  local what=$1 log=$2
  shift 2
  local status=0
  "$@" >"$log" 2>&1 || status=$?
  if [ $status -ne 0 ]; then
    fail "$what: $* (exit status $status)"
    tail -n 40 "$log" | sed 's/^/  | /'
    finish
  fi
}

as_root () {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "flatpak-check: installing ${*: -1} needs root or sudo" >&2
    exit 2
  fi
}

# ---------------------------------------------------------------------------
# Host tools, from the machine's own Debian archive.

host_packages=(
  mmdebstrap flatpak flatpak-builder ostree bubblewrap xdg-dbus-proxy
  elfutils xvfb xauth x11-utils imagemagick dbus-daemon python3 git ca-certificates
)
missing=()
for package in "${host_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$cache"
exec 9>"$cache/lock"
if ! flock -n 9; then
  echo "flatpak-check: another check is running ($cache/lock)" >&2
  exit 2
fi

rm -rf "$work"
mkdir -p "$work" "$cache/debs"
export FLATPAK_USER_DIR=$cache/flatpak
# The app's runtime directory and home are the check's own.
export XDG_RUNTIME_DIR=$work/runtime
mkdir -p "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"

# The Debian mirror APT uses here: the first deb822 URIs or one-line deb
# entry for the main archive (not security), as configured, whatever host.
mirror=${NICHIRO_DEBIAN_MIRROR:-$(python3 - <<'PY'
import glob, re
found = []
for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
    for stanza in re.split(r"\n\s*\n", open(path, errors="replace").read()):
        fields = {}
        for line in stanza.splitlines():
            m = re.match(r"^([A-Za-z-]+):\s*(.*)$", line)
            if m:
                fields[m.group(1).lower()] = m.group(2)
        if fields.get("enabled", "yes").lower() == "no" or "deb" not in fields.get("types", "").split():
            continue
        if "security" in fields.get("suites", ""):
            continue
        found += fields.get("uris", "").split()
for path in ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")):
    try:
        lines = open(path, errors="replace").read().splitlines()
    except OSError:
        continue
    for line in lines:
        m = re.match(r"^\s*deb\s+(\[[^]]*\]\s+)?(\S+)\s+(\S+)", line)
        if m and "security" not in m.group(3):
            found.append(m.group(2))
debian = [u for u in found if "/debian" in u and "security" not in u]
print((debian or found or [""])[0].rstrip("/"))
PY
)}
if [ -z "$mirror" ]; then
  fail "no Debian mirror in /etc/apt/sources.list(.d); set NICHIRO_DEBIAN_MIRROR"
  finish
fi

# The runtime and SDK the manifest names, e.g. org.gnome.Platform//48.
read -r runtime sdk branch < <(python3 - "$manifest" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
print(m["runtime"], m["sdk"], m["runtime-version"])
PY
)

# ---------------------------------------------------------------------------
# The stand-in runtime and SDK.

platform_packages=(
  libglib2.0-0t64 libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0
  libegl-mesa0 libglx-mesa0 libgl1-mesa-dri librsvg2-common
  adwaita-icon-theme hicolor-icon-theme gsettings-desktop-schemas
  shared-mime-info fontconfig fonts-cantarell libglib2.0-bin locales
)
sdk_packages=(
  "${platform_packages[@]}"
  gcc libc6-dev pkgconf meson ninja-build python3
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  gettext libxml2-utils desktop-file-utils appstream appstream-util
  elfutils dbus-daemon
)

# en_US.UTF-8 is generated in both (customize hook): flatpak-builder runs
# the build and the tests with LC_ALL=en_US.utf8, as the GNOME SDK has it.
# Changing anything here builds the runtime again.
layout_version=1
runtime_key=$(printf '%s\n' "$layout_version" "$mirror" "$suite" "$runtime" "$sdk" "$branch" \
  "${platform_packages[*]}" "${sdk_packages[*]}" | sha256sum | cut -c1-16)

flatpak_user () { flatpak --user "$@"; }

runtime_ready () {
  [ "$(cat "$cache/runtime.key" 2>/dev/null)" = "$runtime_key" ] &&
    flatpak_user info "$runtime//$branch" >/dev/null 2>&1 &&
    flatpak_user info "$sdk//$branch" >/dev/null 2>&1
}

# make_tree NAME PACKAGES…: a Debian tree in $work/NAME.tree, packages kept
# in the cache for the next build.
make_tree () {
  local name=$1
  shift
  local include
  include=$(IFS=,; echo "$*")
  # The hooks' "$1" is mmdebstrap's: the tree being built.
  # shellcheck disable=SC2016
  must "mmdebstrap $name from $mirror $suite" "$work/mmdebstrap-$name.log" \
    mmdebstrap --mode=auto --variant=essential --format=directory \
      --aptopt='Acquire::Retries "3"' \
      --dpkgopt='path-exclude=/usr/share/doc/*' \
      --dpkgopt='path-include=/usr/share/doc/*/copyright' \
      --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/info/*' \
      --include="$include" \
      --customize-hook='chroot "$1" localedef -i en_US -f UTF-8 en_US.UTF-8' \
      --skip=download/empty \
      --setup-hook='mkdir -p "$1"/var/cache/apt/archives' \
      --setup-hook="sync-in $cache/debs /var/cache/apt/archives" \
      --customize-hook="sync-out /var/cache/apt/archives $cache/debs" \
      "$suite" "$work/$name.tree" "$mirror"
}

# flatpak_layout NAME REF_NAME: turn the tree into a Flatpak runtime
# directory: files/ is the tree's /usr (moved, not linked: build-export
# refuses a symlinked files/) with its /etc beside it as files/etc.
flatpak_layout () {
  local name=$1 ref_name=$2 tree=$work/$1.tree dir=$work/$1.runtime
  mkdir -p "$dir"
  mv "$tree/usr" "$dir/files"
  cp -a "$tree/etc" "$dir/files/etc"
  rm -rf "$tree"
  # Flatpak runs /usr/bin/ldconfig to build the sandbox's library cache;
  # Debian keeps it in sbin.
  ln -sf ../sbin/ldconfig "$dir/files/bin/ldconfig"
  # Fonts from the host, as Flatpak offers them at /run/host.
  mkdir -p "$dir/files/etc/fonts/conf.d"
  cat >"$dir/files/etc/fonts/conf.d/50-flatpak-host-fonts.conf" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/run/host/font-dirs.xml</include>
  <dir>/run/host/fonts</dir>
  <dir>/run/host/user-fonts</dir>
</fontconfig>
EOF
  cat >"$dir/metadata" <<EOF
[Runtime]
name=$ref_name
runtime=$runtime/$arch/$branch
sdk=$sdk/$arch/$branch
EOF
}

build_runtime () {
  say "building $runtime//$branch and $sdk//$branch from Debian $suite ($mirror)"
  make_tree platform "${platform_packages[@]}"
  flatpak_layout platform "$runtime"
  say "platform tree ready"
  make_tree sdk "${sdk_packages[@]}"
  flatpak_layout sdk "$sdk"
  say "SDK tree ready"

  rm -rf "$cache/runtime-repo"
  must "export the platform" "$work/export-platform.log" \
    flatpak build-export --runtime --files=files --no-update-summary "$cache/runtime-repo" "$work/platform.runtime" "$branch"
  must "export the SDK" "$work/export-sdk.log" \
    flatpak build-export --runtime --files=files --no-update-summary "$cache/runtime-repo" "$work/sdk.runtime" "$branch"
  must "update the repository summary" "$work/export-summary.log" \
    flatpak build-update-repo "$cache/runtime-repo"
  rm -rf "$work/platform.runtime" "$work/sdk.runtime"

  flatpak_user remote-delete --force nichiro-local >/dev/null 2>&1 || true
  flatpak_user uninstall -y --noninteractive --all >/dev/null 2>&1 || true
  must "add the local remote" "$work/remote-add.log" \
    flatpak --user remote-add --no-gpg-verify nichiro-local "file://$cache/runtime-repo"
  must "install $runtime//$branch and $sdk//$branch" "$work/install-runtime.log" \
    flatpak --user install -y --noninteractive nichiro-local "$runtime//$branch" "$sdk//$branch"
  echo "$runtime_key" >"$cache/runtime.key"
}

if $rebuild_runtime || ! runtime_ready; then
  build_runtime
  pass "runtime and SDK built from Debian $suite and installed"
else
  say "using the installed $runtime//$branch and $sdk//$branch (key $runtime_key)"
  pass "runtime and SDK already installed"
fi

# ---------------------------------------------------------------------------
# The application, from the real manifest.

# The source tree as git sees it (committed or not, ignored files left
# out): no build directories in the copy.
say "copying the source tree"
python3 - "$here" "$work/src" <<'PY'
import os, shutil, subprocess, sys
top, dest = sys.argv[1], sys.argv[2]
try:
    out = subprocess.run(["git", "-C", top, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                         check=True, capture_output=True).stdout
    names = [n for n in out.decode().split("\0") if n]
except (OSError, subprocess.CalledProcessError):
    names = []
    for root, dirs, files in os.walk(top):
        rel = os.path.relpath(root, top)
        dirs[:] = [d for d in dirs if not (rel == "." and (d.startswith("build") and d != "build-aux" or d in (".git", ".flatpak-builder", "_build")))]
        names += [os.path.normpath(os.path.join(rel, f)) for f in files]
for name in names:
    src = os.path.join(top, name)
    if not os.path.lexists(src):
        continue          # deleted in the work tree
    os.makedirs(os.path.dirname(os.path.join(dest, name)), exist_ok=True)
    shutil.copy2(src, os.path.join(dest, name), follow_symlinks=False)
PY

# The manifest as it is, but for where its directory source points.
python3 - "$manifest" "$work/src" "$work/$(basename "$manifest")" <<'PY'
import json, sys
manifest, src, out = sys.argv[1:]
m = json.load(open(manifest))
for module in m["modules"]:
    for source in module.get("sources", []):
        if source.get("type") == "dir":
            source["path"] = src
json.dump(m, open(out, "w"), indent=2)
PY

app_id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$manifest")
say "building $app_id with flatpak-builder (tests run in the build sandbox)"
builder_log=$work/flatpak-builder.log
must "flatpak-builder" "$builder_log" \
  flatpak-builder --user --disable-rofiles-fuse --force-clean \
    --state-dir="$cache/builder-state" --repo="$work/repo" \
    "$work/app" "$work/$(basename "$manifest")"
pass "flatpak-builder built, tested and exported $app_id"
say "flatpak-builder done"

# The tests inside the build sandbox.
if grep -Eq '^Ok: +[1-9]' "$builder_log" && grep -Eq '^Fail: +0' "$builder_log"; then
  pass "tests in the build sandbox: $(grep -E '^Ok: ' "$builder_log" | tr -s ' ')"
else
  fail "tests in the build sandbox did not all pass (see $builder_log)"
fi

# No warning from flatpak-builder outside the test run: none from the
# configure step and the compiler, none from the AppStream compose step,
# none from the export. flatpak-builder 1.2 itself calls `meson` without
# `setup`, which meson ≥ 1.5 warns about: that one line is its own and is
# allowed (flatpak-builder 1.4 calls `meson setup`).
if python3 - "$builder_log" >"$work/warnings.txt" <<'PY'
import re, sys
allowed = {"WARNING: Running the setup command as `meson [options]` instead of "
           "`meson setup [options]` is ambiguous and deprecated."}
section = "build"
bad = []
for number, line in enumerate(open(sys.argv[1], errors="replace"), 1):
    line = line.rstrip("\n")
    if line == "Running tests":
        section = "tests"
    elif section == "tests" and re.match(r"^(compressing debuginfo|stripping|Committing stage)", line):
        section = "finish"
    if section == "tests" or line.startswith("Compiler for C supports"):
        continue
    if re.search(r"(?i)\bwarn(ing)?s?\b|\binvalid\b|\bfailed\b|\bdeprecated\b|^E: |^W: ", line) and line not in allowed:
        bad.append(f"{number}: {line}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
then
  pass "flatpak-builder printed no warnings (configure, compiler, AppStream compose, export)"
else
  fail "flatpak-builder printed warnings:"
  sed 's/^/  | /' "$work/warnings.txt"
fi

# ---------------------------------------------------------------------------
# Bundle, install, inspect.

must "build-bundle" "$work/bundle.log" \
  flatpak build-bundle "$work/repo" "$work/$app_id.flatpak" "$app_id" master
say "bundle: $(du -h "$work/$app_id.flatpak" | cut -f1)"
flatpak_user uninstall -y --noninteractive "$app_id" >/dev/null 2>&1 || true
must "install the bundle" "$work/install-bundle.log" \
  flatpak --user install -y --noninteractive --bundle "$work/$app_id.flatpak"
pass "single-file bundle built and installed"

permissions=$(flatpak_user info --show-permissions "$app_id")
printf '%s\n' "$permissions" >"$work/permissions.txt"
if python3 - "$work/permissions.txt" <<'PY'
import configparser, sys
parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
parser.optionxform = str
parser.read(sys.argv[1])
got = {section: {key: sorted(v for v in value.split(";") if v) for key, value in parser[section].items()}
       for section in parser.sections()}
# Flatpak writes --socket=fallback-x11 as "x11;…;fallback-x11" so that
# versions before 1.0.4 still get X11; later ones read x11 beside
# fallback-x11 as "X11 only without Wayland". It is the same permission.
sockets = got.get("Context", {}).get("sockets")
if sockets and "fallback-x11" in sockets and "x11" in sockets:
    sockets.remove("x11")
expected = {"Context": {"shared": ["ipc"], "sockets": ["fallback-x11", "wayland"], "devices": ["dri"]}}
if got != expected:
    print("  | expected", expected)
    print("  | got     ", got)
    sys.exit(1)
PY
then
  pass "permissions are exactly --socket=wayland --socket=fallback-x11 --share=ipc --device=dri"
else
  fail "permissions differ from the manifest's four (flatpak info --show-permissions: $work/permissions.txt)"
fi

exports=$FLATPAK_USER_DIR/exports/share
files=$FLATPAK_USER_DIR/app/$app_id/current/active/files
missing_exports=()
for path in \
  "$exports/applications/$app_id.desktop" \
  "$exports/icons/hicolor/scalable/apps/$app_id.svg" \
  "$exports/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
  "$exports/dbus-1/services/$app_id.service" \
  "$exports/gnome-shell/search-providers/$app_id.search-provider.ini" \
  "$files/share/glib-2.0/schemas/gschemas.compiled"; do
  [ -e "$path" ] || missing_exports+=("$path")
done
# flatpak-builder 1.2 renames the metainfo to the older appdata name.
[ -e "$files/share/metainfo/$app_id.metainfo.xml" ] || [ -e "$files/share/appdata/$app_id.appdata.xml" ] ||
  missing_exports+=("$files/share/metainfo/$app_id.metainfo.xml")
composed=$(find "$files/share/app-info/xmls" -name "$app_id.xml*" 2>/dev/null | head -n 1)
[ -n "$composed" ] || missing_exports+=("$files/share/app-info/xmls/$app_id.xml.gz")
if [ ${#missing_exports[@]} -eq 0 ]; then
  pass "desktop file, icons, D-Bus service and search provider exported; metainfo composed"
else
  fail "not exported: ${missing_exports[*]}"
fi

# The exported launcher and D-Bus service start the app through Flatpak.
if grep -q "^Exec=.*flatpak run .*--command=nichiro $app_id" "$exports/applications/$app_id.desktop" 2>/dev/null &&
   grep -Eq "^Exec=.*flatpak run .*--command=(/app/bin/)?nichiro $app_id --gapplication-service" "$exports/dbus-1/services/$app_id.service" 2>/dev/null; then
  pass "exported launcher and D-Bus service run the Flatpak"
else
  fail "exported launcher or D-Bus service does not run the Flatpak"
  grep -h '^Exec=' "$exports/applications/$app_id.desktop" "$exports/dbus-1/services/$app_id.service" 2>/dev/null | sed 's/^/  | /'
fi

# ---------------------------------------------------------------------------
# Run it: a private X server, a private session bus inside it.

say "running $app_id on Xvfb"
mkdir -p "$work/home"
cat >"$work/run.sh" <<'EOF'
#!/bin/bash
# Inside xvfb-run and dbus-run-session: start the app, wait for its main
# window (WM_CLASS "nichiro", at least 360 pixels wide), let it draw, take
# a picture of the window.
set -u
flatpak --user run "$APP_ID" >"$WORK/app.log" 2>&1 &
app=$!
window=
for _ in $(seq 1 120); do
  window=$(xwininfo -root -tree 2>/dev/null |
    sed -nE 's/^ *(0x[0-9a-f]+) .*\("nichiro" "nichiro"\) +([0-9]+)x([0-9]+).*/\1 \2/p' |
    awk '$2 >= 360 { print $1; exit }')
  [ -n "$window" ] && break
  kill -0 $app 2>/dev/null || break
  sleep 0.5
done
if [ -n "$window" ]; then
  sleep 3
  xwininfo -id "$window" >"$WORK/window.txt" 2>&1
  import -window "$window" "$WORK/screenshot.png"
fi
flatpak --user kill "$APP_ID" >/dev/null 2>&1 || kill $app 2>/dev/null
wait $app 2>/dev/null
[ -n "$window" ]
EOF
chmod +x "$work/run.sh"
if HOME=$work/home APP_ID=$app_id WORK=$work timeout 180 \
     xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
     dbus-run-session -- "$work/run.sh" >"$work/run.log" 2>&1; then
  pass "the window appeared: $(sed -nE 's/^xwininfo: Window id: [^ ]+ (.*)$/\1/p' "$work/window.txt"), $(sed -nE 's/^ *Width: //p' "$work/window.txt")×$(sed -nE 's/^ *Height: //p' "$work/window.txt")"
else
  fail "no Nichiro window within 60 s (app log: $work/app.log)"
  tail -n 20 "$work/app.log" 2>/dev/null | sed 's/^/  | /'
fi

if [ -s "$work/screenshot.png" ]; then
  colours=$(convert "$work/screenshot.png" -format '%k' info: 2>/dev/null || echo 0)
  if [ "$colours" -gt 64 ]; then
    pass "the window is drawn ($colours colours on screen: $work/screenshot.png)"
  else
    fail "the screen is blank or nearly ($colours colours: $work/screenshot.png)"
  fi
else
  fail "no screenshot"
fi

finish
