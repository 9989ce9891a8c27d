package dev.vouch.collect.git;

import dev.vouch.collect.git.RecipeParser.Recipe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * Builds a real git repository from a {@code *.gitrepo.yaml} recipe (format: docs/git.md), for
 * tests and check fixtures: commits with absolute dates, branches, GitHub-style merges and squashes,
 * signed commits, a remote with its remote-tracking ref, and force pushes recorded in the reflogs.
 * Building is deterministic: the same recipe gives the same commit ids.
 */
public final class GitRepoRecipe {
    private GitRepoRecipe() {
    }

    /**
     * Builds the recipe into {@code targetDir} (created when missing; must be empty) as a working
     * tree with the default branch checked out.
     *
     * @return {@code targetDir}
     * @throws IllegalArgumentException when the recipe is invalid (naming file, line and field) or
     *     the target is not an empty directory
     */
    public static Path build(Path recipeYamlFile, Path targetDir) {
        String file = recipeYamlFile.toString();
        Recipe recipe;
        try {
            recipe = new RecipeParser(file).parse(Files.readString(recipeYamlFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read recipe " + file + ": " + e.getMessage(), e);
        }
        requireEmpty(targetDir);
        try (Git git = Git.init().setDirectory(targetDir.toFile()).setInitialBranch(recipe.defaultBranch()).call()) {
            Repository repo = git.getRepository();
            configure(repo, recipe);
            RecipeWriter writer = new RecipeWriter(repo, recipe, file);
            writer.write();
            if (recipe.remote().isPresent()) {
                writer.link(Constants.R_REMOTES + "origin/" + Constants.HEAD, Constants.R_REMOTES + "origin/" + recipe.defaultBranch());
            }
            return targetDir;
        } catch (GitAPIException e) {
            throw new IllegalStateException("Cannot create a repository in " + targetDir + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write recipe " + file + " into " + targetDir + ": " + e.getMessage(), e);
        }
    }

    private static void configure(Repository repo, Recipe recipe) throws IOException {
        StoredConfig config = repo.getConfig();
        config.setBoolean(ConfigConstants.CONFIG_CORE_SECTION, null, ConfigConstants.CONFIG_KEY_LOGALLREFUPDATES, true);
        recipe.remote().ifPresent(url -> {
            config.setString("remote", "origin", "url", url);
            config.setString("remote", "origin", "fetch", "+refs/heads/*:refs/remotes/origin/*");
            config.setString("branch", recipe.defaultBranch(), "remote", "origin");
            config.setString("branch", recipe.defaultBranch(), "merge", Constants.R_HEADS + recipe.defaultBranch());
        });
        config.save();
    }

    private static void requireEmpty(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("Target directory is not empty: " + dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create target directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
