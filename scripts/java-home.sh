#!/usr/bin/env bash
# Sourced by the other scripts: points JAVA_HOME at a JDK 21 or newer (EDC targets Java 21),
# keeping the caller's JAVA_HOME when it already is one.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for jdk in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 \
             /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [ -x "$jdk/bin/java" ]; then export JAVA_HOME=$jdk; break; fi
  done
fi
"${JAVA_HOME:-/nonexistent}/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' \
  || { echo "EDC needs a JDK 21 or newer: set JAVA_HOME" >&2; exit 1; }
