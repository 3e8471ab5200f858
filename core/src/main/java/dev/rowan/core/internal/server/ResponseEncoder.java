package dev.rowan.core.internal.server;

import dev.rowan.core.spi.ServerExchange.ResponseHead;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;

/**
 * Writes a complete response (status line, headers, body) straight into one buffer, for the common
 * case only. Netty's encoder would first copy every header into a hash-map based {@code HttpHeaders}
 * and then walk it again; Rowan's headers are already validated (no CR, LF or NUL) and ordered, so
 * the bytes can be produced in one pass. Anything unusual (statuses whose body Netty's encoder
 * must drop or rewrite, a handler-set {@code Transfer-Encoding}) returns {@code null} and takes
 * Netty's path, so the bytes on the wire are the same either way.
 */
final class ResponseEncoder {
    /** Bodies up to this size are copied behind the head; larger ones are sent as a second buffer. */
    private static final int COPY_BODY_MAX = 8 * 1024;
    /** {@code "content-length: n\r\n"} for small bodies, built on first use. */
    private static final byte[][] LENGTH_LINES = new byte[1024][];
    private static final byte[] CONNECTION_CLOSE = "connection: close\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION_KEEP_ALIVE = "connection: keep-alive\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] STATUS_LINES = new byte[600][];

    /** What the {@code connection} header says, decided by the exchange. */
    enum Connection { NONE, CLOSE, KEEP_ALIVE }

    private ResponseEncoder() {
    }

    /** True when {@link #encode} can produce this response; otherwise Netty's encoder must. */
    static boolean handles(int status, ResponseHead head) {
        if (status < 200 || status > 599 || status == 204 || status == 205 || status == 304) {
            return false;
        }
        for (int i = 0, n = head.size(); i < n; i++) {
            if (is(head.name(i), "transfer-encoding")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The response as Netty's encoder would write it for a {@code FullHttpResponse}: the handler's
     * headers in order, minus the ones the engine owns, then {@code date}, {@code content-length}
     * and {@code connection}. For HEAD the length is announced but no body is sent.
     */
    static ByteBuf encode(ByteBufAllocator alloc, int status, ResponseHead head, byte[] body, boolean headRequest, Connection connection) {
        byte[] dateLine = DateHeader.line();
        byte[] statusLine = statusLine(status);
        byte[] lengthLine = lengthLine(body.length);
        boolean dropConnection = connection != Connection.NONE;
        int n = head.size();
        // A ready-encoded run [from, to) is copied as it is; "to > from" guards an empty run.
        int from = head.encodedFrom();
        byte[] run = head.encoded().bytes();
        int to = from + head.encoded().count();
        int size = statusLine.length + dateLine.length + lengthLine.length + CONNECTION_KEEP_ALIVE.length + 2;
        for (int i = 0; i < n; i++) {
            if (i == from && to > from) {
                size += run.length;
                i = to - 1;
                continue;
            }
            size += head.name(i).length() + head.value(i).length() + 4;
        }
        boolean copyBody = !headRequest && body.length <= COPY_BODY_MAX;
        // Filled as a plain array, then copied to direct memory in one go: per-byte writes into a
        // pooled direct buffer are bounds-checked one by one when Netty runs without Unsafe (JDK 25).
        byte[] bytes = new byte[size + (copyBody ? body.length : 0)];
        int p = put(statusLine, bytes, 0);
        for (int i = 0; i < n; i++) {
            if (i == from && to > from) {
                p = put(run, bytes, p);
                i = to - 1;
                continue;
            }
            String name = head.name(i);
            if (ownedByEngine(name, dropConnection)) {
                continue;
            }
            p = put(name, bytes, p);
            bytes[p++] = ':';
            bytes[p++] = ' ';
            p = put(head.value(i), bytes, p);
            bytes[p++] = '\r';
            bytes[p++] = '\n';
        }
        p = put(dateLine, bytes, p);
        p = put(lengthLine, bytes, p);
        if (connection == Connection.CLOSE) {
            p = put(CONNECTION_CLOSE, bytes, p);
        } else if (connection == Connection.KEEP_ALIVE) {
            p = put(CONNECTION_KEEP_ALIVE, bytes, p);
        }
        bytes[p++] = '\r';
        bytes[p++] = '\n';
        if (copyBody) {
            p = put(body, bytes, p);
        }
        ByteBuf out = alloc.directBuffer(p).writeBytes(bytes, 0, p);
        return copyBody || headRequest || body.length == 0 ? out : Unpooled.wrappedBuffer(out, Unpooled.wrappedBuffer(body));
    }

    private static byte[] lengthLine(int length) {
        byte[] line = length < LENGTH_LINES.length ? LENGTH_LINES[length] : null;
        if (line == null) {
            line = ("content-length: " + length + "\r\n").getBytes(StandardCharsets.US_ASCII);
            if (length < LENGTH_LINES.length) {
                LENGTH_LINES[length] = line; // racy but harmless: equal bytes either way
            }
        }
        return line;
    }

    // Netty's FullHttpResponse path "set"s these, replacing whatever the handler put there.
    private static boolean ownedByEngine(String name, boolean dropConnection) {
        return is(name, "date") || is(name, "content-length") || dropConnection && is(name, "connection");
    }

    private static boolean is(String name, String lower) {
        return name.length() == lower.length() && name.equalsIgnoreCase(lower);
    }

    private static byte[] statusLine(int status) {
        byte[] line = STATUS_LINES[status];
        if (line == null) {
            // Racy but harmless: two threads build the same bytes.
            line = ("HTTP/1.1 " + HttpResponseStatus.valueOf(status) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            STATUS_LINES[status] = line;
        }
        return line;
    }

    private static int put(byte[] src, byte[] dst, int at) {
        System.arraycopy(src, 0, dst, at, src.length);
        return at + src.length;
    }

    /**
     * Like Netty's header encoder: one byte per char, '?' for chars beyond Latin-1. Encoding the
     * whole string at once is a vectorised copy for Latin-1 strings, several times faster than a
     * per-char loop on the hot path.
     */
    private static int put(String s, byte[] dst, int at) {
        return put(s.getBytes(StandardCharsets.ISO_8859_1), dst, at);
    }
}
