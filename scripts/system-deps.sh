#!/bin/sh
# Installs the real tools the tests drive: Debian's chromium (the web report in a browser),
# poppler-utils (pdftotext, pdftoppm), qpdf (checks the PDF's structure) and a Java runtime
# for the Nu HTML checker. Does nothing when they are already there.
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v qpdf >/dev/null 2>&1 || missing="$missing qpdf"
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: apt-get not found; install$missing by hand or the tests that need them fail" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "system-deps: not root and no sudo; install$missing by hand or the tests that need them fail" >&2
    exit 0
  fi
fi
echo "system-deps: installing$missing"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null \
  || { $sudo apt-get update -q >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null; }
