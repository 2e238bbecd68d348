#!/usr/bin/env bash
# The API contract's checks that need Node (issue 17), on the committed documents docs/api/{initiative,kpi,budget}-service.json:
#  1. a TypeScript client (openapi-generator typescript-fetch, the api-clients module's -Dnq57.ts=true profile) is
#     generated from each document and must type-check: tsc --noEmit --strict;
#  2. Spectral lints the documents with .spectral.yaml (spectral:oas plus the contract's own rules): zero errors,
#     the warnings counted per document (all findings in api-clients/target/api-check/spectral.txt).
# Exits non-zero on a compile error or a lint error. Without node/npm it prints "skipped: no Node" and exits 0.
# npm packages are pinned and cached under ~/.cache/nq57/npm (NQ57_NPM_CACHE). The Java clients are generated and
# compiled by the Maven build itself (api-clients).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "api-check: skipped: no Node"
  exit 0
fi
TYPESCRIPT=typescript@5.9.3
SPECTRAL=@stoplight/spectral-cli@6.16.3
services=(initiative kpi budget)
documents=(docs/api/initiative-service.json docs/api/kpi-service.json docs/api/budget-service.json)
export npm_config_cache="${NQ57_NPM_CACHE:-$HOME/.cache/nq57/npm}"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false npm_config_loglevel=error
work=api-clients/target/api-check
ts=api-clients/target/generated-sources/ts
rm -rf "$work" "$ts"
mkdir -p "$work"
elapsed() { echo "$(( $(date +%s) - start )) s"; }

# Spectral runs in the background while the TypeScript clients are generated and compiled.
echo "api-check: node $(node --version), Spectral ${SPECTRAL##*@}, TypeScript ${TYPESCRIPT##*@} (npm cache $npm_config_cache)"
( rc=0
  npx --yes -p "$SPECTRAL" spectral lint --ruleset .spectral.yaml --fail-severity error \
    -f json --output.json "$work/spectral.json" -f stylish --output.stylish "$work/spectral.txt" \
    "${documents[@]}" >"$work/spectral.log" 2>&1 || rc=$?
  echo $rc >"$work/spectral.rc" ) &
spectral_pid=$!

failed=0
echo "api-check: generating the TypeScript clients (typescript-fetch)"
if ! ./mvnw -B -ntp -q -pl api-clients -Dnq57.ts=true \
    openapi-generator:generate@ts-initiative openapi-generator:generate@ts-kpi openapi-generator:generate@ts-budget \
    >"$work/generate.log" 2>&1; then
  cat "$work/generate.log"
  echo "api-check: FAILED: TypeScript client generation"
  failed=1
fi
if [ $failed -eq 0 ]; then
  for s in "${services[@]}"; do
    cat >"$ts/$s/tsconfig.json" <<'EOF'
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "target": "ES2020", "module": "ES2020", "moduleResolution": "node",
    "lib": ["ES2020", "DOM"], "skipLibCheck": true, "forceConsistentCasingInFileNames": true
  },
  "include": ["**/*.ts"]
}
EOF
    if npx --yes -p "$TYPESCRIPT" tsc -p "$ts/$s/tsconfig.json" >"$work/tsc-$s.log" 2>&1; then
      echo "api-check: TypeScript client of $s-service ($(find "$ts/$s" -name '*.ts' | wc -l) files) compiles (tsc --strict) [$(elapsed)]"
    else
      head -50 "$work/tsc-$s.log"
      echo "api-check: FAILED: TypeScript client of $s-service does not compile ($(grep -c 'error TS' "$work/tsc-$s.log") errors)"
      failed=1
    fi
  done
fi

wait "$spectral_pid" || true
if [ ! -s "$work/spectral.json" ]; then
  cat "$work/spectral.log"
  echo "api-check: FAILED: Spectral did not run (exit $(cat "$work/spectral.rc" 2>/dev/null))"
  exit 1
fi
# Per document: errors and warnings, the warnings by rule; every error in full.
if ! node - "$work/spectral.json" "${services[@]}" <<'EOF'
const fs = require('fs');
const [file, ...services] = process.argv.slice(2);
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
const sev = ['error', 'warning', 'info', 'hint'];
let errors = 0;
for (const s of services) {
  const mine = results.filter(r => r.source && r.source.endsWith(`${s}-service.json`));
  const count = n => mine.filter(r => r.severity === n).length;
  const byRule = {};
  for (const r of mine.filter(r => r.severity === 1)) byRule[r.code] = (byRule[r.code] || 0) + 1;
  const rules = Object.entries(byRule).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`api-check: Spectral ${s}-service.json: ${count(0)} errors, ${count(1)} warnings${rules ? ` (${rules})` : ''}`);
  for (const r of mine.filter(r => r.severity === 0))
    console.log(`  error ${r.code} at ${r.path.join('.')} (line ${r.range.start.line + 1}): ${r.message}`);
  errors += count(0);
}
const other = results.filter(r => !services.some(s => r.source && r.source.endsWith(`${s}-service.json`)));
for (const r of other) console.log(`  ${sev[r.severity]} ${r.code} in ${r.source}: ${r.message}`);
process.exit(errors > 0 || other.some(r => r.severity === 0) ? 1 : 0);
EOF
then
  echo "api-check: FAILED: Spectral errors (all findings: $work/spectral.txt)"
  failed=1
fi
if [ $failed -ne 0 ]; then echo "api-check: FAILED [$(elapsed)]"; exit 1; fi
echo "api-check: OK [$(elapsed)]"
