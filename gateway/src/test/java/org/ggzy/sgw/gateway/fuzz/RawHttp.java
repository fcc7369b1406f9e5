package org.ggzy.sgw.gateway.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection a request: the fuzzer's bytes reach the server exactly as written
 * (request targets no URI class would accept, raw non-ASCII header bytes, duplicate headers). Blocking; used only
 * on the test's own thread.
 */
final class RawHttp {

    /** An answer; {@code status} is {@link #HUNG} when none came within the time limit. */
    record Answer(int status, Map<String, String> headers, byte[] body, long nanos) {

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One request to send as it is. */
    record Request(String method, String target, List<String[]> headers, byte[] body) {

        byte[] bytes(int port) {
            StringBuilder head =
                    new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            for (String[] h : headers) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            if (body.length > 0 || method.equals("POST")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length + 2);
            out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(body);
            return out.toByteArray();
        }
    }

    static final int HUNG = -1;

    private final int port;
    private final Duration limit;

    RawHttp(int port, Duration limit) {
        this.port = port;
        this.limit = limit;
    }

    Answer send(Request request) throws IOException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) limit.toMillis());
            socket.setSoTimeout((int) limit.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.bytes(port));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it read everything; the answer is what counts
            }
            return read(socket, started, deadline);
        }
    }

    private static Answer read(Socket socket, long started, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        Head head = null;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Answer(HUNG, Map.of(), all.toByteArray(), System.nanoTime() - started);
            }
            socket.setSoTimeout((int) left);
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                return new Answer(HUNG, Map.of(), all.toByteArray(), System.nanoTime() - started);
            }
            if (n > 0) {
                all.write(buffer, 0, n);
            }
            byte[] bytes = all.toByteArray();
            head = head != null ? head : Head.parse(bytes);
            if (n < 0 || (head != null && head.complete(bytes))) {
                if (head == null) {
                    throw new IOException("connection closed without an HTTP answer (" + bytes.length + " bytes)");
                }
                return new Answer(head.status, head.headers, head.body(bytes), System.nanoTime() - started);
            }
        }
    }

    /** The status line and headers of an answer, and where its body starts. */
    private record Head(int status, Map<String, String> headers, int bodyStart) {

        static Head parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return null;
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new Head(Integer.parseInt(lines[0].split(" ")[1]), headers, end + 4);
        }

        boolean complete(byte[] bytes) {
            if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
                return true; // a stream stays open: its head is the answer
            }
            if (headers.containsKey("content-length")) {
                return bytes.length - bodyStart >= Integer.parseInt(headers.get("content-length"));
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                return new String(bytes, StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n");
            }
            return false;
        }

        byte[] body(byte[] bytes) {
            byte[] raw = java.util.Arrays.copyOfRange(bytes, Math.min(bodyStart, bytes.length), bytes.length);
            return "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(raw) : raw;
        }

        private static byte[] dechunk(byte[] raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < raw.length) {
                int eol = indexOfCrlf(raw, at);
                if (eol < 0) {
                    break;
                }
                String size = new String(raw, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                int length = Integer.parseInt(size, 16);
                if (length == 0) {
                    break;
                }
                out.write(raw, eol + 2, Math.min(length, raw.length - eol - 2));
                at = eol + 2 + length + 2;
            }
            return out.toByteArray();
        }

        private static int indexOfCrlf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }
}
