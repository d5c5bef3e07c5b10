#!/usr/bin/env bash
# Builds the real istioctl for a pinned Istio release from the istio.io/istio Go module and caches
# the binary, so tests use the real tool instead of a stub. Prints the binary's path on stdout.
#
#   scripts/istioctl.sh            # build or reuse; prints e.g. ~/.cache/istio-yaml/istioctl/1.31.1/istioctl
#   ISTIOCTL_VERSION=1.30.2 scripts/istioctl.sh
#
# Why a throwaway module: Istio tags releases without a `v` (1.31.1), which Go resolves to a
# pseudo-version, and `go install pkg@version` refuses modules whose go.mod has replace
# directives. A scratch module that requires istio.io/istio at the release, copies any replace
# lines from its go.mod, and runs `go build` works for every release. Nothing is committed: the
# source lives in the Go module cache, the binary in the cache directory below.
set -euo pipefail

version="${ISTIOCTL_VERSION:-1.31.1}"
cache_root="${ISTIO_YAML_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/istio-yaml}"
out_dir="$cache_root/istioctl/$version"
bin="$out_dir/istioctl"

if [ -x "$bin" ] && "$bin" version --remote=false --short >/dev/null 2>&1; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null || { echo "scripts/istioctl.sh: Go is not installed; it is needed to build istioctl" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
log() { echo "scripts/istioctl.sh: $*" >&2; }

log "building istioctl $version (first run only; cached in $out_dir)"
go mod init istio-yaml.local/istioctl-build >/dev/null 2>&1
# `go get` resolves the tag to its pseudo-version; -d is implied in module mode.
GOFLAGS=-mod=mod go get "istio.io/istio@$version" >&2

# Repeat the release's replace directives (if any) in the scratch module.
modfile="$(go list -m -f '{{.GoMod}}' istio.io/istio)"
awk '
  /^replace \(/ { block = 1; next }
  block && /^\)/ { block = 0; next }
  block { print "replace " $0; next }
  /^replace / { print }
' "$modfile" >>go.mod

# The Go module proxy this project's machines use serves only some versions of a module. Istio's
# release requires untagged pseudo-versions of four modules that it does not serve; these replace
# lines name what it does serve. api and client-go: the release tags of the very same commits
# (d60a532be69a, c7626dc08a15; checked below). envoy: v1.39.0 is the same commit as the required
# v1.37.1-0.20260713214202-ca8ce173c36f (same commit time). contrib: the nearest later commit
# served (2026-07-29 instead of 2026-07-13); it holds Envoy's contrib protos, which analyze and
# validate do not use.
if [ "$version" = "1.31.1" ]; then
  cat >>go.mod <<'EOF'
replace istio.io/api => istio.io/api v1.31.1
replace istio.io/client-go => istio.io/client-go v1.31.1
replace github.com/envoyproxy/go-control-plane/envoy => github.com/envoyproxy/go-control-plane/envoy v1.39.0
replace github.com/envoyproxy/go-control-plane/contrib => github.com/envoyproxy/go-control-plane/contrib v1.36.1-0.20260729145720-a2d8c7492908
EOF
  for module in istio.io/api istio.io/client-go; do
    required="$(awk -v m="$module" '$1 == m { print $2 }' "$modfile")"
    tagged="$(go mod download -json "$module@v$version" | sed -n 's/.*"Hash": "\([0-9a-f]*\)".*/\1/p')"
    case "$tagged" in "${required##*-}"*) ;; *) log "$module v$version is commit $tagged, not ${required##*-} as istio $version requires"; exit 1 ;; esac
  done
fi

pseudo="$(go list -m -f '{{.Version}}' istio.io/istio)"

cat >tools.go <<'EOF'
//go:build tools

package tools

import _ "istio.io/istio/istioctl/cmd/istioctl"
EOF
GOFLAGS=-mod=mod go mod tidy >&2

mkdir -p "$out_dir"
# Stamp the version the way Istio's release build does, so `istioctl version` reports it.
ldflags="-s -w -X istio.io/istio/pkg/version.buildVersion=$version -X istio.io/istio/pkg/version.buildStatus=Clean -X istio.io/istio/pkg/version.buildTag=$version"
CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -ldflags "$ldflags" -o "$bin.tmp" istio.io/istio/istioctl/cmd/istioctl >&2
mv "$bin.tmp" "$bin"
printf '%s\n' "$version" >"$out_dir/VERSION"
printf '%s\n' "$pseudo" >"$out_dir/MODULE_VERSION"
log "built $("$bin" version --remote=false --short 2>/dev/null)"
echo "$bin"
