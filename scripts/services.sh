#!/usr/bin/env bash
# Installs (when missing) and starts what the tests need: PostgreSQL, Redis, Chromium, the dotnet tools.
# Idempotent: safe to run again while the services are already up. Needs root for apt-get.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# Node.js runs Medplum's FHIR server for the national-sync interoperability test.
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if ((${#need[@]})); then
  echo "Installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# PostgreSQL: the Debian cluster, with a password for TCP logins on loopback.
pg_version=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$pg_version *main"; then
  pg_createcluster "$pg_version" main >/dev/null
fi
if ! pg_lsclusters -h | grep "^$pg_version *main" | grep -q online; then
  pg_ctlcluster "$pg_version" main start
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null

# Redis on loopback, for the cross-instance tests.
if ! redis-cli -p 6379 ping >/dev/null 2>&1; then
  redis-server --port 6379 --bind 127.0.0.1 --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis-cli -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi

# dotnet-ef from the local tool manifest (used to script the SQL Server migrations).
dotnet tool restore >/dev/null
echo "Services ready: PostgreSQL $pg_version on 127.0.0.1:5432, Redis on 127.0.0.1:6379, $(chromium --version 2>/dev/null | head -n 1)"
