#!/bin/sh
# Starts the server in the foreground as PID 1's replacement ("server run" execs the JVM), so the JVM receives the
# engine's SIGTERM itself.
#
# mpJwt only activates once Liberty has its default keystore, which Liberty creates at start-up (in the output
# directory, a tmpfs or volume) when keystore_password is set. No TLS port uses it, so the password only has to be
# unguessable: a fresh random one per container start, never part of the image.
set -eu
if [ -z "${keystore_password:-}" ]; then
    keystore_password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
    export keystore_password
    # The output directory outlives the process: a container restarted in its pod keeps its emptyDir, and docker keeps
    # a restarted container's volume. A keystore left there is locked with the previous start's password, and Liberty
    # would then refuse every token while its health checks stay green: start with a fresh one.
    rm -f "${WLP_OUTPUT_DIR:-/opt/ol/wlp/usr/servers}/orderPlatform/resources/security/key.p12"
fi
exec /opt/ol/wlp/bin/server run orderPlatform "$@"
