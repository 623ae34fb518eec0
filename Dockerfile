# EDC's image: one jar, both roles (SPRING_PROFILES_ACTIVE=api or worker; both when unset).
#   ./mvnw -B -DskipTests package          # the jar, built on the host with the Maven wrapper
#   docker build -t edc:local .            # (add --network host where the bridge has no Internet)
# The jar is built on the host rather than in a build stage so that the image builds the same
# wherever the tests run, including networks whose TLS a build container would not trust.
# debian:trixie-slim is the official image; scripts/build-base-images.sh makes it on hosts that
# cannot pull.
FROM debian:trixie-slim

# Slim images drop man pages, and the JRE's alternatives want their directory.
RUN mkdir -p /usr/share/man/man1 \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-21-jre-headless \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10000 --user-group --home-dir /app --shell /usr/sbin/nologin edc

WORKDIR /app
# A worker builds the runner images it does not find on its Docker engine from these Dockerfiles.
COPY runners /app/runners
ENV EDC_RUNNERS_DIR=/app/runners
COPY target/edc-*.jar /app/edc.jar

# Not root. A worker needs the Docker socket (root:docker 0660 on the host), which is root on the
# host whoever holds it: docker-compose.yml runs the worker as root for that; the API stays edc.
USER edc
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/edc.jar"]
