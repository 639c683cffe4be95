package io.detsim.engine.index;

/**
 * The shape of one HNSW graph [1]: degree bounds, beam widths, the layer cap and the vector
 * dimension.
 *
 * <p>The defaults are the engine's decision (docs/engine.md, "HNSW parameters"): {@code M = 16},
 * {@code M0 = 32}, {@code efConstruction = 200}, {@code efSearch = 64}, at most 16 layers. The
 * dimension is the one knob a caller must choose: 768 in the original design, small (such as 16)
 * in simulation so that a run stays fast.
 *
 * <p>[1] Y. A. Malkov, D. A. Yashunin, "Efficient and robust approximate nearest neighbor search
 * using Hierarchical Navigable Small World graphs", IEEE TPAMI 42(4), 2018.
 *
 * @param m the number of neighbours a new node links to, and the degree bound on layers above 0
 * @param m0 the degree bound on layer 0, at least {@code m}
 * @param efConstruction the beam width when a node is inserted
 * @param efSearch the default beam width of a search
 * @param maxLayers the number of layers at most; levels are capped at {@code maxLayers - 1}
 * @param dimension the number of components of every vector
 */
public record HnswParams(int m, int m0, int efConstruction, int efSearch, int maxLayers, int dimension) {
  public static final int DEFAULT_M = 16;
  public static final int DEFAULT_M0 = 32;
  public static final int DEFAULT_EF_CONSTRUCTION = 200;
  public static final int DEFAULT_EF_SEARCH = 64;
  public static final int DEFAULT_MAX_LAYERS = 16;

  public HnswParams {
    // m >= 2: the level multiplier is 1 / ln(m), which is undefined for m = 1.
    require(m >= 2, "m must be at least 2: %d", m);
    require(m0 >= m, "m0 must be at least m (%d): %d", m, m0);
    require(efConstruction >= 1, "efConstruction must be positive: %d", efConstruction);
    require(efSearch >= 1, "efSearch must be positive: %d", efSearch);
    require(maxLayers >= 1 && maxLayers <= 64, "maxLayers must be in [1, 64]: %d", maxLayers);
    require(dimension >= 1, "dimension must be positive: %d", dimension);
  }

  /** The engine's parameters for vectors of the given dimension. */
  public static HnswParams defaults(int dimension) {
    return new HnswParams(
        DEFAULT_M, DEFAULT_M0, DEFAULT_EF_CONSTRUCTION, DEFAULT_EF_SEARCH, DEFAULT_MAX_LAYERS, dimension);
  }

  /** The degree bound of a layer: {@code m0} on layer 0, {@code m} above. */
  int maxDegree(int layer) {
    return layer == 0 ? m0 : m;
  }

  /** {@code mL = 1 / ln(M)}, the paper's choice that makes each layer about {@code M} times sparser. */
  double levelMultiplier() {
    return 1.0 / StrictMath.log(m);
  }

  private static void require(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }
}
