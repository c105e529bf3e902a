package org.orderplatform.pipelines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The three pipelines as text - the GitHub workflows, {@code .gitlab-ci.yml}, the Jenkinsfile - with the scripts they
 * call and the README, so that {@link PipelineChecks} can read them and a test can plant a defect in a copy
 * ({@link #with}). YAML is read with SnakeYAML, which Liquibase already brings onto the classpath.
 */
record PipelineSources(Map<Path, String> files) {

    static final Path WORKFLOWS = Path.of(".github/workflows");
    static final Path CI = WORKFLOWS.resolve("ci.yml");
    static final Path DEPLOY = WORKFLOWS.resolve("deploy.yml");
    static final Path GITLAB = Path.of(".gitlab-ci.yml");
    static final Path JENKINSFILE = Path.of("Jenkinsfile-optional/Jenkinsfile");
    static final Path README = Path.of("README.md");
    static final Path CI_RUN = Path.of(".ci/run");
    /** The scripts the pipelines share: what they run is part of what they reference. */
    static final List<Path> SHARED_SCRIPTS = List.of(Path.of(".ci/lint"), Path.of(".ci/deploy"),
            Path.of(".ci/kind-e2e"), Path.of(".ci/os-packages"));

    /** The stages every pipeline has, in this order. */
    static final List<String> STAGES = List.of("lint", "test", "build", "scan", "deploy");

    private static final Pattern JENKINS_STAGE = Pattern.compile("stage\\('([^']+)'\\)");

    static PipelineSources read() {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> workflows = Files.list(WORKFLOWS)) {
            for (Path workflow : workflows.filter(file -> file.toString().endsWith(".yml")).sorted().toList()) {
                files.put(workflow, Files.readString(workflow));
            }
            for (Path file : Stream.concat(Stream.of(GITLAB, JENKINSFILE, README, CI_RUN), SHARED_SCRIPTS.stream())
                    .toList()) {
                files.put(file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PipelineSources(Map.copyOf(files));
    }

    /** A copy with {@code find} replaced by {@code replacement} in one file; the text must be there. */
    PipelineSources with(Path file, String find, String replacement) {
        String text = text(file);
        if (!text.contains(find)) {
            throw new IllegalArgumentException(file + " does not contain " + find);
        }
        Map<Path, String> changed = new LinkedHashMap<>(files);
        changed.put(file, text.replace(find, replacement));
        return new PipelineSources(changed);
    }

    String text(Path file) {
        String text = files.get(file);
        if (text == null) {
            throw new IllegalArgumentException("not a pipeline file: " + file);
        }
        return text;
    }

    List<Path> workflows() {
        return files.keySet().stream().filter(file -> file.startsWith(WORKFLOWS)).sorted().toList();
    }

    /**
     * The files the pipelines consist of: workflows, .gitlab-ci.yml, the Jenkinsfile, .ci/run and the shared scripts.
     */
    List<Path> pipelineFiles() {
        List<Path> pipelineFiles = new ArrayList<>(workflows());
        pipelineFiles.add(GITLAB);
        pipelineFiles.add(JENKINSFILE);
        pipelineFiles.add(CI_RUN);
        pipelineFiles.addAll(SHARED_SCRIPTS);
        return pipelineFiles;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> yaml(Path file) {
        return (Map<String, Object>) new Yaml().load(text(file));
    }

    /** A workflow's jobs by id, in file order. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> jobs(Path workflow) {
        return (Map<String, Map<String, Object>>) yaml(workflow).get("jobs");
    }

    /**
     * The GitLab jobs by name (top-level keys that are not keywords or hidden templates), each with the keys of the
     * templates it {@code extends} (one level, as this file uses them).
     */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> gitlabJobs() {
        List<String> keywords = List.of("stages", "workflow", "default", "variables", "include", "image",
                "services", "cache", "before_script", "after_script");
        Map<String, Object> file = yaml(GITLAB);
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        file.forEach((key, value) -> {
            if (!keywords.contains(key) && !key.startsWith(".") && value instanceof Map) {
                Map<String, Object> job = new LinkedHashMap<>();
                Object extended = ((Map<String, Object>) value).get("extends");
                List<String> templates = extended == null ? List.of()
                        : extended instanceof List<?> list ? (List<String>) list : List.of((String) extended);
                templates.forEach(template -> job.putAll((Map<String, Object>) file.get(template)));
                job.putAll((Map<String, Object>) value);
                jobs.put(key, job);
            }
        });
        return jobs;
    }

    @SuppressWarnings("unchecked")
    List<String> gitlabStages() {
        return (List<String>) yaml(GITLAB).get("stages");
    }

    /** The Jenkinsfile's stages by name, in order, each with its text up to the next stage. */
    Map<String, String> jenkinsStages() {
        String text = text(JENKINSFILE);
        Matcher matcher = JENKINS_STAGE.matcher(text);
        Map<String, String> stages = new LinkedHashMap<>();
        String name = null;
        int start = 0;
        while (matcher.find()) {
            if (name != null) {
                stages.put(name, text.substring(start, matcher.start()));
            }
            name = matcher.group(1);
            start = matcher.end();
        }
        if (name != null) {
            stages.put(name, text.substring(start));
        }
        return stages;
    }

    /** The README's test command: the code block after "Run all the tests:". */
    String readmeTestCommand() {
        Matcher matcher = Pattern.compile("Run all the tests:\\s*```\\s*\\n([^\\n]+)\\n").matcher(text(README));
        if (!matcher.find()) {
            throw new AssertionError("README.md has no test command after 'Run all the tests:'");
        }
        return matcher.group(1).strip();
    }
}
