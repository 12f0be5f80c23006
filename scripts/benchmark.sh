#!/usr/bin/env bash
# The benchmark suite of docs/benchmarks.md: builds benchmarks/PathwayLatency (through the shared build lock) and runs it.
# Usage: bash scripts/benchmark.sh [--suite full|smoke] [options]   (no arguments: --suite full)
# Appends its results to docs/benchmarks.md; exits non-zero when a target is NOT MET or a part failed.
set -euo pipefail
cd "$(dirname "$0")/.."

# The two-instance part needs PostgreSQL and Redis.
pg_isready -q -h 127.0.0.1 2>/dev/null || bash scripts/services.sh
flock /tmp/cw-build.lock dotnet build benchmarks/PathwayLatency -c Release -nologo -clp:ErrorsOnly
if [ $# -eq 0 ]; then
    set -- --suite full
fi
exec dotnet run -c Release --no-build --project benchmarks/PathwayLatency -- "$@"
