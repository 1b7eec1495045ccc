#!/usr/bin/env bash
# Installs code-server (a real VS Code workbench, 1.100.3) into .tools/code-server, once.
# Used by `npm start`, the real-editor tests and .ci/run. Needs g++, make, python3 and libkrb5-dev.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="4.100.3"
dir="${CORPUS_LENS_TOOLS:-$root/.tools}/code-server"
bin="$dir/node_modules/.bin/code-server"
if [ -x "$bin" ] && [ "$("$bin" --version 2>/dev/null | head -1 | cut -d' ' -f1)" = "$version" ]; then
  echo "code-server $version already installed in $dir"
  exit 0
fi
missing=()
for tool in g++ make python3 rg krb5-config; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "code-server needs ${missing[*]} to install: apt-get install g++ make python3 ripgrep libkrb5-dev" >&2
  exit 1
fi
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"name":"corpus-lens-tools","private":true}' > package.json

# @vscode/ripgrep downloads a binary on install; these machines reach no such host,
# so seed its cache with the system ripgrep (Debian package `ripgrep`).
rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
rg_tar="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -f "$rg_tar" ] && command -v rg >/dev/null; then
  mkdir -p "$rg_cache/stage"
  cp "$(command -v rg)" "$rg_cache/stage/rg"
  tar -czf "$rg_tar" -C "$rg_cache/stage" rg
  rm -rf "$rg_cache/stage"
fi

export npm_config_yes=true
# npm 11 blocks dependency install scripts unless approved; code-server's postinstall runs a nested
# `npm install` whose native modules must build, so approve them all for this isolated tools folder.
export npm_config_dangerously_allow_all_scripts=true
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
echo "Installing code-server $version into $dir (about a minute)…"
npm install --no-audit --no-fund --unsafe-perm "code-server@$version" >"$dir/install.log" 2>&1 || {
  echo "code-server install failed; last lines of $dir/install.log:" >&2
  tail -30 "$dir/install.log" >&2
  exit 1
}
"$bin" --version | head -1
