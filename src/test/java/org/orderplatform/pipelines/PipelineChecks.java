package org.orderplatform.pipelines;

import static org.orderplatform.pipelines.PipelineSources.CI;
import static org.orderplatform.pipelines.PipelineSources.CI_RUN;
import static org.orderplatform.pipelines.PipelineSources.GITLAB;
import static org.orderplatform.pipelines.PipelineSources.JENKINSFILE;
import static org.orderplatform.pipelines.PipelineSources.STAGES;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the three pipelines must guarantee, each rule a method that lists what breaks it (empty: none), so the tests
 * can show every rule failing on a planted defect as well as passing on the real files.
 */
final class PipelineChecks {

    /** {@code uses: owner/repo[/path]@ref # comment}, as written in a workflow. */
    private static final Pattern USES = Pattern.compile("^\\s*(?:-\\s+)?uses:\\s*([^\\s#]+)(?:\\s+#\\s*(\\S+))?",
            Pattern.MULTILINE);
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w.-]+(?:/[\\w./-]+)?@[0-9a-f]{40}");
    private static final Pattern VERSION = Pattern.compile("v\\d+(?:\\.\\d+){0,2}");
    /** A repository path the pipelines name: one of the project's top-level directories, then a relative path. */
    private static final Pattern REPOSITORY_PATH = Pattern.compile(
            "(?<![\\w$/.-])(?:\\./)?((?:\\.ci|\\.github|scripts|bench|kubernetes|webapp|monitoring|src"
                    + "|Jenkinsfile-optional)/[\\w./*-]*[\\w*])");
    private static final Pattern RUNS_CI_RUN = Pattern.compile("(?<![\\w./-])\\.ci/run(?![\\w./-])");
    /** A Jenkinsfile {@code sh '...'} or {@code sh '''...'''} step's script. */
    private static final Pattern JENKINS_SH = Pattern.compile("sh\\s+(?:'''(.*?)'''|'([^']*)')", Pattern.DOTALL);

    private PipelineChecks() {
    }

    /** Every pipeline's test stage runs .ci/run, which runs exactly the README's test command. */
    static List<String> testStagesRunTheReadmeCommand(PipelineSources sources) {
        List<String> problems = new ArrayList<>();
        String command = sources.readmeTestCommand();
        List<String> ciRunLines = sources.text(CI_RUN).lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        if (ciRunLines.isEmpty() || !ciRunLines.get(ciRunLines.size() - 1).equals(command)) {
            problems.add(".ci/run does not end with the README's test command '" + command + "'");
        }
        if (scripts(sources.jobs(CI).getOrDefault("test", Map.of())).stream()
                .noneMatch(script -> RUNS_CI_RUN.matcher(script).find())) {
            problems.add("GitHub: the job 'test' does not run .ci/run");
        }
        boolean gitlabRuns = sources.gitlabJobs().values().stream()
                .filter(job -> "test".equals(job.get("stage")))
                .anyMatch(job -> RUNS_CI_RUN.matcher(String.valueOf(job.get("script"))).find());
        if (!gitlabRuns) {
            problems.add("GitLab: no job of the stage 'test' runs .ci/run");
        }
        Matcher jenkinsTest = JENKINS_SH.matcher(sources.jenkinsStages().getOrDefault("Test", ""));
        boolean jenkinsRuns = false;
        while (jenkinsTest.find()) {
            String script = jenkinsTest.group(1) != null ? jenkinsTest.group(1) : jenkinsTest.group(2);
            jenkinsRuns |= RUNS_CI_RUN.matcher(script).find();
        }
        if (!jenkinsRuns) {
            problems.add("Jenkins: the stage 'Test' does not run .ci/run");
        }
        return problems;
    }

    /**
     * The same stages in the same order: GitHub's jobs (by id prefix and needs), GitLab's stages, Jenkins'. The two
     * checks, lint and test, may run side by side (GitHub and GitLab do: the slow test starts at once); every later
     * stage waits for the one before it.
     */
    static List<String> sameStages(PipelineSources sources) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> jobs = sources.jobs(CI);
        Set<String> githubStages = new LinkedHashSet<>();
        for (var job : jobs.entrySet()) {
            String stage = job.getKey().split("-")[0];
            int position = STAGES.indexOf(stage);
            if (position < 0) {
                problems.add("GitHub: job '" + job.getKey() + "' does not start with a stage name " + STAGES);
                continue;
            }
            githubStages.add(stage);
            List<String> needs = needs(job.getValue());
            for (String need : needs) {
                int needPosition = STAGES.indexOf(need.split("-")[0]);
                if (needPosition > position) {
                    problems.add("GitHub: job '" + job.getKey() + "' needs '" + need + "' of a later stage");
                }
            }
            if (position > STAGES.indexOf("test")
                    && needs.stream().noneMatch(need -> STAGES.indexOf(need.split("-")[0]) == position - 1)) {
                problems.add("GitHub: job '" + job.getKey() + "' does not wait for the stage '"
                        + STAGES.get(position - 1) + "'");
            }
        }
        if (!List.copyOf(githubStages).equals(STAGES)) {
            problems.add("GitHub: stages " + githubStages + ", expected " + STAGES);
        }
        if (!STAGES.equals(sources.gitlabStages())) {
            problems.add("GitLab: stages " + sources.gitlabStages() + ", expected " + STAGES);
        }
        Map<String, Map<String, Object>> gitlabJobs = sources.gitlabJobs();
        gitlabJobs.forEach((name, job) -> {
            int position = STAGES.indexOf(String.valueOf(job.get("stage")));
            if (position < 0) {
                problems.add("GitLab: job '" + name + "' has no stage of " + STAGES);
                return;
            }
            List<Integer> needed = needs(job).stream()
                    .map(need -> STAGES.indexOf(String.valueOf(gitlabJobs.getOrDefault(need, Map.of()).get("stage"))))
                    .toList();
            if (needed.stream().anyMatch(stage -> stage > position)) {
                problems.add("GitLab: job '" + name + "' needs a job of a later stage");
            }
            // without needs a job waits for every earlier stage; with needs, for what it names
            if (job.containsKey("needs") && position > STAGES.indexOf("test") && !needed.contains(position - 1)) {
                problems.add("GitLab: job '" + name + "' does not wait for the stage '"
                        + STAGES.get(position - 1) + "'");
            }
        });
        List<String> jenkins = sources.jenkinsStages().keySet().stream().map(String::toLowerCase).toList();
        if (!STAGES.equals(jenkins)) {
            problems.add("Jenkins: stages " + jenkins + ", expected " + STAGES);
        }
        return problems;
    }

    /** Every action pinned to a 40-character commit SHA with its version as a comment, one SHA per action. */
    static List<String> actionsPinnedToCommits(PipelineSources sources) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> refsByAction = new TreeMap<>();
        for (Path workflow : sources.workflows()) {
            Matcher uses = USES.matcher(sources.text(workflow));
            while (uses.find()) {
                String action = uses.group(1);
                if (action.startsWith("./")) {
                    continue;
                }
                if (!PINNED.matcher(action).matches()) {
                    problems.add(workflow + ": " + action + " is not pinned to a full commit SHA");
                } else if (uses.group(2) == null || !VERSION.matcher(uses.group(2)).matches()) {
                    problems.add(workflow + ": " + action + " has no '# vX.Y.Z' comment naming its version");
                }
                String repository = action.replaceAll("^([^/]+/[^/@]+).*@", "$1@").split("@")[0];
                refsByAction.computeIfAbsent(repository, key -> new TreeSet<>())
                        .add(action.substring(action.indexOf('@') + 1) + " " + uses.group(2));
            }
        }
        refsByAction.forEach((action, refs) -> {
            if (refs.size() > 1) {
                problems.add(action + " is pinned to different commits: " + refs);
            }
        });
        return problems;
    }

    /** Every path the pipelines and their scripts name exists in the repository. */
    static List<String> referencedPathsExist(PipelineSources sources, Path root) {
        List<String> problems = new ArrayList<>();
        for (Path file : sources.pipelineFiles()) {
            Matcher paths = REPOSITORY_PATH.matcher(sources.text(file));
            Set<String> missing = new TreeSet<>();
            while (paths.find()) {
                String path = paths.group(1);
                if (path.contains("node_modules")) {
                    continue; // installed by .ci/lint
                }
                // a glob: its fixed part must exist
                String fixed = path.contains("*") ? path.substring(0, path.lastIndexOf('/', path.indexOf('*'))) : path;
                if (!Files.exists(root.resolve(fixed))) {
                    missing.add(path);
                }
            }
            missing.forEach(path -> problems.add(file + " names " + path + ", which does not exist"));
        }
        return problems;
    }

    /**
     * The images every pipeline builds are the two the manifests deploy (kustomize image names), each from an existing
     * Dockerfile.
     */
    @SuppressWarnings("unchecked")
    static List<String> imagesAreTheDeployedOnes(PipelineSources sources, Set<String> deployed, Path root) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> build = sources.jobs(CI).get("build");
        List<Map<String, String>> githubImages = (List<Map<String, String>>) ((Map<String, Object>)
                ((Map<String, Object>) build.get("strategy")).get("matrix")).get("image");
        Set<String> githubNames = new TreeSet<>();
        for (Map<String, String> image : githubImages) {
            githubNames.add(image.get("name"));
            Path dockerfile = root.resolve(image.get("file"));
            if (!Files.isRegularFile(dockerfile) || !dockerfile.getParent().equals(root.resolve(image.get("context"))
                    .normalize())) {
                problems.add("GitHub: image " + image.get("name") + " has no Dockerfile " + image.get("file")
                        + " in its context " + image.get("context"));
            }
        }
        compare(problems, "GitHub builds", githubNames, deployed);
        Map<String, Object> gitlabBuild = sources.gitlabJobs().get("build");
        List<Map<String, List<String>>> matrix = (List<Map<String, List<String>>>)
                ((Map<String, Object>) gitlabBuild.get("parallel")).get("matrix");
        compare(problems, "GitLab builds", new TreeSet<>(matrix.get(0).get("IMAGE")), deployed);
        Set<String> jenkinsNames = new TreeSet<>();
        Matcher jenkinsImages = Pattern.compile("_IMAGE = \"\\$\\{env\\.REGISTRY}/([\\w-]+)\"")
                .matcher(sources.text(JENKINSFILE));
        while (jenkinsImages.find()) {
            jenkinsNames.add(jenkinsImages.group(1));
        }
        compare(problems, "Jenkins builds", jenkinsNames, deployed);
        Set<String> deployScript = new TreeSet<>();
        Matcher entries = Pattern.compile("image_entry ([\\w-]+) ").matcher(sources.text(Path.of(".ci/deploy")));
        while (entries.find()) {
            deployScript.add(entries.group(1));
        }
        compare(problems, ".ci/deploy pins", deployScript, deployed);
        return problems;
    }

    private static void compare(List<String> problems, String what, Set<String> actual, Set<String> deployed) {
        if (!actual.equals(deployed)) {
            problems.add(what + " " + actual + ", the manifests deploy " + deployed);
        }
    }

    /**
     * Least privilege: no permission at the top of a workflow, each job its own, and write access only where a step
     * needs it (pushing images or signatures: packages; keyless signing: id-token; uploading scan results:
     * security-events).
     */
    static List<String> leastPrivilege(PipelineSources sources) {
        List<String> problems = new ArrayList<>();
        for (Path workflow : sources.workflows()) {
            Object top = sources.yaml(workflow).get("permissions");
            if (!(top instanceof Map<?, ?> map && map.isEmpty())) {
                problems.add(workflow + ": the workflow must grant nothing ('permissions: {}'), not " + top);
            }
            sources.jobs(workflow).forEach((name, job) -> {
                if (!(job.get("permissions") instanceof Map<?, ?> permissions)) {
                    problems.add(workflow + ": job '" + name + "' does not declare its permissions");
                    return;
                }
                String steps = String.valueOf(job.get("steps"));
                boolean signs = scripts(job).stream().anyMatch(script -> script.contains("cosign sign"));
                Map<String, Boolean> needed = Map.of(
                        // pushing an image, or a signature next to it
                        "packages", steps.contains("docker/build-push-action") || signs,
                        "id-token", signs,
                        "security-events", steps.contains("github/codeql-action"));
                permissions.forEach((scope, access) -> {
                    if ("write".equals(access) && !needed.getOrDefault(String.valueOf(scope), false)) {
                        problems.add(workflow + ": job '" + name + "' has " + scope + ": write without a step that"
                                + " needs it");
                    }
                });
            });
        }
        return problems;
    }

    /**
     * Workflow hygiene: no pull_request_target (it runs with the base repository's secrets); checkouts keep no
     * credentials; no expression is pasted into a script (secrets and values an attacker may choose reach steps
     * through env); every workflow has a concurrency group (at the top or on its jobs); every job that runs steps has
     * a timeout; GitLab's images have an explicit tag, never "latest".
     */
    @SuppressWarnings("unchecked")
    static List<String> workflowHygiene(PipelineSources sources) {
        List<String> problems = new ArrayList<>();
        for (Path workflow : sources.workflows()) {
            String text = sources.text(workflow);
            if (text.contains("pull_request_target")) {
                problems.add(workflow + ": uses pull_request_target");
            }
            boolean topConcurrency = sources.yaml(workflow).containsKey("concurrency");
            sources.jobs(workflow).forEach((name, job) -> {
                if (!topConcurrency && !job.containsKey("concurrency")) {
                    problems.add(workflow + ": job '" + name + "' has no concurrency group");
                }
                List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
                if (steps == null) {
                    return; // a call of a reusable workflow
                }
                if (!job.containsKey("timeout-minutes")) {
                    problems.add(workflow + ": job '" + name + "' has no timeout-minutes");
                }
                for (Map<String, Object> step : steps) {
                    String uses = String.valueOf(step.get("uses"));
                    Map<String, Object> with = (Map<String, Object>) step.getOrDefault("with", Map.of());
                    if (uses.startsWith("actions/checkout@")
                            && !Boolean.FALSE.equals(with.get("persist-credentials"))) {
                        problems.add(workflow + ": a checkout in job '" + name + "' keeps its credentials");
                    }
                    if (String.valueOf(step.get("run")).contains("${{")) {
                        problems.add(workflow + ": a script in job '" + name + "' pastes an expression into its text"
                                + " (a secret, or a value an attacker may choose): pass it through env");
                    }
                }
            });
        }
        String gitlab = sources.text(GITLAB);
        if (Pattern.compile("image:\\s*[\\w./-]+(:latest)?\\s*$", Pattern.MULTILINE).matcher(gitlab).find()) {
            problems.add(".gitlab-ci.yml: an image without an exact tag");
        }
        return problems;
    }

    /** The {@code run} scripts of a GitHub job's steps. */
    @SuppressWarnings("unchecked")
    private static List<String> scripts(Map<String, Object> job) {
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job.getOrDefault("steps", List.of());
        return steps.stream().map(step -> step.get("run")).filter(run -> run != null).map(String::valueOf).toList();
    }

    /** A job's needs: GitHub's (a name or a list), GitLab's (names, or maps with a job). */
    private static List<String> needs(Map<String, Object> job) {
        Object needs = job.get("needs");
        if (needs == null) {
            return List.of();
        }
        return needs instanceof List<?> list
                ? list.stream().map(need -> need instanceof Map<?, ?> map ? String.valueOf(map.get("job"))
                        : String.valueOf(need)).toList()
                : List.of((String) needs);
    }
}
