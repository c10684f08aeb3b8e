#!/usr/bin/env sh
# The browser tests drive Debian's chromium: Playwright cannot download a browser of its own
# on this network. Installs it when it is missing (CHROMIUM_PATH names another build to use).
set -eu
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
command -v chromium >/dev/null 2>&1 && exit 0
echo "chromium is missing: installing Debian's chromium package for the browser tests" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
else
  echo "chromium is missing and cannot be installed without root: install Debian's chromium package" >&2
  exit 1
fi
