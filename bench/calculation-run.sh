#!/usr/bin/env bash
# The calculation-run and policy-sandbox benchmark (issue 12, see BENCHMARKS.md): builds the product, starts it with
# `mvn -Prun verify` on a fresh H2 database of its own (embedded in Payara, durable commits, AUTO_SERVER so that the
# client reaches the same database, the tests' clock on so that the call can be closed), creates and publishes an
# RD_INVESTMENT call, imports the figures of 10,000 qualifying enterprises (and some that do not qualify) through the
# API, confirms the requests by SQL, closes the call by the clock, then runs the rounds (a calculation run, the limit:
# a raw JDBC batch insert of the run's rows, the policy sandbox) and stops the server whatever happens.
# Results: bench/target/calculation-run/ (summary.txt, log.txt, server.log).
#
# Usage: bench/calculation-run.sh [--enterprises=10000] [--ineligible=500] [--rounds=5]
# PROFILE=jfr in the environment records the server with Java Flight Recorder (bench/target/calculation-run/server.jfr).
# One warm-up round comes before the counted rounds. Only one Payara Server can run on a machine at a time: the
# script holds /tmp/innofund-server.lock (flock) for its whole run, like every other command that starts one.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$REPO/bench/target/calculation-run"
DB_DIR="$REPO/bench/target/calculation-run-db"
# shellcheck source=lib/server.sh
. "$REPO/bench/lib/server.sh"
bench_take_lock "$@"
# As evaluation-batch.sh: H2 inside Payara (its CPU is the server's), commits written at once, AUTO_SERVER for the
# client's connection (the confirmations, the checks, reading the run's rows for the limit).
export DB=embedded-durable DB_URL_OPTIONS="AUTO_SERVER=TRUE"
# The tests' clock (PUT /api/v1/test/clock, ADMIN): the call is closed by moving the server's clock past its close.
# Payara inherits the variable from the run command; this benchmark's server only.
export INNOFUND_TEST_CLOCK=true
bench_start_server -o

[ "${PROFILE:-}" = jfr ] && jcmd "$PAYARA_PID" JFR.start name=bench settings=profile >/dev/null
echo "== running the load client"
set +e
java -Xms1g -Xmx3g -cp "$(bench_classpath)" \
    org.innofund.bench.CalculationRunBench --base="$URL" --out="$OUT" --server-config="$SERVER_CONFIG" \
    --server-pid="$PAYARA_PID" --jdbc-url="$INNOFUND_DB_URL" --jdbc-user=innofund --jdbc-password="$INNOFUND_DB_PASSWORD" "$@"
client_status=$?
[ "${PROFILE:-}" = jfr ] && jcmd "$PAYARA_PID" JFR.dump name=bench filename="$OUT/server.jfr"
set -e

bench_log_summary
echo "== results in bench/target/calculation-run/ (summary.txt, log.txt, server.log)"
exit "$client_status"
