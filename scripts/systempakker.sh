#!/usr/bin/env bash
# Debian-pakkene KVP trenger utenfor Python, installert bare når de mangler:
#   run:  Pango og en font (WeasyPrint lager vedtaksbrevene som PDF, også i demodataene)
#   test: det samme + Chromium (testene i ekte nettleser) + at PostgreSQL svarer (startes om den er installert)
# Uten root eller apt-get skriver skriptet hva som mangler og stopper, i stedet for at noe feiler senere.
set -euo pipefail
hva="${1:-run}"

installer() {
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "Mangler Debian-pakkene: $*. Installer dem (sudo apt-get install $*) og prøv igjen." >&2
        exit 2
    fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! ldconfig -p | grep -q libpangoft2-1.0 || ! command -v fc-list >/dev/null 2>&1 || ! fc-list | grep -qi dejavu; then
    echo "== Pango og en font (Debian) for PDF-brevene =="
    installer libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig
fi

if [ "$hva" = test ]; then
    if ! command -v chromium >/dev/null 2>&1; then
        echo "== Chromium (Debian) for testene i nettleser =="
        installer chromium
    fi
    if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
        echo "== Starter PostgreSQL =="
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
        for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break; sleep 1; done
    fi
fi
