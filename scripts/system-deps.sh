#!/usr/bin/env bash
# Install the Debian packages kreport needs when they are missing:
#   fonts    -> fonts-noto-cjk (Chinese text in charts and pages)
#   chromium -> chromium (the browser test)
# With no argument, both. Does nothing for a package already present.
set -euo pipefail
want=("$@")
[ ${#want[@]} -eq 0 ] && want=(fonts chromium)
missing=()
for w in "${want[@]}"; do
  case "$w" in
    fonts) fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk fontconfig) ;;
    chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
    *) echo "system-deps.sh: unknown component '$w' (expected fonts or chromium)" >&2; exit 2 ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps.sh: please install ${missing[*]} with your package manager" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing ${missing[*]} ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
