#!/usr/bin/env bash
# Rebuild assets/01-plotly-dashboard.min.js: plotly.js (same version as the plotly Python package
# ships) with only the trace types the dashboard uses. Needs Node.js and npm (npm registry only).
# Dash's dcc.Graph uses window.Plotly when an asset defines it, and then never downloads the full
# 4.8 MB plotly.min.js. Add a trace module to entry.js when a figure builder starts using a new type.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
version=$(node -p "require('plotly.js/package.json').version")
target=../../assets/01-plotly-dashboard.min.js
{
  echo "/* plotly.js v${version} (MIT licence, Plotly, Inc.): core + bar + scatter + treemap, built by tools/plotly-bundle/build.sh */"
  cat build/plotly-dashboard.min.js
} > "$target"
rm -rf build
echo "wrote $target ($(wc -c < "$target") bytes, $(gzip -c "$target" | wc -c) gzipped)"
