package org.orderplatform.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.orderplatform.kubernetes.Rendering.Workload;

/**
 * The checks kube-linter and Polaris run by default on every pod, re-implemented over the rendered workloads: probes,
 * resources, security context, pinned images, the image's writable paths, graceful stops, spreading. Each check
 * returns "workload: problem" lines; none means the workload passes.
 */
final class WorkloadPolicies {

    /** The application image; its containers must probe the MicroProfile Health endpoints. */
    static final String APP_IMAGE = "order-platform";
    static final Map<String, String> HEALTH_PATHS =
            Map.of("startup", "/health/started", "liveness", "/health/live", "readiness", "/health/ready");

    private WorkloadPolicies() {
    }

    static List<String> problems(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        rendering.workloads().forEach(workload -> {
            PodSpec pod = workload.template().getSpec();
            podSecurity(workload, pod, problems);
            for (Container container : pod.getContainers()) {
                String where = workload + " container " + container.getName();
                probes(where, container, problems);
                resources(where, container, problems);
                containerSecurity(where, container, pod.getSecurityContext(), problems);
                image(where, container, problems);
                writablePaths(where, container, pod, problems);
            }
        });
        return problems;
    }

    static boolean isApp(Container container) {
        return imageName(container.getImage()).equals(APP_IMAGE);
    }

    private static void probes(String where, Container container, List<String> problems) {
        Map<String, Probe> probes = Map.of("startup", orNone(container.getStartupProbe()),
                "liveness", orNone(container.getLivenessProbe()), "readiness", orNone(container.getReadinessProbe()));
        probes.forEach((kind, probe) -> {
            if (probe == NONE) {
                problems.add(where + ": no " + kind + " probe");
                return;
            }
            if (probe.getHttpGet() != null && declaredPort(container, probe.getHttpGet().getPort()).isEmpty()) {
                problems.add(where + ": " + kind + " probe on port " + portText(probe.getHttpGet().getPort())
                        + ", which the container does not declare");
            }
            if (isApp(container) && (probe.getHttpGet() == null
                    || !HEALTH_PATHS.get(kind).equals(probe.getHttpGet().getPath()))) {
                problems.add(where + ": the " + kind + " probe must GET " + HEALTH_PATHS.get(kind));
            }
        });
        Probe liveness = container.getLivenessProbe();
        Probe readiness = container.getReadinessProbe();
        if (liveness != null && liveness.equals(readiness)) {
            // kube-linter: identical probes restart a pod that is only busy or cut off from a dependency
            problems.add(where + ": liveness and readiness probes are identical");
        }
    }

    private static final Probe NONE = new Probe();

    private static Probe orNone(Probe probe) {
        return probe == null ? NONE : probe;
    }

    static Optional<ContainerPort> declaredPort(Container container, IntOrString port) {
        return Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                .filter(declared -> port.getStrVal() != null
                        ? port.getStrVal().equals(declared.getName())
                        : port.getIntVal().equals(declared.getContainerPort()))
                .findFirst();
    }

    static String portText(IntOrString port) {
        return port.getStrVal() != null ? port.getStrVal() : String.valueOf(port.getIntVal());
    }

    private static void resources(String where, Container container, List<String> problems) {
        var resources = container.getResources();
        for (String bound : new String[] {"requests", "limits"}) {
            var values = resources == null ? null
                    : bound.equals("requests") ? resources.getRequests() : resources.getLimits();
            for (String resource : new String[] {"cpu", "memory"}) {
                if (values == null || !values.containsKey(resource)) {
                    problems.add(where + ": no " + resource + " " + bound);
                }
            }
        }
    }

    private static void podSecurity(Workload workload, PodSpec pod, List<String> problems) {
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            problems.add(workload + ": shares a host namespace");
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            problems.add(workload + ": mounts a service account token (automountServiceAccountToken must be false)");
        }
        Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                .filter(volume -> volume.getHostPath() != null)
                .forEach(volume -> problems.add(workload + ": hostPath volume " + volume.getName()));
    }

    private static void containerSecurity(String where, Container container, PodSecurityContext pod,
            List<String> problems) {
        SecurityContext own = container.getSecurityContext();
        PodSecurityContext podContext = pod == null ? new PodSecurityContext() : pod;
        if (own == null) {
            problems.add(where + ": no securityContext");
            return;
        }
        Boolean nonRoot = own.getRunAsNonRoot() != null ? own.getRunAsNonRoot() : podContext.getRunAsNonRoot();
        Long user = own.getRunAsUser() != null ? own.getRunAsUser() : podContext.getRunAsUser();
        if (!Boolean.TRUE.equals(nonRoot) || user == null || user == 0) {
            problems.add(where + ": must run as a non-root user id (runAsNonRoot and runAsUser)");
        }
        if (!Boolean.TRUE.equals(own.getReadOnlyRootFilesystem())) {
            problems.add(where + ": root filesystem is writable");
        }
        if (!Boolean.FALSE.equals(own.getAllowPrivilegeEscalation())) {
            problems.add(where + ": privilege escalation is not turned off");
        }
        if (Boolean.TRUE.equals(own.getPrivileged())) {
            problems.add(where + ": privileged");
        }
        if (own.getCapabilities() == null || own.getCapabilities().getDrop() == null
                || !own.getCapabilities().getDrop().contains("ALL")
                || !Optional.ofNullable(own.getCapabilities().getAdd()).orElse(List.of()).isEmpty()) {
            problems.add(where + ": must drop ALL capabilities and add none");
        }
        var seccomp = own.getSeccompProfile() != null ? own.getSeccompProfile() : podContext.getSeccompProfile();
        if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
            problems.add(where + ": seccompProfile is not RuntimeDefault");
        }
    }

    /** name[:tag][@digest] with a registry host possibly in front; "latest" or no tag and no digest is unpinned. */
    private static void image(String where, Container container, List<String> problems) {
        String image = container.getImage();
        boolean digest = image.contains("@sha256:");
        String tag = tag(image);
        if (!digest && (tag == null || tag.equals("latest"))) {
            problems.add(where + ": image " + image + " is not pinned to a version or digest");
        }
        if (!"IfNotPresent".equals(container.getImagePullPolicy()) && !digest) {
            problems.add(where + ": imagePullPolicy should be IfNotPresent for a pinned tag");
        }
    }

    /** The image's name without registry, tag or digest. */
    static String imageName(String image) {
        return nameAndTag(image)[0];
    }

    /** The image's tag, or null when it has none. */
    private static String tag(String image) {
        String[] nameAndTag = nameAndTag(image);
        return nameAndTag.length > 1 ? nameAndTag[1] : null;
    }

    /** The last path element of the reference, split at the tag's colon (a registry's port comes before a "/"). */
    private static String[] nameAndTag(String image) {
        String withoutDigest = image.split("@")[0];
        return withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1).split(":", 2);
    }

    /** The app image declares its writable paths (VOLUME in the Dockerfile); each must be an emptyDir. */
    private static void writablePaths(String where, Container container, PodSpec pod, List<String> problems) {
        if (!isApp(container)) {
            return;
        }
        for (String path : DECLARED_VOLUMES) {
            Optional<VolumeMount> mount = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of())
                    .stream().filter(m -> m.getMountPath().equals(path)).findFirst();
            Optional<Volume> volume = mount.flatMap(m -> pod.getVolumes().stream()
                    .filter(v -> v.getName().equals(m.getName())).findFirst());
            if (volume.isEmpty() || volume.get().getEmptyDir() == null) {
                problems.add(where + ": the image's volume " + path + " is not an emptyDir");
            } else if (volume.get().getEmptyDir().getSizeLimit() == null) {
                problems.add(where + ": the emptyDir for " + path + " has no sizeLimit");
            }
        }
    }

    private static final Pattern VOLUME = Pattern.compile("(?m)^VOLUME\\s+\\[(.*)]\\s*$");

    /** The writable paths the image declares (VOLUME in the Dockerfile). */
    static final List<String> DECLARED_VOLUMES = declaredVolumes();

    private static List<String> declaredVolumes() {
        try {
            Matcher matcher = VOLUME.matcher(Files.readString(Path.of("Dockerfile")));
            List<String> paths = new ArrayList<>();
            while (matcher.find()) {
                Stream.of(matcher.group(1).split(","))
                        .map(entry -> entry.trim().replace("\"", ""))
                        .forEach(paths::add);
            }
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pods of Deployments with more than one replica (or autoscaled) spread over nodes. */
    static List<String> spreading(Rendering rendering, Set<String> scaled) {
        List<String> problems = new ArrayList<>();
        rendering.workloads().filter(workload -> workload.kind().equals("Deployment"))
                .filter(workload -> scaled.contains(workload.name()) || replicas(rendering, workload) > 1)
                .filter(workload -> Optional.ofNullable(workload.template().getSpec().getTopologySpreadConstraints())
                        .orElse(List.of()).stream()
                        .noneMatch(constraint -> constraint.getTopologyKey().equals("kubernetes.io/hostname")
                                && workload.podLabels().entrySet().containsAll(
                                        constraint.getLabelSelector().getMatchLabels().entrySet())))
                .forEach(workload -> problems.add(workload + ": replicas are not spread over nodes"));
        return problems;
    }

    private static int replicas(Rendering rendering, Workload workload) {
        return rendering.all(io.fabric8.kubernetes.api.model.apps.Deployment.class)
                .filter(d -> d.getMetadata().getName().equals(workload.name()))
                .map(d -> d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas())
                .findFirst().orElse(1);
    }
}
