#!/usr/bin/env bash
# The payment-batch benchmark (issue 13, see BENCHMARKS.md): builds the product, starts it with `mvn -Prun verify` on a
# fresh H2 database of its own (embedded in Payara, durable commits, AUTO_SERVER so that the client reaches the same
# database, the tests' clock on so that the calls can be closed), makes one RD_INVESTMENT call a round (warm-up too)
# with --items qualifying enterprises imported through the API, confirmed and given payee accounts by SQL, a
# calculation run approved through the API (--items payable items), then per round times a batch of all of them:
# build, submit, approve (another user), export the treasury file, import the bank's file (all PAID); and the limit: a
# raw JDBC batch insert of as many ledger transactions and twice as many entries, and the floors of build and import (their
# row changes alone by raw JDBC, in the limit's database). Stops the server whatever happens.
# Results: bench/target/payment-batch/ (summary.txt, log.txt, server.log).
#
# Usage: bench/payment-batch.sh [--items=10000] [--rounds=3]
# PROFILE=jfr in the environment records the server with Java Flight Recorder (bench/target/payment-batch/server.jfr).
# H2_SETTINGS adds settings to the embedded database's URL for an experiment (e.g. H2_SETTINGS=CACHE_SIZE=131072).
# Only one Payara Server can run on a machine at a time: the script holds /tmp/innofund-server.lock (flock) for its
# whole run, like every other command that starts one.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$REPO/bench/target/payment-batch"
DB_DIR="$REPO/bench/target/payment-batch-db"
# shellcheck source=lib/server.sh
. "$REPO/bench/lib/server.sh"
bench_take_lock "$@"
# As evaluation-batch.sh: H2 inside Payara (its CPU is the server's), commits written at once, AUTO_SERVER for the
# client's connection (the confirmations, the checks, reading the run's rows for the limit).
export DB=embedded-durable DB_URL_OPTIONS="AUTO_SERVER=TRUE${H2_SETTINGS:+;$H2_SETTINGS}"
# The tests' clock (PUT /api/v1/test/clock, ADMIN): the call is closed by moving the server's clock past its close.
# Payara inherits the variable from the run command; this benchmark's server only.
export INNOFUND_TEST_CLOCK=true
bench_start_server -o

[ "${PROFILE:-}" = jfr ] && jcmd "$PAYARA_PID" JFR.start name=bench settings=profile >/dev/null
echo "== running the load client"
set +e
java -Xms1g -Xmx3g -cp "$(bench_classpath)" \
    org.innofund.bench.PaymentBatchBench --base="$URL" --out="$OUT" --server-config="$SERVER_CONFIG" \
    --server-pid="$PAYARA_PID" --jdbc-url="$INNOFUND_DB_URL" --jdbc-user=innofund --jdbc-password="$INNOFUND_DB_PASSWORD" "$@"
client_status=$?
[ "${PROFILE:-}" = jfr ] && jcmd "$PAYARA_PID" JFR.dump name=bench filename="$OUT/server.jfr"
set -e

bench_log_summary
echo "== results in bench/target/payment-batch/ (summary.txt, log.txt, server.log)"
exit "$client_status"
