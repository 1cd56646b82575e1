package dev.svcalias.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.diff("a\nb\n", "a\nb\n", "x", "y")).isEmpty();
    }

    @Test
    void appendedBlockIsOneHunkWithContext() {
        String before = "1\n2\n3\n4\n5\n";
        String after = before + "new {\n}\n";
        assertThat(UnifiedDiff.diff(before, after, "a/f", "b/f")).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -3,3 +3,5 @@
                 3
                 4
                 5
                +new {
                +}
                """);
    }

    @Test
    void missingFinalNewlineIsShown() {
        String diff = UnifiedDiff.diff("a\nb", "a\nb\nc", "a/f", "b/f");
        assertThat(diff).contains("-b\n\\ No newline at end of file\n+b\n+c\n\\ No newline at end of file\n");
    }

    @Test
    void distantChangesMakeTwoHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append(i).append('\n');
        }
        String after = before.toString().replace("\n2\n", "\ntwo\n").replace("\n19\n", "\nnineteen\n");
        String diff = UnifiedDiff.diff(before.toString(), after, "a", "b");
        assertThat(diff.lines().filter(l -> l.startsWith("@@"))).hasSize(2);
        assertThat(diff).contains("-2\n+two\n").contains("-19\n+nineteen\n");
    }
}
