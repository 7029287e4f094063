#!/usr/bin/env bash
# The crash test at full length (issue 7, BENCHMARKS.md): 20 rounds of "8 writers (registrations, saves, uploads,
# submissions) -> kill -9 of the Payara JVM at a random moment -> start again -> every acknowledged write present
# (files byte for byte), audit chain intact", then 2 rounds that also kill the database server. It is
# it/src/test/java/org/innofund/it/DurabilityCrashIT.java, which `mvn verify` runs with 3 + 1 rounds.
# Result: bench/target/crash-rounds/crash-rounds.txt (one line per round) and the Maven log beside it.
#
# Usage: bench/crash-rounds.sh [ROUNDS=20] [DATABASE_ROUNDS=2]      holds /tmp/innofund-server.lock while it runs
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/server.sh
. "$REPO/bench/lib/server.sh"
bench_take_lock "$@"

ROUNDS=${1:-20}
DATABASE_ROUNDS=${2:-2}
OUT="$REPO/bench/target/crash-rounds"
rm -rf "$OUT"
mkdir -p "$OUT"
cd "$REPO"
echo "== $ROUNDS + $DATABASE_ROUNDS crash rounds (log: bench/target/crash-rounds/maven.log)"
started=$(date +%s)
set +e
mvn -B verify -pl it -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test='DurabilityCrashIT#acknowledgedWrites*' -Dcrash.rounds="$ROUNDS" -Dcrash.databaseRounds="$DATABASE_ROUNDS" \
    >"$OUT/maven.log" 2>&1
status=$?
set -e
cp it/target/crash/crash-rounds.txt "$OUT/" 2>/dev/null || true
{
    cat "$OUT/crash-rounds.txt" 2>/dev/null
    echo "result: $([ $status = 0 ] && echo PASSED || echo "FAILED (see maven.log)") in $(( $(date +%s) - started )) s"
} | tee "$OUT/summary.txt"
exit $status
