package io.detsim.engine.index;

import static io.detsim.engine.index.KernelSamples.bits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.detsim.sim.random.Xoshiro256;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels must give the scalar kernels' results bit for bit: the simulation's trace
 * digests, and so every recorded seed, depend on each distance's last bit. Compared on raw bits
 * ({@code 0.0f} and {@code -0.0f} differ) over thousands of seeded inputs of every remainder of the
 * four-lane blocking, at magnitudes where a changed summation order would show. The build runs
 * this on JDK 17 and JDK 25.
 */
class VectorKernelsTest {
  private static final int ROUNDS = 200;

  @Test
  void vectorKernels_areChosenWhenTheModuleIsAdded() {
    // surefire adds jdk.incubator.vector (engine/pom.xml); without this the tests below would
    // compare nothing the engine runs.
    assertThat(Vectors.VECTORISED).as(Vectors.kernelName()).isTrue();
  }

  @Test
  void onlyVectorKernels_namesTheIncubatorModule() {
    // The whole engine compiles with the module added; any other class naming it would fail to
    // load on a JVM without it, where the scalar fallback must be all that runs.
    JavaClasses engine = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages("io.detsim.engine");
    noClasses().that().doNotHaveFullyQualifiedName(VectorKernels.class.getName())
        .should().dependOnClassesThat().resideInAPackage("jdk.incubator..")
        .check(engine);
  }

  @Test
  void dot_vectorIsScalarBitForBit() {
    Xoshiro256 random = new Xoshiro256(21);
    for (int dimension : KernelSamples.DIMENSIONS) {
      for (int round = 0; round < ROUNDS; round++) {
        float[] a = KernelSamples.vector(random, dimension, round);
        float[] b = KernelSamples.vector(random, dimension, round);

        assertThat(bits(VectorKernels.dot(a, b)))
            .as("dimension %d, round %d", dimension, round)
            .isEqualTo(bits(ScalarKernels.dot(a, b)));
        assertThat(bits(VectorKernels.distance(a, b))).isEqualTo(bits(ScalarKernels.distance(a, b)));
      }
    }
  }

  @Test
  void distances_vectorIsScalarBitForBit() {
    Xoshiro256 random = new Xoshiro256(22);
    for (int dimension : KernelSamples.DIMENSIONS) {
      for (int round = 0; round < ROUNDS / 4; round++) {
        float[] query = KernelSamples.vector(random, dimension, round);
        float[][] others = new float[4][];
        for (int i = 0; i < others.length; i++) {
          others[i] = KernelSamples.vector(random, dimension, round);
        }
        float[] vector = {-1, -1, -1, -1, -1, -1};
        float[] scalar = vector.clone();

        VectorKernels.distances(query, others[0], others[1], others[2], others[3], vector, 1);
        ScalarKernels.distances(query, others[0], others[1], others[2], others[3], scalar, 1);

        for (int i = 0; i < vector.length; i++) {
          assertThat(bits(vector[i])).as("dimension %d, round %d, slot %d", dimension, round, i)
              .isEqualTo(bits(scalar[i]));
        }
      }
    }
  }

  @Test
  void distances8_vectorIsScalarBitForBit() {
    Xoshiro256 random = new Xoshiro256(23);
    for (int dimension : KernelSamples.DIMENSIONS) {
      for (int round = 0; round < ROUNDS / 8; round++) {
        float[][] vectors = new float[12][];
        for (int i = 0; i < vectors.length; i++) {
          vectors[i] = KernelSamples.vector(random, dimension, round);
        }
        int[] nodes = {0, 11, 3, 5, 7, 1, 9, 2, 10, 4};
        float[] vector = new float[nodes.length];
        float[] scalar = new float[nodes.length];
        Arrays.fill(vector, -1);
        Arrays.fill(scalar, -1);

        VectorKernels.distances8(vectors[5], vectors, nodes, 1, vector);
        ScalarKernels.distances8(vectors[5], vectors, nodes, 1, scalar);

        for (int i = 0; i < vector.length; i++) {
          assertThat(bits(vector[i])).as("dimension %d, round %d, slot %d", dimension, round, i)
              .isEqualTo(bits(scalar[i]));
        }
      }
    }
  }

  @Test
  void compiledKernels_stayBitForBitScalar() {
    // The loops above end before C2 compiles the kernels, so they compare the interpreter's and
    // C1's vector code; tens of thousands of calls compare the code C2 emits, the code that runs.
    Xoshiro256 random = new Xoshiro256(24);
    float[][] vectors = new float[16][];
    int[] nodes = new int[16];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = KernelSamples.vector(random, i < 8 ? 768 : 33, i);
      nodes[i] = i;
    }
    float[] vector = new float[16];
    float[] scalar = new float[16];
    int mismatches = 0;
    for (int call = 0; call < 40_000; call++) {
      int from = (call & 1) * 8;
      float[] query = vectors[from + (call >>> 1) % 8];
      VectorKernels.distances8(query, vectors, nodes, from, vector);
      ScalarKernels.distances8(query, vectors, nodes, from, scalar);
      VectorKernels.distances(query, vectors[from], vectors[from + 3], vectors[from + 5], vectors[from + 7], vector, 0);
      ScalarKernels.distances(query, vectors[from], vectors[from + 3], vectors[from + 5], vectors[from + 7], scalar, 0);
      vector[8] = VectorKernels.distance(query, vectors[from + 6]);
      scalar[8] = ScalarKernels.distance(query, vectors[from + 6]);
      for (int i = 0; i < vector.length; i++) {
        mismatches += bits(vector[i]) == bits(scalar[i]) ? 0 : 1;
      }
    }
    assertThat(mismatches).isZero();
  }

  @Test
  void withoutTheModule_scalarIsChosenSilently_andGivesTheSameDigest() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KernelSamples.class.getName())
        .start();
    String out = read(process.getInputStream());
    String err = read(process.getErrorStream());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();

    long vectorDigest = KernelSamples.digest(1, 50, pair -> bits(Vectors.dot(pair[0], pair[1])));
    long scalarDigest = KernelSamples.digest(1, 50, pair -> bits(ScalarKernels.dot(pair[0], pair[1])));
    assertThat(out.trim().split("\n")).containsExactly("scalar", Long.toString(scalarDigest));
    assertThat(vectorDigest).isEqualTo(scalarDigest);
    assertThat(err).as("the fallback prints nothing").isEmpty();
  }

  private static String read(InputStream stream) throws IOException {
    try (stream) {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
