package org.orderplatform.pipelines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderplatform.testsupport.Docker;

/**
 * The pipelines' lint stage, {@code .ci/lint}, as GitHub Actions, GitLab CI and the Jenkinsfile run it: every linter
 * passes on the repository, so a pipeline's lint stage fails only on what a change breaks, not first on the build
 * machine. And every linter fails on a realistic defect planted in a copy of the files it reads, its finding named:
 * a linter that stopped checking - a wrong path, a tool that exits 0 on findings, a rule set switched off - passes
 * everything, and only a defect it must catch shows that.
 *
 * <p>Skipped, with a message, without Node.js 20+ (the linters are npm packages), or without shellcheck, yamllint,
 * git or rsync where .ci/lint cannot install them (not root); the pipelines' test jobs have Node.js 20 and .ci/run
 * installs the others, so CI always runs this.
 */
class LintersIT {

    @TempDir
    Path copy;

    /** Per test, not per class: the build's reports show a class skipped before its tests without the reason. */
    @BeforeEach
    void linters() {
        Lint.assumeToolsPresent();
    }

    /** The copy's link to the repository's npm linters, removed here: JUnit would warn before removing it. */
    @AfterEach
    void unlinkNpmLinters() throws IOException {
        Files.deleteIfExists(copy.resolve(Lint.NPM_LINTERS));
    }

    @ParameterizedTest(name = ".ci/lint {0} passes on the repository")
    @ValueSource(strings = {"workflows", "gitlab", "jenkins", "yaml", "shell", "dockerfiles"})
    void shouldPassOnTheRepository(String linter) {
        Docker.Result result = Lint.run(Lint.REPOSITORY, linter);

        assertThat(result.exitCode()).as(".ci/lint %s:%n%s", linter, result.output()).isZero();
    }

    /** A script search finding nothing would pass: it finds the scripts the project has, and shellchecks them all. */
    @Test
    void shouldShellcheckTheScriptsTheProjectKnows() {
        Docker.Result result = Lint.run(Lint.REPOSITORY, "shell");

        Matcher count = Pattern.compile("shellcheck: (\\d+) scripts\\n((?:  .*\\n)*)").matcher(result.output());
        assertThat(count.find()).as("the number of scripts and their list in:%n%s", result.output()).isTrue();
        List<String> scripts = count.group(2).lines().map(String::strip).toList();
        assertThat(scripts).as("the scripts listed after the count in:%n%s", result.output())
                .hasSize(Integer.parseInt(count.group(1)))
                .contains("./.ci/lint", "./.ci/run", "./mvnw", "./src/main/docker/entrypoint.sh",
                        "./src/test/docker/build-local-images.sh");
    }

    @Test
    void shouldFailOnAJobNeedingAMissingJob() {
        Lint.Copy repository = Lint.Copy.in(copy).with(".github/workflows")
                .replace(".github/workflows/ci.yml", "needs: [lint, test, test-e2e]",
                        "needs: [lint, test, test-e2e, package]");

        assertFindings(repository.lint("workflows"),
                ".github/workflows/ci.yml:" + repository.lineOf(".github/workflows/ci.yml", "  build:") + ":3 ",
                "job \"build\" needs job \"package\" which does not exist in this workflow [ job-needs ]");
    }

    /** actionlint finds this one too: the test is that the schema validator still runs, and after its finding. */
    @Test
    void shouldFailOnAKeyTheWorkflowSchemaDoesNotKnow() {
        Lint.Copy repository = Lint.Copy.in(copy).with(".github/workflows")
                .replace(".github/workflows/ci.yml", "    runs-on: ubuntu-24.04\n    timeout-minutes: 15\n",
                        "    runs_on: ubuntu-24.04\n    timeout-minutes: 15\n");

        assertFindings(repository.lint("workflows"), "\"path\": \"/jobs/lint\"",
                "\"detail\": \"Additional property 'runs_on' is not allowed\"",
                "action-validator: .github/workflows/ci.yml breaks the schema");
    }

    @Test
    void shouldFailOnAGitLabJobWithoutScript() {
        Lint.Copy repository = Lint.Copy.in(copy).with(".gitlab-ci.yml")
                .replace(".gitlab-ci.yml", "  script:\n    - .ci/run\n", "");

        assertFindings(repository.lint("gitlab"), "test must have script specified");
    }

    @Test
    void shouldFailOnAnUnbalancedBraceInTheJenkinsfile() {
        Lint.Copy repository = Lint.Copy.in(copy).with("Jenkinsfile-optional/Jenkinsfile")
                .replace("Jenkinsfile-optional/Jenkinsfile", "                sh '.ci/lint'\n            }\n",
                        "                sh '.ci/lint'\n");

        assertFindings(repository.lint("jenkins"), "Jenkinsfile-optional/Jenkinsfile", "Unexpected input: '{'",
                "NglParseError", "1 error(s) have been found");
    }

    @Test
    void shouldFailOnADuplicateKeyInYaml() {
        String image = "    image: ${POSTGRES_IMAGE:-postgres:17.6-bookworm}\n";
        Lint.Copy repository = Lint.Copy.in(copy).with("docker-compose.yml")
                .replace("docker-compose.yml", image, image + "    image: postgres:17\n");

        assertFindings(repository.lint("yaml"), "./docker-compose.yml\n",
                "  " + repository.lineOf("docker-compose.yml", "image: postgres:17") + ":5 ",
                "duplication of key \"image\" in mapping  (key-duplicates)");
    }

    @Test
    void shouldFailOnAnUnquotedVariableInAShellScript() {
        String entrypoint = "src/main/docker/entrypoint.sh";
        Lint.Copy repository = Lint.Copy.in(copy).with(entrypoint)
                .replace(entrypoint, "server run orderPlatform \"$@\"", "server run $SERVER_NAME \"$@\"");

        assertFindings(repository.lint("shell"),
                "In ./" + entrypoint + " line " + repository.lineOf(entrypoint, "$SERVER_NAME") + ":",
                "SC2086 (info): Double quote to prevent globbing and word splitting.");
    }

    @Test
    void shouldFailOnAnUnknownDockerfileInstruction() {
        Lint.Copy repository = Lint.Copy.in(copy).with("Dockerfile")
                .replace("Dockerfile", "\nEXPOSE 9080\n", "\nEXPOSES 9080\n");

        assertFindings(repository.lint("dockerfiles"), "./Dockerfile:\n",
                "Line: " + repository.lineOf("Dockerfile", "EXPOSES") + "\n", "Error: Unknown instruction: EXPOSES");
    }

    /** The linter failed, and its output holds every piece of its finding: the file, the place, the rule. */
    private static void assertFindings(Docker.Result result, String... finding) {
        assertThat(result.exitCode()).as("the exit code of .ci/lint on the planted defect (0: it found nothing),"
                + " which printed:%n%s", result.output()).isNotZero();
        assertThat(result.output()).as("the finding of .ci/lint: the file, the place and the rule").contains(finding);
    }
}
