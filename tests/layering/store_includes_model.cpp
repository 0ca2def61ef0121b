// Compiles: store/ may use model/ (the control for store_includes_io.cpp).
#include "model/records.hpp"
#include "store/store.hpp"

int main() {
  return 0;
}
