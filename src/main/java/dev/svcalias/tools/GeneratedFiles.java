package dev.svcalias.tools;

import dev.svcalias.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every file generated from the command model ({@link Cli#model()}): the bash, zsh and fish completions, the
 * command reference in docs/reference, the man pages in docs/man, docs/exit-codes.md and the help texts the CLI
 * prints without building the model (src/main/resources/dev/svcalias/help).
 *
 * <p>The build runs {@link #main} in process-classes (exec-maven-plugin) and writes them under target/; the
 * profile {@code regen} writes them into the source tree, which is how the committed copies are refreshed. A
 * test compares the committed copies with {@link #all()} and names {@link #REFRESH_COMMAND} when they drift.
 */
public final class GeneratedFiles {
    /** Rewrites the committed copies from the current command model. */
    public static final String REFRESH_COMMAND = "mvn -q -Pregen process-classes";

    /** Folders that hold generated files only: regenerating deletes the files it no longer generates. */
    public static final List<String> GENERATED_DIRS = List.of("completions", "docs/reference", "docs/man",
            HelpTexts.DIR);

    private GeneratedFiles() {}

    /** Path relative to the output root (the repository root for the committed copies) to content. */
    public static Map<String, String> all() {
        Map<String, String> files = new LinkedHashMap<>();
        String bash = Completions.bash(Cli.model());
        files.put("completions/svcalias", bash);
        files.put("completions/_svcalias", Completions.zsh(bash));
        files.put("completions/svcalias.fish", FishCompletion.script(Cli.model()));
        CommandReference.pages(Cli.model(), "docs/reference").forEach(files::put);
        files.put("docs/exit-codes.md", ExitCodesPage.markdown());
        ManPages.pages(Cli.model(), "docs/man").forEach(files::put);
        HelpTexts.files(Cli.model(), HelpTexts.DIR).forEach(files::put);
        return files;
    }

    /** Writes {@link #all()} below {@code root} and deletes stale files in {@link #GENERATED_DIRS}. */
    public static void write(Path root) throws IOException {
        Map<String, String> files = all();
        for (String dir : GENERATED_DIRS) {
            for (String stale : filesIn(root, dir)) {
                if (!files.containsKey(stale)) {
                    Files.delete(root.resolve(stale));
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** The regular files directly in {@code dir} (relative to {@code root}), as "dir/name", sorted. */
    public static List<String> filesIn(Path root, String dir) throws IOException {
        Path folder = root.resolve(dir);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).map(p -> dir + "/" + p.getFileName()).sorted().toList();
        }
    }

    /** Argument: the output root (the build passes target/, the regen profile the project's folder). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GeneratedFiles OUTPUT_ROOT");
        }
        write(Path.of(args[0]));
    }
}
