#!/usr/bin/env bash
# Installs gVisor's runsc, at least the 2024-07 release Debian trixie ships. Bookworm's package
# (2022-12) has only the ptrace platform, under which a fork bomb grows gVisor's own host threads
# until gVisor dies; the systrap platform of later releases holds it (FIELD-NOTES, bench/RESULTS-runsc.md).
# Where apt offers no such version (a bookworm host), the one .deb is fetched from trixie, checked
# along Debian's signature chain (InRelease signed by the archive keys -> Packages.xz -> the .deb's
# SHA256), and installed; the machine's apt sources are not changed. Run as root. Idempotent.
set -euo pipefail

WANTED=0.0~20240729
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=trixie

log() { printf '[gvisor] %s\n' "$*"; }

installed=$(dpkg-query -W -f '${Version}' runsc 2>/dev/null || true)
if [ -n "$installed" ] && dpkg --compare-versions "$installed" ge "$WANTED"; then
  exit 0
fi

candidate=$(apt-cache policy runsc 2>/dev/null | awk '/Candidate:/ {print $2}')
if [ -n "$candidate" ] && [ "$candidate" != "(none)" ] && dpkg --compare-versions "$candidate" ge "$WANTED"; then
  log "installing runsc $candidate from apt"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q runsc >/tmp/edc-apt-runsc.log 2>&1 \
    || { tail -20 /tmp/edc-apt-runsc.log; exit 1; }
  exit 0
fi

command -v gpgv >/dev/null && [ -s /usr/share/keyrings/debian-archive-keyring.gpg ] \
  || { log "gpgv and debian-archive-keyring are needed to check trixie's signature"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log "fetching runsc from Debian $SUITE (installed: ${installed:-none}; apt offers: ${candidate:-none})"
curl -fsS -o "$work/InRelease" "$MIRROR/dists/$SUITE/InRelease"
gpgv --keyring /usr/share/keyrings/debian-archive-keyring.gpg --output "$work/Release" "$work/InRelease" 2>/dev/null \
  || { log "trixie's InRelease is not signed by Debian's archive keys"; exit 1; }
index=main/binary-amd64/Packages.xz
index_sha=$(awk -v f="$index" '/^SHA256:/ {s=1; next} /^[A-Za-z]/ {s=0} s && $3 == f {print $1}' "$work/Release")
[ -n "$index_sha" ] || { log "no $index in trixie's Release"; exit 1; }
curl -fsS -o "$work/Packages.xz" "$MIRROR/dists/$SUITE/$index"
echo "$index_sha  $work/Packages.xz" | sha256sum -c --quiet - || { log "$index: checksum mismatch"; exit 1; }
stanza=$(xz -dc "$work/Packages.xz" | awk -v RS= '/(^|\n)Package: runsc\n/')
file=$(printf '%s\n' "$stanza" | awk '/^Filename:/ {print $2}')
deb_sha=$(printf '%s\n' "$stanza" | awk '/^SHA256:/ {print $2}')
[ -n "$file" ] && [ -n "$deb_sha" ] || { log "no runsc in trixie's index"; exit 1; }
curl -fsS -o "$work/runsc.deb" "$MIRROR/$file"
echo "$deb_sha  $work/runsc.deb" | sha256sum -c --quiet - || { log "$file: checksum mismatch"; exit 1; }
dpkg -i "$work/runsc.deb" >/tmp/edc-dpkg-runsc.log 2>&1 || { tail -20 /tmp/edc-dpkg-runsc.log; exit 1; }
log "installed $(runsc --version | head -1)"
