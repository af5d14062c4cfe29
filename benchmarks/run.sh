#!/usr/bin/env bash
# Builds tracejdbc and the benchmarks, runs them and prints a markdown table (contender x workload:
# ns/op ± error, ratio to raw) and design.md's budget checks. Not part of the test command.
#
#   benchmarks/run.sh                                  # everything, the short configuration
#   JMH_OPTS="-f 1 -wi 5 -w 2s -i 10 -r 2s" benchmarks/run.sh   # the same for every benchmark
#   benchmarks/run.sh -p contender=raw,tracejdbc-noop 'SqliteBenchmark.pointSelect'
#   benchmarks/run.sh -prof gc -p contender=tracejdbc-otel 'SqliteBenchmark'
#
# Arguments are JMH's (after JMH_OPTS): benchmark regexps, -p, -prof, ... The PostgreSQL benchmark
# needs the server on 127.0.0.1:5432 (database test, user postgres, trust auth).
set -euo pipefail
cd "$(dirname "$0")/.."

# iterations and times: the benchmarks' annotations (3 x 1 s warmup, 5 x 1 s measured; 15 s
# warmup for the classification miss), unless JMH_OPTS or the arguments say otherwise
JMH_OPTS="${JMH_OPTS:--f 1}"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true
fi

# shellcheck disable=SC2086
exec java -cp benchmarks/target/benchmarks.jar io.tracejdbc.benchmarks.Report $JMH_OPTS "$@"
