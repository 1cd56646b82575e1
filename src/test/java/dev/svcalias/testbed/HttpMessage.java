package dev.svcalias.testbed;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little HTTP/1.1 the fault proxy needs: read a request (Content-Length or chunked body), write a response
 * with a Content-Length. Header names keep their case; a repeated request header keeps its last value.
 */
@SuppressWarnings("ArrayRecordComponent") // the body is never compared, only written
record HttpMessage(String method, String target, List<String[]> headerList, int status, byte[] body) {

    Map<String, String> headers() {
        Map<String, String> map = new LinkedHashMap<>();
        headerList.forEach(h -> map.put(h[0], h[1]));
        return map;
    }

    /** The next request on the connection, or null when the client closed it between requests. */
    static HttpMessage readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        String[] start = line.split(" ", -1);
        if (start.length < 3) {
            throw new IOException("not an HTTP request line: " + line);
        }
        List<String[]> headers = new ArrayList<>();
        long length = 0;
        boolean chunked = false;
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            headers.add(new String[] {name, value});
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        byte[] body = chunked ? readChunked(in) : in.readNBytes((int) length);
        return new HttpMessage(start[0], start[1], headers, 0, body);
    }

    static HttpMessage response(int status, String contentType, String body) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"Content-Type", contentType});
        return new HttpMessage(null, null, headers, status, body.getBytes(StandardCharsets.UTF_8));
    }

    void write(OutputStream out) throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\n");
        for (String[] h : headerList) {
            head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 500 -> "Internal Server Error";
            default -> "Status";
        };
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            if (size == null) {
                throw new EOFException("chunked body cut short");
            }
            int n = Integer.parseInt((size.indexOf(';') < 0 ? size : size.substring(0, size.indexOf(';'))).trim(), 16);
            if (n == 0) {
                for (String trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // trailers are dropped
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
    }

    /** A CRLF-terminated line in ISO-8859-1, or null at the end of the stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new EOFException("connection closed inside a line");
    }
}
