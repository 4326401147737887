package de.leitbild.publisher.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Packed cache data reads back as written, and a damaged copy fails with an IOException. */
class PackedDataTest {

    private static byte[] bytes(PackedWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static PackedReader reader(byte[] bytes) throws IOException {
        return PackedReader.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void numbersAndTextsReadBackAsWritten() throws IOException {
        PackedWriter writer = new PackedWriter();
        int[] counts = {0, 1, 127, 128, 16_383, 16_384, 1 << 28, Integer.MAX_VALUE};
        for (int count : counts) {
            writer.writeCount(count);
        }
        writer.writeLong(-2L);
        writer.writeLong(Long.MAX_VALUE);
        writer.writeText("Beiratssitzungen – 😀");
        writer.writeText("");
        PackedReader reader = reader(bytes(writer));
        for (int count : counts) {
            assertThat(reader.readCount()).isEqualTo(count);
        }
        assertThat(reader.readLong()).isEqualTo(-2L);
        assertThat(reader.readLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(reader.readText()).isEqualTo("Beiratssitzungen – 😀");
        assertThat(reader.readText()).isEmpty();
        assertThatThrownBy(reader::readCount).isInstanceOf(IOException.class);
    }

    @Test
    void aDamagedBlockFailsWithAnIoException() throws IOException {
        PackedWriter writer = new PackedWriter();
        writer.writeText("ein Text");
        byte[] whole = bytes(writer);
        assertThatThrownBy(() -> reader(Arrays.copyOf(whole, whole.length - 2))).isInstanceOf(IOException.class);
        byte[] tooLong = whole.clone();
        tooLong[4] = 100; // the text's length
        assertThatThrownBy(() -> reader(tooLong).readText()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> reader(new byte[] {0, 0, 0, 5, -1, -1, -1, -1, -1}).readCount())
                .isInstanceOf(IOException.class);
    }
}
