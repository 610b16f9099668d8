package vn.motcua.dossier.internal;

import java.io.IOException;

import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;

/**
 * A submitted file, already in memory, as PDFBox's input: the same answers as {@code RandomAccessReadBuffer} (which
 * {@code Loader.loadPDF(byte[])} wraps the bytes in), read straight from the array. The parser reads a file byte by
 * byte, and {@code RandomAccessReadBuffer}'s chunked {@code ByteBuffer}s cost a closed-check, a chunk check and two
 * buffer calls per byte (what that saves: docs/dossier.md, session 14).
 * {@code ByteArrayPdfSourceTest} drives both with the same random operations and compares every answer.
 */
final class ByteArrayPdfSource implements RandomAccessRead {

    private final byte[] bytes;
    private int position;
    private boolean closed;
    /** What views read through, so that reading a view leaves this one's position alone (as the buffer's copies do). */
    private ByteArrayPdfSource copy;

    ByteArrayPdfSource(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int offset, int length) throws IOException {
        checkClosed();
        int left = bytes.length - position;
        if (left <= 0) {
            return -1;
        }
        int n = Math.min(length, left);
        System.arraycopy(bytes, position, b, offset, n);
        position += n;
        return n;
    }

    @Override
    public int peek() throws IOException {
        checkClosed();
        return position < bytes.length ? bytes[position] & 0xff : -1;
    }

    @Override
    public long getPosition() throws IOException {
        checkClosed();
        return position;
    }

    @Override
    public void seek(long to) throws IOException {
        checkClosed();
        if (to < 0) {
            throw new IOException("Invalid position " + to);
        }
        position = (int) Math.min(to, bytes.length);
    }

    @Override
    public long length() throws IOException {
        checkClosed();
        return bytes.length;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isEOF() throws IOException {
        checkClosed();
        return position >= bytes.length;
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        // The buffer keeps one copy per thread; a document is parsed on one thread, so one copy is enough here.
        if (copy == null || copy.closed) {
            copy = new ByteArrayPdfSource(bytes);
            copy.closed = closed;
        }
        return new RandomAccessReadView(copy, startPosition, streamLength);
    }

    @Override
    public void close() {
        closed = true;
        if (copy != null) {
            copy.close();
            copy = null;
        }
    }

    private void checkClosed() throws IOException {
        if (closed) {
            throw new IOException("RandomAccessBuffer already closed");
        }
    }
}
