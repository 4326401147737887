package de.leitbild.publisher.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What the build daemon and its client say to each other over the socket. The client sends one request (the
 * protocol's name, the identity of its code, a command, root, output, whether to show stack traces); the daemon
 * answers with frames: printed bytes for standard output or error, then the exit code, or "stale" when it runs
 * other code than the client (it then ends, and the client starts a new one).
 */
final class DaemonProtocol {

    static final String NAME = "leitbild-publisher-daemon/1";
    static final byte OUT = 'O';
    static final byte ERR = 'E';
    static final byte EXIT = 'X';
    static final byte STALE = 'S';

    /** What a client asks: {@code build}, {@code status} or {@code stop}. */
    record Request(String identity, String command, String root, String output, boolean stacktrace) {

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(NAME);
            out.writeUTF(identity);
            out.writeUTF(command);
            out.writeUTF(root);
            out.writeUTF(output);
            out.writeBoolean(stacktrace);
            out.flush();
        }

        static Request read(DataInputStream in) throws IOException {
            if (!NAME.equals(in.readUTF())) {
                throw new IOException("not a request of " + NAME);
            }
            return new Request(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readBoolean());
        }
    }

    private DaemonProtocol() {
    }

    /**
     * The bytes a build prints, sent as frames of one kind. A client that went away (Ctrl+C) does not stop the
     * build: what it would have printed is dropped, and the build finishes and publishes as it would have.
     */
    static final class FrameStream extends OutputStream {
        private final DataOutputStream channel;
        private final byte kind;
        private boolean gone;

        FrameStream(DataOutputStream channel, byte kind) {
            this.channel = channel;
            this.kind = kind;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (channel) {
                if (gone || length == 0) {
                    return;
                }
                try {
                    channel.writeByte(kind);
                    channel.writeInt(length);
                    channel.write(bytes, offset, length);
                    channel.flush();
                } catch (IOException e) {
                    gone = true;
                }
            }
        }
    }
}
