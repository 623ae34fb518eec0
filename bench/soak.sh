#!/usr/bin/env bash
# Soak of the delivery guarantees (issue 4): 2,000 short JavaScript jobs posted by 8 concurrent
# clients across two API processes, two worker processes, one worker killed (SIGKILL) halfway and
# restarted. Prints the counts ([soak] lines) and fails unless every job has exactly one stored
# result and every subscriber exactly one message. Needs RabbitMQ, Redis and Docker running (as
# after scripts/services.sh); takes several minutes.
#   bash bench/soak.sh                                   # 2,000 jobs, 8 clients
#   SOAK_JOBS=500 SOAK_CLIENTS=4 bash bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
export SPRING_RABBITMQ_HOST=${SPRING_RABBITMQ_HOST:-localhost} SPRING_DATA_REDIS_HOST=${SPRING_DATA_REDIS_HOST:-localhost}
mkdir -p target
./mvnw -B -ntp verify -Psoak -Dit.test=SoakIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsoak.jobs="${SOAK_JOBS:-2000}" -Dsoak.clients="${SOAK_CLIENTS:-8}" | tee target/soak.log | grep -E '^\[soak\]|Tests run:|BUILD'
