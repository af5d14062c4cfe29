#!/usr/bin/env bash
# Builds tracejdbc and the benchmarks, runs them and prints markdown tables (contender x workload:
# ns/op ± error, ratio to raw; the classifier alone by statement shape) and design.md's budget
# checks. Not part of the test command.
#
#   benchmarks/run.sh                                  # everything, about 24 minutes
#   benchmarks/run.sh friendly                         # the cached workloads, about 8 minutes
#   benchmarks/run.sh classification                   # many distinct statements, about 16 minutes
#   JMH_OPTS="-f 1 -wi 5 -w 2s -i 10 -r 2s" benchmarks/run.sh   # the same for every benchmark
#   benchmarks/run.sh -p contender=raw,tracejdbc-noop 'SqliteBenchmark.pointSelect'
#   benchmarks/run.sh classification -p distinct=100,10000 -p contender=raw,tracejdbc-otel
#   benchmarks/run.sh -prof gc -p contender=tracejdbc-otel 'SqliteBenchmark'
#
# Arguments are JMH's (after JMH_OPTS): benchmark regexps, -p, -prof, ...; a first argument
# `friendly` or `classification` stands for that suite's benchmarks. The PostgreSQL benchmark
# needs the server on 127.0.0.1:5432 (database test, user postgres, trust auth). SKIP_BUILD=1
# runs the jar already built; Maven reads MAVEN_OPTS (e.g. -Dmaven.repo.local=...) as usual.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  friendly)
    shift
    set -- SqliteBenchmark PostgresqlBenchmark ShimSpanBenchmark "$@"
    ;;
  classification)
    shift
    set -- PreparedRoundRobinBenchmark MultiRowInsertBenchmark FirstSightBenchmark "$@"
    ;;
esac

# iterations and times: the benchmarks' annotations (friendly: 3 x 1 s warmup, 5 x 1 s measured,
# 15 s warmup for the classification miss; classification: 3 x 2 s measured after 3 x 2 s warmup
# for the multi-row insert, 5 x 2 s for the round robin, 15 x 2 s for the first sight), unless
# JMH_OPTS or the arguments say otherwise
JMH_OPTS="${JMH_OPTS:--f 1}"

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  mvn -B -q -pl benchmarks -am package -Dmaven.test.skip=true
fi

# shellcheck disable=SC2086
exec java -cp benchmarks/target/benchmarks.jar io.tracejdbc.benchmarks.Report $JMH_OPTS "$@"
