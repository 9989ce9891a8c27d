package dev.vouch.collect.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Facts read from files on the default branch's tip: CODEOWNERS and CI configuration. */
final class RepoFiles {
    /** Where GitHub and GitLab look for CODEOWNERS, in their order. */
    static final List<String> CODEOWNERS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS");
    private static final Set<String> ALL_PATTERNS = Set.of("*", "**", "/*", "/**", "/");

    /** Single files that configure a CI system. */
    private static final Map<String, String> CI_FILES = ciFiles();
    /** Directories whose YAML files configure a CI system. */
    private static final Map<String, String> CI_DIRS = Map.of(
            ".github/workflows", "github-actions", ".azure-pipelines", "azure-pipelines",
            ".woodpecker", "woodpecker", ".tekton", "tekton");

    private RepoFiles() {
    }

    private static Map<String, String> ciFiles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(".gitlab-ci.yml", "gitlab-ci");
        m.put("azure-pipelines.yml", "azure-pipelines");
        m.put("azure-pipelines.yaml", "azure-pipelines");
        m.put("Jenkinsfile", "jenkins");
        m.put(".circleci/config.yml", "circleci");
        m.put(".circleci/config.yaml", "circleci");
        m.put("bitbucket-pipelines.yml", "bitbucket-pipelines");
        m.put(".travis.yml", "travis-ci");
        m.put(".buildkite/pipeline.yml", "buildkite");
        m.put(".drone.yml", "drone");
        m.put(".woodpecker.yml", "woodpecker");
        m.put("cloudbuild.yaml", "google-cloud-build");
        m.put("buildspec.yml", "aws-codebuild");
        return m;
    }

    static Map<String, Object> codeowners(TreeFiles tree) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String path : CODEOWNERS) {
            Optional<String> text = tree.read(path);
            if (text.isPresent()) {
                out.put("present", true);
                out.put("path", path);
                parseCodeowners(text.get(), out);
                return out;
            }
        }
        out.put("present", false);
        out.put("ruleCount", 0L);
        out.put("coversAll", false);
        out.put("owners", List.of());
        return out;
    }

    static void parseCodeowners(String text, Map<String, Object> out) {
        long rules = 0;
        boolean coversAll = false;
        Set<String> owners = new LinkedHashSet<>();
        for (String raw : text.split("\\R")) {
            String line = stripComment(raw).trim();
            if (line.isEmpty() || line.startsWith("[") || line.startsWith("^[")) {
                continue; // blank, comment or GitLab section header
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 2) {
                continue; // a pattern without owners un-assigns; it is no rule
            }
            rules++;
            coversAll |= ALL_PATTERNS.contains(parts[0]);
            owners.addAll(List.of(parts).subList(1, parts.length));
        }
        out.put("ruleCount", rules);
        out.put("coversAll", coversAll);
        out.put("owners", new ArrayList<>(owners));
    }

    private static String stripComment(String line) {
        if (line.trim().startsWith("#")) {
            return "";
        }
        int hash = line.indexOf(" #");
        return hash >= 0 ? line.substring(0, hash) : line;
    }

    static Map<String, Object> ci(TreeFiles tree) throws IOException {
        Set<String> systems = new LinkedHashSet<>();
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> dir : new java.util.TreeMap<>(CI_DIRS).entrySet()) {
            for (String name : tree.list(dir.getKey())) {
                if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                    systems.add(dir.getValue());
                    files.add(dir.getKey() + "/" + name);
                }
            }
        }
        for (Map.Entry<String, String> file : CI_FILES.entrySet()) {
            if (tree.isFile(file.getKey())) {
                systems.add(file.getValue());
                files.add(file.getKey());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("present", !systems.isEmpty());
        out.put("systems", new ArrayList<>(systems));
        out.put("files", files);
        return out;
    }
}
