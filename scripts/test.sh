#!/usr/bin/env bash
# Runs every test suite (unit + bunit, integration on SQLite and PostgreSQL, Playwright e2e),
# checks formatting and the SQL Server migration script, and ends with one line:
#   N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CAREWORKSPACE_TEST_POSTGRES="${CAREWORKSPACE_TEST_POSTGRES:-Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres}"
export CAREWORKSPACE_TEST_REDIS="${CAREWORKSPACE_TEST_REDIS:-127.0.0.1:6379}"

bash scripts/services.sh || { echo "Could not prepare the test services"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

status=0
passed=0 failed=0 skipped=0

dotnet restore CareWorkspace.sln >/dev/null || { echo "restore failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
if ! dotnet build CareWorkspace.sln --no-restore -c Debug -nologo -clp:ErrorsOnly; then
  echo "build failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1
fi

echo "== dotnet format --verify-no-changes"
if ! dotnet format CareWorkspace.sln --verify-no-changes --no-restore; then
  echo "dotnet format found unformatted code"; failed=$((failed + 1)); status=1
fi

echo "== SQL Server migrations script (no SQL Server runs here)"
mkdir -p artifacts
if dotnet ef migrations script --idempotent --no-build --project db/Migrations.SqlServer --startup-project db/Migrations.SqlServer \
     --output artifacts/sqlserver-migrations.sql >/dev/null && grep -q "CREATE TABLE \[Patients\]" artifacts/sqlserver-migrations.sql; then
  echo "SQL Server script generated: artifacts/sqlserver-migrations.sql"; passed=$((passed + 1))
else
  echo "SQL Server migrations script failed"; failed=$((failed + 1)); status=1
fi

# Time is Danish whatever the server's zone: the unit tests run in New York, the integration tests in UTC
# (also set in their .runsettings, so filtered runs get the same zones).
zone_for() { case "$1" in tests/unit) echo America/New_York ;; tests/integration) echo UTC ;; *) echo "${TZ:-UTC}" ;; esac; }

for project in tests/unit tests/integration tests/e2e; do
  echo "== $project (TZ=$(zone_for "$project"))"
  log=$(mktemp)
  TZ="$(zone_for "$project")" dotnet test "$project" --no-build -nologo --blame-hang --blame-hang-timeout 10m --blame-hang-dump-type none --results-directory "artifacts/test-results/$(basename "$project")" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  line=$(grep -E "(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "$project produced no test summary (exit $rc)"; failed=$((failed + 1)); status=1
  else
    f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
    p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
    s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    [ "$rc" -eq 0 ] || status=1
  fi
  rm -f "$log"
done

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
