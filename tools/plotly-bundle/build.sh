#!/usr/bin/env bash
# Rebuild assets/01-plotly-dashboard.min.js: plotly.js (same version as the plotly Python package
# ships) with only the trace types the dashboard uses. Needs Node.js and npm (npm registry only).
# Dash's dcc.Graph uses window.Plotly when an asset defines it, and then never downloads the full
# 4.8 MB plotly.min.js. Add a trace module to entry.js when a figure builder starts using a new type.
# Also writes assets/02-regenerator-runtime.min.js: dcc's scripts call the global regeneratorRuntime,
# which Dash takes from its 36 KB Babel polyfill bundle (left out: web/app_factory.UNUSED_SCRIPTS);
# this is that one part, 2.5 KB gzipped.
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
regenerator=../../assets/02-regenerator-runtime.min.js
{
  echo "/* regenerator-runtime v$(node -p "require('regenerator-runtime/package.json').version") (MIT licence, Facebook, Inc.): defines window.regeneratorRuntime for dcc, built by tools/plotly-bundle/build.sh */"
  npx esbuild node_modules/regenerator-runtime/runtime.js --minify --legal-comments=none
} > "$regenerator"
echo "wrote $regenerator ($(wc -c < "$regenerator") bytes)"
