#!/usr/bin/env bash
# Makes sure the headless browser the portal's end-to-end tests drive is here: Debian's Chromium (Playwright never
# downloads one: no such host on these machines) and fonts with Vietnamese diacritics. Installs what is missing with
# apt-get (as root, or through sudo); prints the version. Idempotent: a second run does nothing.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'DejaVuSans' || need+=(fonts-dejavu-core)
fc-list 2>/dev/null | grep -qi 'Liberation' || need+=(fonts-liberation)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "chromium.sh: installing ${need[*]} (Debian packages, ~45 s the first time)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q "${need[@]}" >/tmp/nq57-apt.log 2>&1 || {
    $sudo apt-get update -q >/tmp/nq57-apt.log 2>&1
    $sudo apt-get install -y -q "${need[@]}" >>/tmp/nq57-apt.log 2>&1 || { tail -20 /tmp/nq57-apt.log; exit 1; }
  }
fi
echo "chromium.sh: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium missing')"
