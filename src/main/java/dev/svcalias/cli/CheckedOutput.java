package dev.svcalias.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output that remembers its first write failure. A PrintWriter (and System.out) swallows IOExceptions,
 * so a full disk, a file-size limit or a closed pipe would otherwise end in exit 0 with the output cut short,
 * and a pipeline writing the result back as its Corefile would lose it. After a failure nothing more is written.
 */
final class CheckedOutput extends FilterOutputStream {
    private IOException failure;

    CheckedOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        guard();
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        guard();
        try {
            out.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    /** The first failure, null when every write went through. */
    IOException failure() {
        return failure;
    }

    private void guard() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    private IOException remember(IOException e) {
        failure = e;
        return e;
    }
}
