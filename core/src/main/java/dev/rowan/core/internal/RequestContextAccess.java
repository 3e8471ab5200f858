package dev.rowan.core.internal;

import dev.rowan.core.Context;

import java.io.IOException;
import java.io.OutputStream;

/** What internal senders (files, static files) need from a request beyond the public Context. */
public interface RequestContextAccess extends Context {
    /** Commits status and headers with a known length (or -1) and returns the body stream. */
    OutputStream commit(long contentLength) throws IOException;
}
