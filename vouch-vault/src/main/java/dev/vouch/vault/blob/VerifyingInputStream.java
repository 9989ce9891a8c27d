package dev.vouch.vault.blob;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Hashes what is read and fails at end of stream when the content does not match its digest. */
final class VerifyingInputStream extends FilterInputStream {
    private final Digest expected;
    private final MessageDigest sha = Digest.sha256();
    private boolean checked;

    VerifyingInputStream(InputStream in, Digest expected) {
        super(in);
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            check();
        } else {
            sha.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            check();
        } else {
            sha.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would leave bytes unhashed; read them instead.
        byte[] discard = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(discard, 0, (int) Math.min(discard.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check() throws IOException {
        if (checked) {
            return;
        }
        checked = true;
        Digest actual = Digest.of(sha);
        if (!actual.equals(expected)) {
            throw new IOException("blob " + expected + " content hashes to " + actual);
        }
    }
}
