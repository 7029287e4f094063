#!/usr/bin/env bash
# The ledger balance benchmark (issue 13, see BENCHMARKS.md): one call's balance over 1,000,000 ledger entries. Builds
# the bench client, then, without an application server, migrates a fresh H2 file database (bench/target/ledger-balance-db,
# deleted first; Oracle mode, reached over TCP as the product reaches its H2 server) from the sql module's scripts,
# inserts the entries by JDBC batch over 1,000 calls (one call of 100,000 entries, the others about 900 each), prints
# H2's EXPLAIN of LedgerPostings.balances's query and times it for the big call and a small one.
# Results: bench/target/ledger-balance/summary.txt.
#
# Usage: bench/ledger-balance.sh [--entries=1000000] [--calls=1000] [--big=100000] [--rounds=200]
# It starts no Payara Server and so takes no server lock; run it on a quiet machine (its figures are milliseconds).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$REPO/bench/target/ledger-balance"
DB_DIR="$REPO/bench/target/ledger-balance-db"
rm -rf "$DB_DIR" "$OUT"
mkdir -p "$DB_DIR" "$OUT"

echo "== building the bench client"
(cd "$REPO" && mvn -q -B -f bench/pom.xml package)
echo "== migrating, filling and timing (a few minutes)"
java -Xms512m -Xmx2g -cp "$REPO/bench/target/classes:$(cat "$REPO/bench/target/classpath.txt")" \
    org.innofund.bench.LedgerBalanceBench --scripts="$REPO/sql/src/main/resources/db/migration" --db="$DB_DIR" \
    --out="$OUT" "$@"
echo "== results in bench/target/ledger-balance/summary.txt"
