# The Order Platform backend image: the WAR on a minified Open Liberty (only the features server.xml names) on a JRE.
# One image for every role - APP_ROLE=api, worker or all (the default) - as docker-compose.yml and kubernetes/ run it.
#
#   docker build -t order-platform .                      (BuildKit: the Maven repository is cached between builds)
#   docker run --read-only -p 9080:9080 --env-file .env order-platform
#
# Runs as uid 1001, group 0 (OpenShift-style: any uid in group 0 works), on a read-only root filesystem: the only
# writable paths are the volumes declared below. Configuration comes from environment variables (README,
# "Configuration"); there are no dev services in the image - PostgreSQL, Redis and the JWT key pair come from outside.

# Public bases pinned to exact tags. Override them for a mirror or a local base (the tests do); the build stage needs a
# JDK (java and javac on the PATH), the runtime stage a JRE (java on the PATH) and /bin/sh.
ARG BUILD_IMAGE=eclipse-temurin:17.0.16_8-jdk-noble
ARG RUNTIME_IMAGE=eclipse-temurin:17.0.16_8-jre-noble

# The build stage runs on the builder's own platform whatever the target: the WAR and Liberty are the same on every
# architecture, so a multi-platform build (amd64 + arm64, as the pipelines make) compiles once, without emulation.
FROM --platform=${BUILDPLATFORM} ${BUILD_IMAGE} AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/main/ src/main/
COPY webapp/ webapp/
# The WAR, a Liberty server with it and the JDBC driver (not a loose application: the files themselves), then the
# image's JVM options instead of the dev run's (which load the dev-services agent), and a minified package of it.
# server.env only holds a keystore password made at build time: the entrypoint makes one per container instead.
# Maven and its repository live in the build's own directory (MAVEN_USER_HOME, maven.repo.local), in a cache mount
# that later builds reuse - not in the home directory of whichever user the base image runs as. Neither tests nor the
# style check run here (the image has only the main sources): the pipeline runs both before it builds the image.
RUN --mount=type=cache,target=/build/.m2 \
    MAVEN_USER_HOME=/build/.m2 ./mvnw --batch-mode --no-transfer-progress -Dmaven.repo.local=/build/.m2/repository \
        -Dmaven.test.skip=true -Dcheckstyle.skip=true -DlooseApplication=false \
        package liberty:create liberty:deploy \
    && server=target/liberty/wlp/usr/servers/orderPlatform \
    && cp src/main/docker/jvm.options "$server/jvm.options" \
    && rm -f "$server/server.env" \
    && target/liberty/wlp/bin/server package orderPlatform --archive=/build/server.tar.gz --include=minify \
    && mkdir /image \
    && tar -xzf /build/server.tar.gz -C /image \
    && rm -rf /image/wlp/usr/servers/orderPlatform/workarea \
    && javac --release 17 -d /image/healthcheck src/main/docker/HealthCheck.java \
    && chmod -R g+rX,o-rwx /image

FROM ${RUNTIME_IMAGE}
ARG VERSION=dev
ARG REVISION=unknown
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="order-platform" \
      org.opencontainers.image.description="Order Platform API and order-processing workers (Open Liberty)" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}"

# Owned by root, readable by group 0: the server's user can run it but not change it. Only the volumes are its own.
COPY --from=build --chown=0:0 /image/wlp /opt/ol/wlp
COPY --from=build --chown=0:0 /image/healthcheck /opt/ol/healthcheck
COPY --chown=0:0 --chmod=755 src/main/docker/entrypoint.sh /opt/ol/entrypoint.sh
# The writable paths, for the server's user and any other uid of group 0 (a tmpfs mounted there keeps the mode).
RUN mkdir -p /opt/ol/output /opt/ol/logs \
    && chown 1001:0 /opt/ol/output /opt/ol/logs \
    && chmod 770 /opt/ol/output /opt/ol/logs

# WLP_OUTPUT_DIR: Liberty's workarea and runtime files; LOG_DIR: its log files (the console gets the same, as JSON);
# the WAR is expanded under the output directory, and the JVM writes to /tmp.
ENV WLP_OUTPUT_DIR=/opt/ol/output \
    LOG_DIR=/opt/ol/logs \
    WLP_LOGGING_CONSOLE_FORMAT=json \
    HTTP_PORT=9080 \
    APP_ROLE=all
VOLUME ["/opt/ol/output", "/opt/ol/logs", "/tmp"]

USER 1001:0
EXPOSE 9080
# Ready = migrated and connected to PostgreSQL (/health/ready); a tiny JVM, no shell tools. Liberty needs a minute or
# two to start on a busy small machine: failures count only after the start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
    CMD ["java", "-Xmx16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", \
         "-cp", "/opt/ol/healthcheck", "HealthCheck"]
# The entrypoint and "server run" both exec: the JVM is PID 1 and gets the engine's SIGTERM, on which Liberty stops the
# application - workers finish or hand back their jobs within WORKER_SHUTDOWN_GRACE_SECONDS.
ENTRYPOINT ["/opt/ol/entrypoint.sh"]
