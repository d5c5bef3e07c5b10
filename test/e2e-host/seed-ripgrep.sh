#!/bin/sh
# Puts the system's rg where @vscode/ripgrep (inside code-server's lib/vscode) looks before downloading from GitHub.
# Its postinstall first checks $TMPDIR/vscode-ripgrep-cache-<package version>/<asset>; run npm ci with the same TMPDIR.
set -eu
RG_PKG_VERSION=1.15.11  # @vscode/ripgrep version in code-server 4.100.3's lib/vscode shrinkwrap
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
rg_bin=$(command -v rg) || { echo "seed-ripgrep: rg not found; install Debian's ripgrep package" >&2; exit 1; }
cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$cache"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$rg_bin" "$stage/rg"
tar czf "$cache/$RG_ASSET" -C "$stage" rg
