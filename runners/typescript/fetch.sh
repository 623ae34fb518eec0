#!/bin/sh
# Fetches, on the host, what runners/typescript/Dockerfile COPYs from the npm registry (HTTPS does
# not work inside `docker build` here): TypeScript 5 and Node.js 20's type declarations, as the
# registry's tarballs, into runners/typescript/dist/ (gitignored). Idempotent: skips what is there.
# Needs npm. Bump the versions here and in the Dockerfile together.
set -eu
cd "$(dirname "$0")"
mkdir -p dist
for pkg in typescript@5.9.3 @types/node@20.19.25 undici-types@6.21.0; do
  file=$(echo "$pkg" | sed 's/^@//; s/\//-/; s/@/-/').tgz
  if [ -s "dist/$file" ]; then
    echo "dist/$file is there"
  else
    (cd dist && npm pack --silent "$pkg" >/dev/null)
    echo "dist/$file fetched"
  fi
done
