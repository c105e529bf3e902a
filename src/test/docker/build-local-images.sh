#!/usr/bin/env bash
# Builds the local stand-ins for the public base images the project's Dockerfiles and docker-compose.yml name, for
# machines that cannot pull from a container registry (the CI machines): a Debian root filesystem made with
# debootstrap from the mirror apt already uses, imported as local/debian:bookworm, then one small image per public
# base from Debian's packages (see the Dockerfile beside each). Needs root, debootstrap and a Docker engine
# (DOCKER_HOST). Images that exist already are kept; --rebuild makes them again.
#
#   src/test/docker/build-local-images.sh [--rebuild]
set -euo pipefail
cd "$(dirname "$0")"

rebuild=false
if [ "${1:-}" = --rebuild ]; then
    rebuild=true
fi

exists() {
    docker image inspect "$1" >/dev/null 2>&1
}

# The first Debian mirror apt is configured with (deb822 .sources or a one-line sources.list).
debian_mirror() {
    local mirror
    mirror=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)
    if [ -z "$mirror" ]; then
        mirror=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' \
            /etc/apt/sources.list 2>/dev/null)
    fi
    printf '%s\n' "$mirror"
}

if $rebuild || ! exists local/debian:bookworm; then
    rootfs=$(mktemp -d)
    trap 'rm -rf "$rootfs"' EXIT
    mirror=$(debian_mirror)
    echo "debootstrap bookworm from ${mirror:-the default mirror} ..."
    debootstrap --variant=minbase bookworm "$rootfs" ${mirror:+"$mirror"} >/dev/null
    tar -C "$rootfs" -c . | docker import - local/debian:bookworm >/dev/null
fi

# The JDK image runs the Maven build: it trusts the extra CA certificates this machine trusts.
extra_ca=$(mktemp -d)
trap 'rm -rf "${rootfs:-}" "$extra_ca"' EXIT
cp -r jdk/. "$extra_ca/"
mkdir -p "$extra_ca/ca-certificates"
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$extra_ca/ca-certificates/"
fi

# The images are independent: built side by side (apt downloads and unpacking overlap), each logging to a file.
logs=$(mktemp -d)
trap 'rm -rf "${rootfs:-}" "$extra_ca" "$logs"' EXIT
pids=()
names=()
for name in jdk jre nginx postgres redis prometheus; do
    if $rebuild || ! exists "local/$name"; then
        echo "building local/$name ..."
        context=$name
        if [ "$name" = jdk ]; then
            context=$extra_ca
        fi
        DOCKER_BUILDKIT=1 docker build --network host --tag "local/$name" "$context" >"$logs/$name.log" 2>&1 &
        pids+=($!)
        names+=("$name")
    fi
done
failed=false
for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then
        echo "local/${names[$i]} failed to build:" >&2
        tail -n 40 "$logs/${names[$i]}.log" >&2
        failed=true
    fi
done
if $failed; then
    exit 1
fi
docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' 'local/*'
