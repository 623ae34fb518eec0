#!/bin/sh
# Fetches, on the host, what runners/jvm/Dockerfile COPYs from Maven Central (HTTPS does not work
# inside `docker build` here): the Kotlin 2 compiler (kotlin-compiler-embeddable and the jars it
# needs at run time, kotlin-stdlib among them) into runners/jvm/dist/kotlin/ (gitignored), through
# the project's Maven wrapper and a throwaway pom. Idempotent: skips the work when the jars are there.
# Bump KOTLIN here and in the Dockerfile together.
set -eu
KOTLIN=2.4.21
here=$(cd "$(dirname "$0")" && pwd)
out="$here/dist/kotlin"
if [ -s "$out/kotlin-compiler-embeddable-$KOTLIN.jar" ] && [ -s "$out/kotlin-stdlib-$KOTLIN.jar" ]; then
  echo "$out has Kotlin $KOTLIN"
  exit 0
fi
mkdir -p "$here/dist"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.edc.runners</groupId>
  <artifactId>kotlin-fetch</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.jetbrains.kotlin</groupId>
      <artifactId>kotlin-compiler-embeddable</artifactId>
      <version>$KOTLIN</version>
    </dependency>
  </dependencies>
</project>
POM
# The wrapper wants a JDK: the machine's default one, else Temurin 25.
if [ -z "${JAVA_HOME:-}" ] && ! command -v javac >/dev/null 2>&1; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; export JAVA_HOME
fi
rm -rf "$out.part"
"$here/../../mvnw" -q -B -f "$tmp/pom.xml" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$out.part"
rm -rf "$out"
mv "$out.part" "$out"
ls "$out"
