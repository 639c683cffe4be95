package io.detsim.engine.log;

/**
 * The CRC-32C of two byte strings put end to end, from the CRC of each and the length of the
 * second: what lets a snapshot streamed to disk get the checksum of its format, which covers the
 * header (with the payload's length, known only at the end) before the payload.
 *
 * <p>zlib's {@code crc32_combine} (M. Adler, zlib 1.2.x {@code crc32.c}), with the Castagnoli
 * polynomial in place of CRC-32's: appending {@code n} zero bits to a message is a linear map on
 * its CRC, applied here by squaring the one-zero-bit operator as a 32x32 matrix over GF(2).
 */
final class Crc32cCombine {
  private static final int CASTAGNOLI_REFLECTED = 0x82F63B78;

  private Crc32cCombine() {}

  /** CRC-32C of {@code a || b}, given CRC-32C of {@code a}, of {@code b}, and {@code b}'s length. */
  static int combine(int crcA, int crcB, long lengthB) {
    if (lengthB <= 0) {
      return crcA;
    }
    int[] even = new int[32];
    int[] odd = new int[32];
    odd[0] = CASTAGNOLI_REFLECTED; // the operator for one zero bit
    int row = 1;
    for (int n = 1; n < 32; n++) {
      odd[n] = row;
      row <<= 1;
    }
    square(even, odd); // two zero bits
    square(odd, even); // four zero bits
    int crc = crcA;
    long remaining = lengthB;
    do { // each round applies one zero byte's power of two: 1, 2, 4, ... bytes
      square(even, odd);
      if ((remaining & 1) != 0) {
        crc = times(even, crc);
      }
      remaining >>>= 1;
      if (remaining == 0) {
        break;
      }
      square(odd, even);
      if ((remaining & 1) != 0) {
        crc = times(odd, crc);
      }
      remaining >>>= 1;
    } while (remaining != 0);
    return crc ^ crcB;
  }

  private static int times(int[] matrix, int vector) {
    int sum = 0;
    for (int i = 0; vector != 0; i++, vector >>>= 1) {
      if ((vector & 1) != 0) {
        sum ^= matrix[i];
      }
    }
    return sum;
  }

  private static void square(int[] square, int[] matrix) {
    for (int n = 0; n < 32; n++) {
      square[n] = times(matrix, matrix[n]);
    }
  }
}
