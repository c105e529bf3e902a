package org.orderplatform.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.pipelines.PipelineSources.CI;
import static org.orderplatform.pipelines.PipelineSources.DEPLOY;
import static org.orderplatform.pipelines.PipelineSources.GITLAB;
import static org.orderplatform.pipelines.PipelineSources.JENKINSFILE;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The three pipelines - GitHub Actions, GitLab CI, Jenkins - keep the same promises: they run the README's test
 * command, have the same stages in the same order, build exactly the images the manifests deploy, name only paths that
 * exist, pin every action to a commit, and grant each job no more than it needs. Each rule is also shown failing on a
 * planted defect. The linters themselves run in {@link LintersIT}.
 */
@Tag("assets")
class PipelinesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private final PipelineSources sources = PipelineSources.read();

    @Test
    void shouldRunTheReadmeTestCommandInEveryPipeline() {
        assertThat(sources.readmeTestCommand()).isEqualTo("./mvnw verify");
        assertThat(PipelineChecks.testStagesRunTheReadmeCommand(sources)).isEmpty();
    }

    @Test
    void shouldReportAPipelineThatTestsSomethingElse() {
        PipelineSources gitlabTestsLess = sources.with(GITLAB, "    - .ci/run", "    - ./mvnw test");
        PipelineSources jenkinsSkipsIt = sources.with(JENKINSFILE, "&& .ci/run'", "&& ./mvnw package'");
        PipelineSources ciRunDrifted = sources.with(PipelineSources.CI_RUN, "./mvnw verify", "./mvnw test");

        assertThat(PipelineChecks.testStagesRunTheReadmeCommand(gitlabTestsLess))
                .containsExactly("GitLab: no job of the stage 'test' runs .ci/run");
        assertThat(PipelineChecks.testStagesRunTheReadmeCommand(jenkinsSkipsIt))
                .containsExactly("Jenkins: the stage 'Test' does not run .ci/run");
        assertThat(PipelineChecks.testStagesRunTheReadmeCommand(ciRunDrifted))
                .containsExactly(".ci/run does not end with the README's test command './mvnw verify'");
    }

    @Test
    void shouldHaveTheSameStagesInEveryPipeline() {
        assertThat(PipelineChecks.sameStages(sources)).isEmpty();
        assertThat(sources.jenkinsStages()).containsOnlyKeys("Lint", "Test", "Build", "Scan", "Deploy");
    }

    @Test
    void shouldReportStagesThatDifferOrRunOutOfOrder() {
        PipelineSources gitlabWithoutScan = sources.with(GITLAB, "stages: [lint, test, build, scan, deploy]",
                "stages: [lint, test, build, deploy]");
        PipelineSources buildBeforeTests = sources.with(CI, "needs: [lint, test, test-e2e]", "needs: [lint]");
        PipelineSources jenkinsRenamed = sources.with(JENKINSFILE, "stage('Scan')", "stage('Audit')");
        PipelineSources gitlabDeploysUnscanned = sources.with(GITLAB, "needs: [build, scan, sign]", "needs: [build]");

        assertThat(PipelineChecks.sameStages(gitlabWithoutScan)).contains(
                "GitLab: stages [lint, test, build, deploy], expected [lint, test, build, scan, deploy]");
        assertThat(PipelineChecks.sameStages(buildBeforeTests))
                .containsExactly("GitHub: job 'build' does not wait for the stage 'test'");
        assertThat(PipelineChecks.sameStages(gitlabDeploysUnscanned)).containsExactly(
                "GitLab: job 'deploy-dev' does not wait for the stage 'scan'",
                "GitLab: job 'deploy-prod' does not wait for the stage 'scan'");
        assertThat(PipelineChecks.sameStages(jenkinsRenamed))
                .containsExactly("Jenkins: stages [lint, test, build, audit, deploy], expected "
                        + "[lint, test, build, scan, deploy]");
    }

    @Test
    void shouldPinEveryActionToACommit() {
        assertThat(PipelineChecks.actionsPinnedToCommits(sources)).isEmpty();
    }

    @Test
    void shouldReportAnActionPinnedToATagOrWithoutItsVersion() {
        String checkout = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1";
        PipelineSources byTag = new PipelineSources(Map.of(CI, sources.text(CI).replace(checkout,
                "actions/checkout@v7")));
        PipelineSources uncommented = new PipelineSources(Map.of(CI, "    steps:\n      - uses: "
                + checkout.replace(" # v7.0.1", "") + "\n"));
        PipelineSources twoCommits = new PipelineSources(Map.of(CI, "      - uses: " + checkout
                + "\n      - uses: actions/checkout@" + "0".repeat(40) + " # v6.0.0\n"));

        assertThat(PipelineChecks.actionsPinnedToCommits(byTag))
                .contains(CI + ": actions/checkout@v7 is not pinned to a full commit SHA");
        assertThat(PipelineChecks.actionsPinnedToCommits(uncommented)).containsExactly(CI + ": "
                + checkout.replace(" # v7.0.1", "") + " has no '# vX.Y.Z' comment naming its version");
        assertThat(PipelineChecks.actionsPinnedToCommits(twoCommits)).singleElement().asString()
                .startsWith("actions/checkout is pinned to different commits");
    }

    @Test
    void shouldNameOnlyPathsThatExist() {
        assertThat(PipelineChecks.referencedPathsExist(sources, ROOT)).isEmpty();
    }

    @Test
    void shouldReportAPathThatDoesNotExist() {
        PipelineSources typo = sources.with(CI, "config: kubernetes/kind/cluster.yaml",
                "config: kubernetes/kind/clusters.yaml");
        PipelineSources renamedWorkflow = sources.with(CI, "uses: ./.github/workflows/deploy.yml",
                "uses: ./.github/workflows/deployment.yml");
        PipelineSources movedScripts = sources.with(JENKINSFILE, "sh '.ci/lint'", "sh '.ci/lint.sh'")
                .with(GITLAB, "    - .ci/lint \"$LINTER\"", "    - .ci/linters/run \"$LINTER\"");

        assertThat(PipelineChecks.referencedPathsExist(typo, ROOT))
                .containsExactly(CI + " names kubernetes/kind/clusters.yaml, which does not exist");
        assertThat(PipelineChecks.referencedPathsExist(renamedWorkflow, ROOT))
                .containsExactly(CI + " names .github/workflows/deployment.yml, which does not exist");
        assertThat(PipelineChecks.referencedPathsExist(movedScripts, ROOT)).containsExactlyInAnyOrder(
                JENKINSFILE + " names .ci/lint.sh, which does not exist",
                GITLAB + " names .ci/linters/run, which does not exist");
    }

    @Test
    void shouldBuildExactlyTheImagesTheManifestsDeploy() {
        Set<String> deployed = deployedImages();
        assertThat(deployed).containsExactly("order-platform", "order-platform-web");
        assertThat(PipelineChecks.imagesAreTheDeployedOnes(sources, deployed, ROOT)).isEmpty();
    }

    @Test
    void shouldReportAnImageTheManifestsDoNotDeploy() {
        PipelineSources renamed = sources.with(GITLAB, "IMAGE: [order-platform, order-platform-web]",
                "IMAGE: [order-platform, order-platform-frontend]");
        PipelineSources wrongDockerfile = sources.with(CI, "file: webapp/Dockerfile", "file: Dockerfile");

        assertThat(PipelineChecks.imagesAreTheDeployedOnes(renamed, deployedImages(), ROOT)).contains(
                "GitLab builds [order-platform, order-platform-frontend], the manifests deploy "
                        + "[order-platform, order-platform-web]");
        assertThat(PipelineChecks.imagesAreTheDeployedOnes(wrongDockerfile, deployedImages(), ROOT)).containsExactly(
                "GitHub: image order-platform-web has no Dockerfile Dockerfile in its context webapp");
    }

    @Test
    void shouldGrantEachJobOnlyWhatItNeeds() {
        assertThat(PipelineChecks.leastPrivilege(sources)).isEmpty();
    }

    @Test
    void shouldReportWritePermissionsNoStepNeeds() {
        PipelineSources lintWrites = sources.with(CI, """
                    timeout-minutes: 15
                    permissions:
                      contents: read
                """, """
                    timeout-minutes: 15
                    permissions:
                      contents: write
                """);
        PipelineSources writeAll = sources.with(CI, "permissions: {}\n", "permissions: write-all\n");
        PipelineSources verifierSigns = sources.with(DEPLOY, "      packages: read\n    environment:",
                "      packages: read\n      id-token: write\n    environment:");

        assertThat(PipelineChecks.leastPrivilege(lintWrites))
                .containsExactly(CI + ": job 'lint' has contents: write without a step that needs it");
        assertThat(PipelineChecks.leastPrivilege(verifierSigns)).as("cosign verify needs no identity token")
                .containsExactly(DEPLOY + ": job 'deploy' has id-token: write without a step that needs it");
        assertThat(PipelineChecks.leastPrivilege(writeAll))
                .containsExactly(CI + ": the workflow must grant nothing ('permissions: {}'), not write-all");
    }

    @Test
    void shouldKeepWorkflowsHygienic() {
        assertThat(PipelineChecks.workflowHygiene(sources)).isEmpty();
    }

    @Test
    void shouldReportUnsafeWorkflowHabits() {
        PipelineSources prTarget = sources.with(CI, "  pull_request:\n", "  pull_request_target:\n");
        PipelineSources pastedSecret = sources.with(CI, "run: .ci/lint \"$LINTER\"",
                "run: .ci/lint ${{ matrix.linter }}");
        String checkout = "      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n";
        PipelineSources keptCredentials = sources.with(CI, checkout + "        with:\n"
                + "          persist-credentials: false\n      - uses: actions/setup-node", checkout
                + "      - uses: actions/setup-node");
        PipelineSources floatingImage = sources.with(GITLAB, "image: debian:12", "image: debian");

        assertThat(PipelineChecks.workflowHygiene(prTarget)).containsExactly(CI + ": uses pull_request_target");
        assertThat(PipelineChecks.workflowHygiene(pastedSecret)).containsExactly(CI + ": a script in job 'lint' pastes"
                + " an expression into its text (a secret, or a value an attacker may choose): pass it through env");
        assertThat(PipelineChecks.workflowHygiene(keptCredentials))
                .containsExactly(CI + ": a checkout in job 'lint' keeps its credentials");
        assertThat(PipelineChecks.workflowHygiene(floatingImage))
                .containsExactly(".gitlab-ci.yml: an image without an exact tag");
    }

    /** The image names of the base kustomization: what every overlay deploys, and what .ci/deploy replaces. */
    @SuppressWarnings("unchecked")
    private static Set<String> deployedImages() {
        try {
            Map<String, Object> kustomization = new Yaml().load(
                    java.nio.file.Files.readString(Path.of("kubernetes/base/kustomization.yaml")));
            Set<String> names = new TreeSet<>();
            ((List<Map<String, String>>) kustomization.get("images")).forEach(image -> names.add(image.get("name")));
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
