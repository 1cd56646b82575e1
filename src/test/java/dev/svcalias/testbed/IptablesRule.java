package dev.svcalias.testbed;

import java.util.ArrayList;
import java.util.List;

/** The words of a rule as {@code iptables -S} prints it (double-quoted words, such as comments, kept whole). */
final class IptablesRule {
    private IptablesRule() {}

    static List<String> words(String rule) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < rule.length(); i++) {
            char c = rule.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (c == '\\' && quoted && i + 1 < rule.length()) {
                word.append(rule.charAt(++i));
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
