#!/usr/bin/env bash
# Checks the Kubernetes deployment and the Grafana dashboard without a cluster (see deploy/README.md,
# "Validation"): installs the pinned checkers from the npm registry (deploy/validate/package-lock.json)
# and runs them. Needs Node.js 20+ and npm; uses kubectl's kustomize too when kubectl is installed.
# Exits non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/validate"
started=$(date +%s)
command -v node >/dev/null && command -v npm >/dev/null || { echo "validate: Node.js 20+ and npm are needed" >&2; exit 2; }
# kubernetes-models declares node >= 22 and works on 20 (checked): its engine warning is noise here.
npm ci --no-audit --no-fund --loglevel=error
node validate.mjs "$@"
echo "validate: done in $(( $(date +%s) - started )) s"
