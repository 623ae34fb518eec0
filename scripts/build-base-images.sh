#!/usr/bin/env bash
# Builds the Debian base images the runner Dockerfiles start FROM, for hosts that cannot pull
# from a registry. Official Debian images are debootstrap builds too, so this is a faithful
# stand-in. Images already present are skipped.
set -euo pipefail

suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(bullseye bookworm trixie)
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

for suite in "${suites[@]}"; do
  image="debian:${suite}-slim"
  if docker image inspect "$image" >/dev/null 2>&1; then
    echo "base image $image: present"
    continue
  fi
  echo "base image $image: building with debootstrap"
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >/tmp/debootstrap-"$suite".log 2>&1 \
    || { tail -20 /tmp/debootstrap-"$suite".log; exit 1; }
  # Keep images small, as the official slim images do.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/usr/share/doc/* "$root"/usr/share/man/*
  tar -C "$root" -c . | docker import - "$image" >/dev/null
  rm -rf "$root"
  trap - EXIT
  echo "base image $image: imported"
done
