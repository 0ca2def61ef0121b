// Must NOT compile: store/ may not use io/ (see docs/architecture.md). A test expects failure.
#include "io/dataset_reader.hpp"
#include "store/store.hpp"

int main() {
  return 0;
}
