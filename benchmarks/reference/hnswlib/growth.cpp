// The reference for detsim's HNSW insert: hnswlib, the C++ library of the HNSW paper's first
// author, grown in the engine's shape (cosine distance as 1 - inner product of unit vectors, M 16,
// so 32 links on layer 0, efConstruction 200, one thread) over Gaussian vectors. Prints the
// thread's CPU time per window of inserts in the format of io.detsim.bench.HnswGrowthCpuTime, so
// that the two curves read side by side. run.sh builds and runs it.
//
// Usage: growth [dimension] [count] [window] [--count-distances]   (defaults: 8 1200000 100000)
// --count-distances also prints distances an insert, through a counting wrapper of the distance
// function (one more indirect call and an increment each; run without it for the times).
#include <hnswlib/hnswlib.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>
#include <vector>

// The inner-product space with every distance counted, for distances an insert.
static hnswlib::DISTFUNC<float> inner_distance;
static long distances = 0;

static float counted_distance(const void* a, const void* b, const void* dimension) {
  distances++;
  return inner_distance(a, b, dimension);
}

class CountingSpace : public hnswlib::SpaceInterface<float> {
 public:
  explicit CountingSpace(size_t dimension) : inner_(dimension) { inner_distance = inner_.get_dist_func(); }
  size_t get_data_size() override { return inner_.get_data_size(); }
  hnswlib::DISTFUNC<float> get_dist_func() override { return counted_distance; }
  void* get_dist_func_param() override { return inner_.get_dist_func_param(); }

 private:
  hnswlib::InnerProductSpace inner_;
};

static double thread_cpu_seconds() {
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec * 1e-9;
}

int main(int argc, char** argv) {
  int dimension = argc > 1 ? atoi(argv[1]) : 8;
  long count = argc > 2 ? atol(argv[2]) : 1200000;
  long window = argc > 3 ? atol(argv[3]) : 100000;
  if (dimension < 1 || count < 1 || window < 1 || window > count) {
    fprintf(stderr, "growth: need dimension >= 1 and 1 <= window <= count\n");
    return 2;
  }
  // After the three numbers, the one flag, once; anything else is refused by name, never ignored.
  bool count_distances = false;
  for (int i = 4; i < argc; i++) {
    if (count_distances || std::string(argv[i]) != "--count-distances") {
      fprintf(stderr, "growth: unexpected argument '%s'; after the three numbers only --count-distances, once\n", argv[i]);
      return 2;
    }
    count_distances = true;
  }
  // Drawn before the first insert, so that drawing is not timed; normalised here, as the engine
  // normalises on entry (hnswlib's Python binding does the same for its cosine space).
  std::mt19937_64 random(2);
  std::normal_distribution<float> gaussian;
  std::vector<float> vectors(count * dimension);
  for (long i = 0; i < count; i++) {
    float* vector = &vectors[i * dimension];
    double squares = 0;
    for (int j = 0; j < dimension; j++) {
      vector[j] = gaussian(random);
      squares += vector[j] * vector[j];
    }
    for (int j = 0; j < dimension; j++) {
      vector[j] = static_cast<float>(vector[j] / std::sqrt(squares));
    }
  }
  hnswlib::InnerProductSpace plain(dimension);
  CountingSpace counting(dimension);
  hnswlib::SpaceInterface<float>* space = count_distances ? static_cast<hnswlib::SpaceInterface<float>*>(&counting) : &plain;
  hnswlib::HierarchicalNSW<float> index(space, count, 16, 200, 1);
  printf("hnswlib dimension %d, M 16, efConstruction 200\n", dimension);
  double total = 0;
  for (long start = 0; start < count; start += window) {
    long end = start + window < count ? start + window : count;
    long distances_before = distances;
    double before = thread_cpu_seconds();
    for (long id = start; id < end; id++) {
      index.addPoint(&vectors[id * dimension], id);
    }
    double seconds = thread_cpu_seconds() - before;
    total += seconds;
    printf("hnswlib nodes %9ld: %9.1f us an insert, %8.0f inserts per CPU second", end,
           seconds / (end - start) * 1e6, (end - start) / seconds);
    if (count_distances) {
      printf(", %6.0f distances an insert", (distances - distances_before) / static_cast<double>(end - start));
    }
    printf("\n");
    fflush(stdout);
  }
  printf("hnswlib total %ld inserts: %.1f CPU s, %.0f inserts per CPU second\n", count, total, count / total);
  return 0;
}
