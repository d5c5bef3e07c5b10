#!/bin/sh
# Installs the e2e host (code-server + playwright-core) from the lockfile; a no-op when node_modules already matches it.
# Needs chromium, libkrb5-dev and ripgrep from apt (installed by .ci/run). Usage: test/e2e-host/install.sh [--force]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
stamp=node_modules/.istio-yaml-install-stamp

# What an install depends on: the lockfile, the npm settings and the Node ABI that native modules were built for.
want=$(cat package-lock.json .npmrc | sha256sum | cut -d' ' -f1)-node-$(node -p process.versions.modules)

# The files a complete install has; an interrupted install or a deleted subfolder misses at least one of them.
complete() {
  for f in node_modules/code-server/out/node/entry.js \
           node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg \
           node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node \
           node_modules/playwright-core/package.json; do
    [ -e "$f" ] || return 1
  done
}

if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && complete; then
  echo "e2e-host: node_modules matches package-lock.json; skipping install"
  exit 0
fi

# A private TMPDIR: the ripgrep seed must be where the install looks, and npm/node-gyp leave files behind in it.
TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/e2e-host-install.XXXXXX")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
./seed-ripgrep.sh
start=$(date +%s)
npm ci --foreground-scripts --no-audit --no-fund
complete || { echo "e2e-host: npm ci finished but the install is incomplete" >&2; exit 1; }
echo "$want" > "$stamp"
echo "e2e-host: installed in $(( $(date +%s) - start )) s"
