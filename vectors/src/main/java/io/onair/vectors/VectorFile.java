package io.onair.vectors;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary file of one {@link VectorSet}: the magic {@code ONAIRVEC}, a format number, the row
 * count and the dimension (big-endian ints), the ids (modified UTF-8, {@link
 * DataOutputStream#writeUTF}), then the vectors row-major as little-endian float32.
 */
final class VectorFile {
  private static final byte[] MAGIC =
      "ONAIRVEC".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int FORMAT = 1;
  private static final int CHUNK_FLOATS = 1 << 16;

  private VectorFile() {}

  static void write(VectorSet set, Path file) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.write(MAGIC);
      out.writeInt(FORMAT);
      out.writeInt(set.size());
      out.writeInt(set.dimension());
      for (String id : set.ids()) {
        out.writeUTF(id);
      }
      float[] data = set.data();
      ByteBuffer buffer =
          ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (int start = 0; start < data.length; start += CHUNK_FLOATS) {
        int end = Math.min(data.length, start + CHUNK_FLOATS);
        buffer.clear();
        buffer.asFloatBuffer().put(data, start, end - start);
        out.write(buffer.array(), 0, (end - start) * Float.BYTES);
      }
    }
  }

  static VectorSet read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IllegalArgumentException(file + " is not a vector file (bad magic)");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IllegalArgumentException(
            file + " has vector format " + format + ", this build reads " + FORMAT);
      }
      int size = in.readInt();
      int dimension = in.readInt();
      if (size < 0 || dimension < 1 || (long) size * dimension > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            file + " declares " + size + " vectors of dimension " + dimension);
      }
      List<String> ids = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        ids.add(in.readUTF());
      }
      float[] data = new float[size * dimension];
      byte[] bytes = new byte[CHUNK_FLOATS * Float.BYTES];
      for (int start = 0; start < data.length; start += CHUNK_FLOATS) {
        int count = Math.min(CHUNK_FLOATS, data.length - start);
        in.readFully(bytes, 0, count * Float.BYTES);
        ByteBuffer.wrap(bytes, 0, count * Float.BYTES)
            .order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer()
            .get(data, start, count);
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException(file + " has bytes after its last vector");
      }
      return VectorSet.wrap(List.copyOf(ids), data, dimension);
    } catch (EOFException e) {
      throw new IllegalArgumentException(file + " is truncated", e);
    }
  }
}
