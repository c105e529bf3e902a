package org.orderplatform.platform.web.body;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.platform.web.problem.PlatformProblem;
import org.orderplatform.platform.web.problem.Problems;

/**
 * Refuses request bodies larger than {@code MAX_REQUEST_BODY_BYTES} with 413: up front when Content-Length says
 * so, and while reading when a chunked body grows past the limit (see {@link RequestBodyTooLargeException}).
 * Chunked form bodies are refused with 411, because the container parses forms without this filter's stream.
 */
public class RequestBodyLimitFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "MAX_REQUEST_BODY_BYTES", defaultValue = "1048576")
    long maxBytes;

    @Inject
    Problems problems;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() < 0 && isForm(request)) {
            // The container parses form bodies itself, past any wrapper: their size must be known up front.
            problems.send(problems.ofStatus(HttpServletResponse.SC_LENGTH_REQUIRED,
                    "Form bodies need a Content-Length (at most " + maxBytes + " bytes)", request), response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            response.setHeader("Connection", "close");
            problems.send(problems.of(PlatformProblem.PAYLOAD_TOO_LARGE, tooLargeDetail(maxBytes), request, List.of()),
                    response);
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }

    static String tooLargeDetail(long maxBytes) {
        return "The request body exceeds the limit of " + maxBytes + " bytes";
    }

    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream limited;
        private BufferedReader reader;

        LimitedBodyRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream(), maxBytes);
            }
            return limited;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                reader = new BufferedReader(new InputStreamReader(getInputStream(),
                        encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            }
            return reader;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedInputStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new RequestBodyTooLargeException(tooLargeDetail(maxBytes));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
