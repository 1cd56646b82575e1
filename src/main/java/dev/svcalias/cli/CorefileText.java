package dev.svcalias.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A Corefile read as bytes, with the charset that gives those exact bytes back. CoreDNS reads bytes and only ASCII
 * is syntax, so a file need not be UTF-8: valid UTF-8 is decoded as UTF-8 (messages show its characters), anything
 * else as ISO-8859-1, where every byte is one char and encoding gives the same byte back. svcalias only adds ASCII,
 * so {@code encode(edit(text))} keeps every byte it did not add.
 */
record CorefileText(String text, Charset charset) {
    static CorefileText decode(byte[] bytes) {
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new CorefileText(utf8, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return new CorefileText(new String(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        }
    }

    byte[] encode(String result) {
        return result.getBytes(charset);
    }
}
